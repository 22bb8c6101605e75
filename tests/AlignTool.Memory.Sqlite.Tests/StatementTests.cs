using AlignTool.Memory.Sqlite;
using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>
/// <see cref="Statement"/> calls SQLite through function pointers, not SQLitePCLRaw: each kind of value goes in and
/// comes out unchanged, and SQLite's errors still surface as <see cref="SqliteException"/>.
/// </summary>
[TestClass]
public sealed class StatementTests
{
    private static SqliteConnection Open()
    {
        var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        using var create = db.CreateCommand();
        create.CommandText = "CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, s TEXT, b BLOB)";
        create.ExecuteNonQuery();
        return db;
    }

    [TestMethod]
    public void Values_round_trip_through_the_native_calls()
    {
        using var db = Open();
        byte[] bytes = [0, 1, 2, 250, 255];
        using (var insert = new Statement(db, "INSERT INTO t(id, n, s, b) VALUES(?1, ?2, ?3, ?4)"))
        {
            insert.Bind(1, 1).Bind(2, long.MinValue).Bind(3, "第四十三届会议 — الدورة الثالثة والأربعون").Bind(4, bytes).Run();
            insert.Bind(1, 2).Bind(2, (long?)null).Bind(3, "").Bind(4, ReadOnlySpan<byte>.Empty).Run();
            insert.Bind(1, 3).Bind(2, 7).Bind(3, (string?)null).BindNull(4).Run();
        }
        using var read = new Statement(db, "SELECT n, s, b, typeof(n), typeof(s), typeof(b) FROM t ORDER BY id");
        var rows = new List<(long N, string? S, byte[] B, string Types)>();
        while (read.Next()) rows.Add((read.Int64(0), read.Text(1), read.Blob(2).ToArray(), $"{read.Text(3)} {read.Text(4)} {read.Text(5)}"));

        Assert.AreEqual(3, rows.Count);
        Assert.AreEqual(long.MinValue, rows[0].N);
        Assert.AreEqual("第四十三届会议 — الدورة الثالثة والأربعون", rows[0].S);
        CollectionAssert.AreEqual(bytes, rows[0].B);
        Assert.AreEqual("integer text blob", rows[0].Types);
        // An empty string and an empty blob stay empty values, not NULL.
        Assert.AreEqual("", rows[1].S);
        Assert.AreEqual(0, rows[1].B.Length);
        Assert.AreEqual("null text blob", rows[1].Types);
        Assert.IsNull(rows[2].S);
        Assert.AreEqual("integer null null", rows[2].Types);
    }

    [TestMethod]
    public void A_value_bound_again_is_kept_and_any_other_value_replaces_it()
    {
        // The statement skips a bind whose value the parameter already holds (SQLite keeps bindings across a reset):
        // every change of value or kind, on every row, must still reach SQLite.
        using var db = Open();
        string stamp = "2026-11-23T09:00:00Z";
        string sameText = new(stamp.AsSpan()); // equal, but another instance
        byte[] blob = [1, 2, 3];
        var rows = new (long? N, object? S)[]
        {
            (5, stamp), (5, stamp), (null, sameText), (null, null), (5, stamp), (6, blob), (6, stamp), (long.MinValue, ""), (0, null),
        };
        using (var insert = new Statement(db, "INSERT INTO t(id, n, s) VALUES(?1, ?2, ?3)"))
        {
            for (int i = 0; i < rows.Length; i++)
            {
                insert.Bind(1, i).Bind(2, rows[i].N);
                if (rows[i].S is byte[] bytes) insert.Bind(3, bytes);
                else insert.Bind(3, (string?)rows[i].S);
                insert.Run();
            }
        }
        using var read = new Statement(db, "SELECT n, s, typeof(s) FROM t ORDER BY id");
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.IsTrue(read.Next());
            Assert.AreEqual(rows[i].N, read.Text(0) is null ? null : read.Int64(0), $"row {i}: n");
            if (rows[i].S is byte[] bytes) CollectionAssert.AreEqual(bytes, read.Blob(1).ToArray(), $"row {i}: s");
            else Assert.AreEqual((string?)rows[i].S, read.Text(1), $"row {i}: s");
            Assert.AreEqual(rows[i].S switch { null => "null", byte[] => "blob", _ => "text" }, read.Text(2), $"row {i}: type");
        }
        Assert.IsFalse(read.Next());
    }

    [TestMethod]
    public void TextEquals_compares_a_column_with_a_string_exactly()
    {
        using var db = Open();
        using (var insert = new Statement(db, "INSERT INTO t(id, s) VALUES(?1, ?2)"))
        {
            insert.Bind(1, 1).Bind(2, "联合国 الأمم المتحدة United Nations").Run();
            insert.Bind(1, 2).Bind(2, "").Run();
            insert.Bind(1, 3).Bind(2, (string?)null).Run();
        }
        using var byId = new Statement(db, "SELECT s FROM t WHERE id = ?1");
        bool Equals(long id, string? value)
        {
            byId.Bind(1, id);
            Assert.IsTrue(byId.Next());
            bool same = byId.TextEquals(0, value);
            byId.Reset();
            return same;
        }
        Assert.IsTrue(Equals(1, "联合国 الأمم المتحدة United Nations"));
        Assert.IsFalse(Equals(1, "联合国 الأمم المتحدة United Nation")); // a prefix
        Assert.IsFalse(Equals(1, "联合国 الامم المتحدة United Nations")); // one letter folded (أ → ا)
        Assert.IsFalse(Equals(1, "联合国 الأمم المتحدة united Nations"));
        Assert.IsTrue(Equals(2, ""));
        Assert.IsFalse(Equals(2, null));
        Assert.IsTrue(Equals(3, null));
        Assert.IsFalse(Equals(3, ""));
    }

    [TestMethod]
    public void A_statement_is_reusable_after_a_row_is_read_and_reset()
    {
        using var db = Open();
        using (var insert = new Statement(db, "INSERT INTO t(id, s) VALUES(?1, ?2)"))
        {
            for (int i = 1; i <= 3; i++) insert.Bind(1, i).Bind(2, $"unit {i}").Run();
        }
        using var byId = new Statement(db, "SELECT s FROM t WHERE id = ?1");
        foreach (int id in new[] { 3, 1, 2 })
        {
            byId.Bind(1, id);
            Assert.IsTrue(byId.Next());
            Assert.AreEqual($"unit {id}", byId.Text(0));
            byId.Reset();
        }
    }

    [TestMethod]
    public void An_error_of_sqlite_surfaces_as_a_sqlite_exception()
    {
        using var db = Open();
        using var insert = new Statement(db, "INSERT INTO t(id) VALUES(?1)");
        insert.Bind(1, 1).Run();
        var e = Assert.ThrowsExactly<SqliteException>(() => insert.Bind(1, 1).Run());
        Assert.AreEqual(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
        // A bind out of range is SQLite's error too (SQLITE_RANGE), not a crash.
        Assert.AreEqual(25, Assert.ThrowsExactly<SqliteException>(() => insert.Bind(2, 1)).SqliteErrorCode);
        // And the statement still works after both.
        insert.Bind(1, 2).Run();
    }
}
