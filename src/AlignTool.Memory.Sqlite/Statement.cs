using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// A prepared statement driven straight through SQLite's C API: the bulk writes of an ingest bind and step millions
/// of rows, and Microsoft.Data.Sqlite's per-command work (parameter objects, boxing, a reader per step) cost more than
/// SQLite's own insert. It is prepared through SQLitePCLRaw, which Microsoft.Data.Sqlite runs on; binds, steps and
/// column reads then call SQLite through <see cref="Native"/>, on the statement's pointer, which the statement keeps
/// alive until disposed. Used only inside a transaction the connection already holds; errors surface as
/// <see cref="SqliteException"/>, as everywhere else.
/// </summary>
internal sealed unsafe class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _p;
    private readonly bool _held;

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _stmt.DangerousAddRef(ref _held);
        _p = _stmt.DangerousGetHandle();
        int parameters = raw.sqlite3_bind_parameter_count(_stmt) + 1;
        _kinds = new Bound[parameters];
        _ints = new long[parameters];
        _texts = new string?[parameters];
    }

    /// <summary>What a parameter holds since it was last bound here. SQLite keeps a statement's bindings across a reset,
    /// so a value bound again (the same number, NULL, the same string instance) is left as it is: most columns of an
    /// ingest's rows repeat from one row to the next (stamps, author, language, document, NULLs), and a text bind costs
    /// SQLite a copy of the bytes.</summary>
    private enum Bound : byte { Unknown, Null, Int64, Text }

    private readonly Bound[] _kinds;
    private readonly long[] _ints;
    private readonly string?[] _texts;

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Whether parameter <paramref name="i"/> already holds this value (a string by instance).</summary>
    private bool Holds(int i, Bound kind, long number = 0, string? text = null) =>
        (uint)i < (uint)_kinds.Length && _kinds[i] == kind && _ints[i] == number && ReferenceEquals(_texts[i], text);

    /// <summary>Records what parameter <paramref name="i"/> holds once SQLite took it (an index out of range is left to
    /// SQLite's own error).</summary>
    private void Hold(int i, Bound kind, long number = 0, string? text = null)
    {
        if ((uint)i < (uint)_kinds.Length) (_kinds[i], _ints[i], _texts[i]) = (kind, number, text);
    }

    /// <summary>Binds by position (1-based, as in SQL).</summary>
    public Statement Bind(int i, long value)
    {
        if (Holds(i, Bound.Int64, value)) return this;
        Hold(i, Bound.Unknown);
        Check(Native.BindInt64(_p, i, value));
        Hold(i, Bound.Int64, value);
        return this;
    }

    public Statement Bind(int i, long? value) => value is { } v ? Bind(i, v) : BindNull(i);

    /// <summary>Binds text as UTF-8, encoded here into a buffer the statement keeps (SQLite copies it): the
    /// database is UTF-8, and .NET's vectorized encoder is cheaper than SQLite converting UTF-16 itself.</summary>
    public Statement Bind(int i, string? value)
    {
        if (value is null) return BindNull(i);
        if (Holds(i, Bound.Text, text: value)) return this;
        Hold(i, Bound.Unknown);
        int n = Utf8(value).Length;
        // The array, not the span: an empty span has no address, and SQLite takes a null pointer as NULL.
        fixed (byte* p = _utf8) Check(Native.BindText(_p, i, p, n, Native.Transient));
        Hold(i, Bound.Text, text: value);
        return this;
    }

    private byte[] _utf8 = new byte[1024];

    /// <summary><paramref name="value"/> in UTF-8, in the buffer the statement keeps (valid until the next call).</summary>
    private ReadOnlySpan<byte> Utf8(string value)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, 1024)];
        return _utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(value, _utf8));
    }

    public Statement Bind(int i, ReadOnlySpan<byte> blob)
    {
        // An empty span has no address; SQLite takes a null pointer as NULL, so a zero-length blob points at a byte.
        byte empty = 0;
        Hold(i, Bound.Unknown);
        fixed (byte* p = blob) Check(Native.BindBlob(_p, i, p == null ? &empty : p, blob.Length, Native.Transient));
        return this;
    }

    public Statement BindNull(int i)
    {
        if (Holds(i, Bound.Null)) return this;
        Hold(i, Bound.Unknown);
        Check(Native.BindNull(_p, i));
        Hold(i, Bound.Null);
        return this;
    }

    /// <summary>Runs a statement that returns no rows, and makes it ready for the next binding.</summary>
    public void Run()
    {
        int rc = Native.Step(_p);
        Native.Reset(_p);
        Check(rc);
    }

    /// <summary>Steps to the next row; false at the end (and the statement is then reset).</summary>
    public bool Next()
    {
        int rc = Native.Step(_p);
        if (rc == raw.SQLITE_ROW) return true;
        Native.Reset(_p);
        Check(rc);
        return false;
    }

    /// <summary>Abandons the current rows and makes the statement ready for the next binding.</summary>
    public void Reset() => Native.Reset(_p);

    public long Int64(int column) => Native.ColumnInt64(_p, column);

    public string? Text(int column)
    {
        if (Native.ColumnType(_p, column) == raw.SQLITE_NULL) return null;
        byte* text = Native.ColumnText(_p, column); // before the length: it may convert the value to text first
        return System.Text.Encoding.UTF8.GetString(text, Native.ColumnBytes(_p, column));
    }

    /// <summary>Whether a column of the current row holds exactly <paramref name="value"/> (NULL only for null): compared
    /// as UTF-8 bytes, the way it was bound, with no string made of the column. The writer confirms every unit and
    /// variant it finds by hash this way.</summary>
    public bool TextEquals(int column, string? value)
    {
        if (Native.ColumnType(_p, column) == raw.SQLITE_NULL) return value is null;
        if (value is null) return false;
        byte* text = Native.ColumnText(_p, column);
        return new ReadOnlySpan<byte>(text, Native.ColumnBytes(_p, column)).SequenceEqual(Utf8(value));
    }

    /// <summary>The blob of a column of the current row, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Blob(int column)
    {
        byte* blob = Native.ColumnBlob(_p, column);
        return blob == null ? default : new ReadOnlySpan<byte>(blob, Native.ColumnBytes(_p, column));
    }

    public void Dispose()
    {
        if (_held) _stmt.DangerousRelease();
        _stmt.Dispose();
    }
}
