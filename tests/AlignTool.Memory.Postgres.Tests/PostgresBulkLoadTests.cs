using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>
/// An ingest into an empty memory that fills a batch loads it in bulk (indexes dropped, rows copied while the next
/// batch is numbered, indexes built again at the end): it stores exactly what an ingest row by row stores, duplicates
/// and their usage included, and the memory answers the same afterwards.
/// </summary>
[TestClass]
public sealed class PostgresBulkLoadTests : PostgresSchemasTest
{
    private readonly TextPreparer _preparer = new();

    /// <summary>250 units of which 40 distinct; each Chinese variant brings a usage of 2 (a TMX file's usagecount).</summary>
    private IEnumerable<PreparedUnit> Units()
    {
        for (int i = 0; i < 250; i++)
        {
            int k = i % 40;
            yield return new PreparedUnit(_preparer.Prepare($"The Council adopted resolution {k} on the right to development", Language.English),
                [new PreparedVariant(_preparer.Prepare($"理事会通过了关于发展权的第{k}号决议", Language.Chinese), new Occurrence(Zone.Body, null, i, null, null), null, new TextMeta(null, null, null, null, 2))]);
        }
    }

    private static string Dump(PostgresTranslationMemory memory) => string.Join("\n", memory.Export(null).Select(u =>
        $"{u.Id} {u.English} {u.Meta.Usage} | " + string.Join(" | ", u.Variants.Select(v => $"{v.Id} {v.Lang.Tag} {v.Text} usage {v.Meta.Usage} at {v.Occurrence?.Position}"))));

    [TestMethod]
    public void BulkLoad_StoresWhatARowByRowIngestStores()
    {
        string Load(bool bulk)
        {
            var url = NewMemoryUrl();
            using var memory = PostgresTranslationMemory.Open(url, NoEnvironment, new PostgresMemoryOptions { Batch = 16, PostingsHeld = 500, BulkLoad = bulk });
            var outcome = memory.AddDocument(new DocumentRecord("doc", "hash-doc", null, null, null, [Language.English, Language.Chinese], "user"), Units(), "test", DateTimeOffset.UnixEpoch);
            Assert.AreEqual(new IngestOutcome(false, 40, 40, 250), outcome);
            var lookup = new AlignTool.Core.Memory.Lookup.MemoryLookup(memory);
            var found = lookup.Lookup("The Council adopted resolution 17 on the right of development", Language.English, Language.Chinese);
            return Dump(memory) + "\n" + string.Join("\n", found.Select(m => $"{m.Score} {m.Target}"));
        }
        var rowByRow = Load(bulk: false);
        StringAssert.Contains(rowByRow, "理事会通过了关于发展权的第17号决议 usage 12 at 17", "six occurrences of 2 each: the usage adds up");
        Assert.AreEqual(rowByRow, Load(bulk: true));
    }

    [TestMethod]
    public void BulkLoad_EndsWithTheTablesVacuumed_ARowByRowIngestLeavesThemToAutovacuum()
    {
        long VacuumsAfter(bool bulk)
        {
            var url = NewMemoryUrl(out var schema);
            using (var memory = PostgresTranslationMemory.Open(url, NoEnvironment, new PostgresMemoryOptions { Batch = 16, PostingsHeld = 500, BulkLoad = bulk }))
                memory.AddDocument(new DocumentRecord("doc", "hash-doc", null, null, null, [Language.English, Language.Chinese], "user"), Units(), "test", DateTimeOffset.UnixEpoch);
            using var db = PostgresServer.Connect(PostgresServer.Url);
            using var cmd = new Npgsql.NpgsqlCommand("SELECT coalesce(sum(vacuum_count), 0) FROM pg_stat_user_tables WHERE schemaname = @s AND relname IN ('units', 'variants', 'occurrences', 'postings')", db);
            cmd.Parameters.AddWithValue("s", schema);
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.AreEqual(4, VacuumsAfter(bulk: true), "each table vacuumed once after the bulk load");
        Assert.AreEqual(0, VacuumsAfter(bulk: false));
    }
}
