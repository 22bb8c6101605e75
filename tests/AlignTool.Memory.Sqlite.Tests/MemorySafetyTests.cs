using AlignTool.Core.Text;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Tests;
using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>Files that are not ours are refused untouched; memories that cannot be written are read, never changed.</summary>
[TestClass]
public sealed class MemorySafetyTests
{
    /// <summary>Another program's SQLite file: a table of its own, rollback journal (SQLite's default).</summary>
    private static string OtherProgramsDatabase(string dir)
    {
        var path = Path.Combine(dir, "contacts.db");
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "CREATE TABLE contacts(name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ana', '123');";
        cmd.ExecuteNonQuery();
        return path;
    }

    private static List<string> Read(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    [TestMethod]
    [DataRow(OpenMode.Existing)]
    [DataRow(OpenMode.CreateIfMissing)]
    public void Open_AnotherProgramsSqliteFile_IsRefusedUntouched(OpenMode mode)
    {
        using var f = new MemoryFixture();
        var path = OtherProgramsDatabase(f.Dir);
        var before = File.ReadAllBytes(path);
        var e = Assert.ThrowsExactly<MemoryException>(() => SqliteTranslationMemory.Open(path, new SqliteMemoryOptions { Mode = mode }));
        Assert.AreEqual(MemoryProblem.NotAMemory, e.Problem);
        StringAssert.Contains(e.Message, "not an AlignTool memory");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(path), "not a byte changed");
        CollectionAssert.AreEqual(new[] { "contacts" }, Read(path, "SELECT name FROM sqlite_schema"));
        CollectionAssert.AreEqual(new[] { "delete" }, Read(path, "PRAGMA journal_mode"));
        Assert.IsFalse(File.Exists(path + "-wal"));
    }

    [TestMethod]
    public void Open_AnEmptyFileWithCreate_BecomesAMemory()
    {
        using var f = new MemoryFixture();
        var path = Path.Combine(f.Dir, "new.db");
        File.WriteAllBytes(path, []);
        using (var m = SqliteTranslationMemory.Open(path, new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing }))
            Assert.AreEqual(Schema.Latest, m.Stats().SchemaVersion);
    }

    [TestMethod]
    public void Stats_CountsTheDocumentsThatDocumentsLists()
    {
        using var f = new MemoryFixture().WithCatalog().WithSeeds(TestData.Seed000, TestData.Seed001);
        var listed = f.Memory.Documents();
        Assert.HasCount(3, listed);
        Assert.AreEqual(listed.Count, f.Memory.Stats().Documents);
    }

    private static MemoryFixture Closed()
    {
        var f = new MemoryFixture().WithCatalog().WithSeeds(TestData.Seed000);
        f.Memory.Dispose();
        return f;
    }

    private static readonly SqliteMemoryOptions Reading = new() { ReadOnlyWhenNotWritable = true };

    [TestMethod]
    [DataRow("file")]
    [DataRow("folder")]
    public void Open_AMemoryThatCannotBeWritten_ForReading_OpensReadOnlyAndChangesNothing(string what)
    {
        using var f = Closed();
        var before = File.ReadAllBytes(f.Path_);
        using (new ReadOnlyPath(what == "file" ? f.Path_ : f.Dir))
        using (var m = SqliteTranslationMemory.Open(f.Path_, Reading))
        {
            Assert.IsTrue(m.IsReadOnly);
            Assert.AreEqual(2, m.Stats().Documents);
            Assert.AreNotEqual(0, new MemoryLookup(m).Lookup("Fiftieth session", Language.English, Language.Arabic, new LookupOptions()).Count);
            var e = Assert.ThrowsExactly<MemoryException>(() => m.RemoveDocument(TestData.Seed000));
            Assert.AreEqual(MemoryProblem.ReadOnly, e.Problem);
        }
        CollectionAssert.AreEqual(before, File.ReadAllBytes(f.Path_));
    }

    [TestMethod]
    [DataRow("file")]
    [DataRow("folder")]
    public void Open_AMemoryThatCannotBeWritten_ForWriting_SaysItIsReadOnly(string what)
    {
        using var f = Closed();
        using (new ReadOnlyPath(what == "file" ? f.Path_ : f.Dir))
        {
            var e = Assert.ThrowsExactly<MemoryException>(() => SqliteTranslationMemory.Open(f.Path_));
            Assert.AreEqual(MemoryProblem.ReadOnly, e.Problem);
            StringAssert.Contains(e.Message, "read-only");
        }
    }
}
