using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// A prepared statement driven straight through SQLite's C API (SQLitePCLRaw, which Microsoft.Data.Sqlite runs on):
/// the bulk writes of an ingest bind and step millions of rows, and Microsoft.Data.Sqlite's per-command work
/// (parameter objects, boxing, a reader per step) cost more than SQLite's own insert. Used only inside a
/// transaction the connection already holds; errors surface as <see cref="SqliteException"/>, as everywhere else.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Binds by position (1-based, as in SQL).</summary>
    public Statement Bind(int i, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, i, value));
        return this;
    }

    public Statement Bind(int i, long? value) => value is { } v ? Bind(i, v) : BindNull(i);

    /// <summary>Binds text as UTF-8, encoded here into a buffer the statement keeps (SQLite copies it): the
    /// database is UTF-8, and .NET's vectorized encoder is cheaper than SQLite converting UTF-16 itself.</summary>
    public Statement Bind(int i, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_stmt, i));
            return this;
        }
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, 1024)];
        int n = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_stmt, i, _utf8.AsSpan(0, n)));
        return this;
    }

    private byte[] _utf8 = new byte[1024];

    public Statement Bind(int i, ReadOnlySpan<byte> blob)
    {
        Check(raw.sqlite3_bind_blob(_stmt, i, blob));
        return this;
    }

    public Statement BindNull(int i)
    {
        Check(raw.sqlite3_bind_null(_stmt, i));
        return this;
    }

    /// <summary>Runs a statement that returns no rows, and makes it ready for the next binding.</summary>
    public void Run()
    {
        int rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        Check(rc);
    }

    /// <summary>Steps to the next row; false at the end (and the statement is then reset).</summary>
    public bool Next()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        raw.sqlite3_reset(_stmt);
        Check(rc);
        return false;
    }

    /// <summary>Abandons the current rows and makes the statement ready for the next binding.</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public string? Text(int column) =>
        raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_stmt, column);

    public void Dispose() => _stmt.Dispose();
}
