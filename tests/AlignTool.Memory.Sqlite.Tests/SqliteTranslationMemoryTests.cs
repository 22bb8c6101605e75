using AlignTool.Core.Documents;
using AlignTool.Core.Text;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Tests;
using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite.Tests;

[TestClass]
public sealed class SqliteTranslationMemoryTests
{
    [TestMethod]
    public void Open_FileThatIsNotADatabase_IsRefusedAndLeftUnchanged()
    {
        using var f = new MemoryFixture();
        var path = Path.Combine(f.Dir, "notes.db");
        var content = "Distr.: General\nThis is not a database, but somebody's notes.\n"u8.ToArray();
        File.WriteAllBytes(path, content);
        var e = Assert.ThrowsExactly<MemoryException>(() => SqliteTranslationMemory.Open(path));
        Assert.AreEqual(MemoryProblem.NotADatabase, e.Problem);
        CollectionAssert.AreEqual(content, File.ReadAllBytes(path));
        Assert.IsFalse(File.Exists(path + "-wal"));
    }

    [TestMethod]
    public void Open_MemoryOfANewerSchema_IsRefusedAndLeftUnchanged()
    {
        using var f = new MemoryFixture();
        var path = Path.Combine(f.Dir, "future.db");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE future(x); PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);
        var e = Assert.ThrowsExactly<MemoryException>(() => SqliteTranslationMemory.Open(path));
        Assert.AreEqual(MemoryProblem.NewerSchema, e.Problem);
        StringAssert.Contains(e.Message, "schema 99");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(path));
    }

    [TestMethod]
    public void Open_MissingFileWithoutCreate_SaysSo()
    {
        var e = Assert.ThrowsExactly<MemoryException>(() => SqliteTranslationMemory.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")));
        Assert.AreEqual(MemoryProblem.NotFound, e.Problem);
    }

    [TestMethod]
    public void Open_SetsWalThePageSizeAndTheLatestSchemaVersion()
    {
        using var f = new MemoryFixture();
        f.Memory.Dispose();
        var upgrades = new List<(int, int)>();
        using (var again = SqliteTranslationMemory.Open(f.Path_, new SqliteMemoryOptions { OnUpgrade = (from, to) => upgrades.Add((from, to)) })) { }
        Assert.IsEmpty(upgrades, "a new memory and one of the latest schema are not upgraded");
        f.Reopen();
        Assert.AreEqual(Schema.Latest, f.Memory.Stats().SchemaVersion);
        using var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.AreEqual("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA page_size";
        Assert.AreEqual((long)SqliteTranslationMemory.PageSize, cmd.ExecuteScalar());
    }

    [TestMethod]
    public void Ingest_SameDocumentTwice_AddsNothingTheSecondTime()
    {
        using var f = new MemoryFixture();
        var first = f.Ingestor.IngestDocument(TestData.Seed000, TestData.SeedText(TestData.Seed000));
        Assert.AreEqual(IngestStatus.Added, first.Status);
        Assert.IsGreaterThan(10, first.Units);
        var stats = f.Memory.Stats();
        var second = f.Ingestor.IngestDocument("renamed.md", TestData.SeedText(TestData.Seed000));
        Assert.AreEqual(IngestStatus.AlreadyPresent, second.Status);
        var after = f.Memory.Stats();
        Assert.AreEqual((stats.Documents, stats.Units, stats.Occurrences), (after.Documents, after.Units, after.Occurrences));
        CollectionAssert.AreEqual(stats.VariantsPerLanguage.ToList(), after.VariantsPerLanguage.ToList());
    }

    [TestMethod]
    public void Remove_TakesOnlyWhatTheDocumentAloneContributed()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        int before = f.Memory.Stats().Units;
        var removed = f.Memory.RemoveDocument(TestData.Seed004);
        Assert.IsNotNull(removed);
        Assert.IsGreaterThan(0, removed.Value, "seed 004's own title, session, dates");
        Assert.AreEqual(before - removed.Value, f.Memory.Stats().Units);
        var shared = f.Memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single();
        CollectionAssert.AreEqual(new[] { TestData.Seed002 }, shared.Variants.Single().Documents.ToList());
        Assert.IsEmpty(f.Memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Forty-seventh session"))));
        Assert.IsNull(f.Memory.RemoveDocument("no-such-document.md"));
        Assert.AreEqual("ok", f.Memory.IntegrityCheck());
        f.Memory.Dispose();
        Assert.IsEmpty(ForeignKeyProblems(f.Path_), "removing does its own cascades: nothing may point at a removed row");
    }

    /// <summary>
    /// A document's rows are found through the id ranges it keeps. Removing the newest document gives its ids back
    /// (a writer starts after the highest id left), so a document stored again gets the same ranges; removing the
    /// older one then must leave exactly what a memory that only ever held the newer one holds.
    /// </summary>
    [TestMethod]
    public void Remove_AfterIdsWereGivenBackAndTakenAgain_LeavesWhatTheOtherDocumentAloneHolds()
    {
        using var alone = new MemoryFixture().WithSeeds(TestData.Seed004);
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        var ranges = DocumentRanges(f.Path_);
        Assert.IsNotNull(f.Memory.RemoveDocument(TestData.Seed004));
        f.WithSeeds(TestData.Seed004);
        CollectionAssert.AreEqual(ranges, DocumentRanges(f.Path_), "the same ids, taken again");
        Assert.IsNotNull(f.Memory.RemoveDocument(TestData.Seed002));

        var (expected, actual) = (alone.Memory.Stats(), f.Memory.Stats());
        Assert.AreEqual((expected.Documents, expected.Units, expected.Occurrences), (actual.Documents, actual.Units, actual.Occurrences));
        CollectionAssert.AreEqual(expected.VariantsPerLanguage.ToList(), actual.VariantsPerLanguage.ToList());
        CollectionAssert.AreEqual(alone.Memory.Documents().Select(d => (d.Name, d.Units)).ToList(), f.Memory.Documents().Select(d => (d.Name, d.Units)).ToList());
        var council = f.Memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single(v => v.Lang == Language.Chinese);
        CollectionAssert.AreEqual(new[] { TestData.Seed004 }, council.Documents.ToList());
        Assert.AreEqual("ok", f.Memory.IntegrityCheck());
        f.Memory.Dispose();
        Assert.IsEmpty(ForeignKeyProblems(f.Path_));
    }

    /// <summary>Each document's name with the id ranges of the rows it wrote (schema 5), in id order.</summary>
    private static List<string> DocumentRanges(string path) =>
        Rows(path, "SELECT name, first_variant, last_variant, first_occurrence, last_occurrence FROM documents ORDER BY id",
            r => $"{r.GetString(0)}: variants {r.GetValue(1)}..{r.GetValue(2)}, occurrences {r.GetValue(3)}..{r.GetValue(4)}");

    /// <summary>What <c>PRAGMA foreign_key_check</c> finds: rows that point at a row that is not there.</summary>
    private static List<string> ForeignKeyProblems(string path) =>
        Rows(path, "PRAGMA foreign_key_check", r => $"{r.GetString(0)} row {r.GetValue(1)} -> {r.GetString(2)}");

    /// <summary>Each row of <paramref name="sql"/> on a connection of its own, as a string.</summary>
    private static List<string> Rows(string path, string sql, Func<SqliteDataReader, string> row)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(row(r));
        return list;
    }

    [TestMethod]
    public void Postings_MergeIntoFewChunksAndKeepEveryId()
    {
        using var f = new MemoryFixture();
        var prep = new TextPreparer();
        for (int d = 0; d < 200; d++)
        {
            var unit = new PreparedUnit(prep.Prepare($"Permanent Mission statement number {d}", Language.English), [new PreparedVariant(prep.Prepare($"常驻代表团第{d}号声明", Language.Chinese), null)]);
            f.Memory.AddDocument(new DocumentRecord($"d{d}", $"hash{d}", null, null, null, [Language.English, Language.Chinese], "user"), [unit], "test", MemoryFixture.Now);
        }
        var gram = Tokens.Grams("permanent", "en").Single();
        var ids = f.Memory.Postings(Language.English, gram);
        Assert.HasCount(200, ids.Distinct().ToList());
        CollectionAssert.AreEqual(ids.Order().ToList(), ids.ToList(), "ascending across merged chunks");
        Assert.AreEqual(200, f.Memory.GramFrequencies(Language.English, [gram])[gram]);
        using var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM postings WHERE gram = $g";
        cmd.Parameters.AddWithValue("$g", gram);
        Assert.IsLessThan(16L, (long)cmd.ExecuteScalar()!, "log-structured merging keeps chunks few");
    }

    [TestMethod]
    public void Postings_FlushedManyTimesInOneDocument_KeepEveryIdAndCountEachTextOnce()
    {
        // A buffer of 40 postings flushes every few units: the chunks a gram has are then known from the writer's
        // own earlier flushes, and a chunk number given twice would break the primary key.
        using var f = new MemoryFixture();
        f.Memory.Dispose();
        using var memory = SqliteTranslationMemory.Open(f.Path_, new SqliteMemoryOptions { PostingsHeld = 40 });
        var prep = new TextPreparer();
        var units = Enumerable.Range(0, 300).Select(d => new PreparedUnit(prep.Prepare($"Permanent Mission statement number {d}", Language.English),
            [new PreparedVariant(prep.Prepare($"常驻代表团第{d}号声明", Language.Chinese), null)])).ToList();
        memory.AddDocument(new DocumentRecord("many", "hash-many", null, null, null, [Language.English, Language.Chinese], "user"), units, "test", MemoryFixture.Now);
        memory.AddDocument(new DocumentRecord("one more", "hash-one-more", null, null, null, [Language.English, Language.Chinese], "user"),
            [new PreparedUnit(prep.Prepare("Permanent Mission note", Language.English), [new PreparedVariant(prep.Prepare("常驻代表团普通照会", Language.Chinese), null)])], "test", MemoryFixture.Now);
        var gram = Tokens.Grams("permanent", "en").Single();
        var ids = memory.Postings(Language.English, gram);
        Assert.HasCount(301, ids.Distinct().ToList());
        Assert.HasCount(301, ids);
        CollectionAssert.AreEqual(ids.Order().ToList(), ids.ToList(), "ascending across merged chunks");
        Assert.AreEqual(301, memory.GramFrequencies(Language.English, [gram])[gram]);
        var zhGram = Tokens.Grams("常驻", "zh").Single();
        Assert.AreEqual(301, memory.GramFrequencies(Language.Chinese, [zhGram])[zhGram]);
        Assert.AreEqual("ok", memory.IntegrityCheck());
    }

    [TestMethod]
    [DataRow("en")]
    [DataRow("zh")]
    [DataRow("ar")]
    public void ExactAndTemplateQueries_ReadAHashIndex_NeverScanOrSort(string lang)
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        using var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        db.Open();
        foreach (var sql in new[] { SqliteTranslationMemory.NormSql(Language.Of(lang)), SqliteTranslationMemory.TemplateSql(Language.Of(lang), 20) })
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            cmd.Parameters.AddWithValue("$h", 42L);
            cmd.Parameters.AddWithValue("$l", lang);
            var plan = new List<string>();
            using (var r = cmd.ExecuteReader()) while (r.Read()) plan.Add(r.GetString(3));
            var text = string.Join(" | ", plan);
            Assert.IsFalse(plan.Any(p => p.StartsWith("SCAN ", StringComparison.Ordinal) && !p.StartsWith("SCAN (subquery", StringComparison.Ordinal)), text);
            Assert.IsFalse(text.Contains("TEMP B-TREE", StringComparison.Ordinal), text);
            StringAssert.Contains(text, lang == "en" ? "INDEX units_" : "INDEX variants_", text);
        }
    }

    /// <summary>Removing and listing a document read its rows by id range or by id: no index is kept by document, and a
    /// scan of the variants of a million-unit memory is a second a document.</summary>
    [TestMethod]
    public void ByDocumentStatements_ReachRowsByIdRangeOrIndex_NeverScanATable()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        using var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        db.Open();
        foreach (var sql in SqliteTranslationMemory.ByDocument.All)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in new[] { "$d", "$fv", "$lv", "$fo", "$lo" }) cmd.Parameters.AddWithValue(name, 1L);
            cmd.Parameters.AddWithValue("$ids", "[1,2]");
            var plan = new List<string>();
            using (var r = cmd.ExecuteReader()) while (r.Read()) plan.Add(r.GetString(3));
            var text = string.Join(" | ", plan);
            var scans = plan.Where(p => p.StartsWith("SCAN ", StringComparison.Ordinal)
                && !p.StartsWith("SCAN (subquery", StringComparison.Ordinal) && !p.StartsWith("SCAN json_each", StringComparison.Ordinal)
                && p != "SCAN d").ToList(); // listing reads every document, once
            Assert.IsEmpty(scans, sql + "\n" + text);
            Assert.IsTrue(plan.Any(p => p.StartsWith("SEARCH", StringComparison.Ordinal)), text);
        }
    }

    [TestMethod]
    public void Write_WhileAnotherConnectionHoldsTheLock_IsRetriedAndSucceeds()
    {
        using var f = new MemoryFixture();
        using var other = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        other.Open();
        var tx = other.BeginTransaction(deferred: false);
        var release = Task.Run(async () =>
        {
            await Task.Delay(600);
            tx.Commit();
        });
        var report = f.Ingestor.IngestDocument(TestData.Seed002, TestData.SeedText(TestData.Seed002));
        release.Wait();
        Assert.AreEqual(IngestStatus.Added, report.Status);
    }

    [TestMethod]
    public void Write_LockNeverReleased_FailsCleanlyWithBusy()
    {
        using var f = new MemoryFixture();
        f.Memory.Dispose();
        int waits = 0;
        using var memory = SqliteTranslationMemory.Open(f.Path_, new SqliteMemoryOptions { BusyTimeout = TimeSpan.FromMilliseconds(50), BusyRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10), OnBusy = () => waits++ });
        using var other = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        other.Open();
        using var tx = other.BeginTransaction(deferred: false);
        var ingestor = new Ingestor(memory, TimeProvider.System, "test");
        var e = Assert.ThrowsExactly<MemoryException>(() => ingestor.IngestDocument(TestData.Seed002, TestData.SeedText(TestData.Seed002)));
        Assert.AreEqual(MemoryProblem.Busy, e.Problem);
        Assert.AreEqual(2, waits, "told of each retry, so that the command line can say it waits");
        tx.Rollback();
        Assert.AreEqual(0, memory.Stats().Documents, "nothing half-written");
    }

    [TestMethod]
    public void Read_WhileAWriteTransactionIsOpen_Succeeds()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        using var other = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        other.Open();
        using var tx = other.BeginTransaction(deferred: false);
        using (var cmd = other.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO meta(key, value) VALUES('writer', 'busy')";
            cmd.ExecuteNonQuery();
        }
        var matches = new MemoryLookup(f.Memory).Lookup("Forty-third session", Language.English, Language.Chinese);
        Assert.AreEqual("第四十三届会议", matches[0].Target);
        tx.Rollback();
    }

    private static List<string> Indexes(string path) =>
        Rows(path, "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name", r => r.GetString(0));

    private static PreparedUnit Unit(TextPreparer prep, string en, string zh, int position) =>
        new(prep.Prepare(en, Language.English), [new PreparedVariant(prep.Prepare(zh, Language.Chinese), new Occurrence(Zone.AnnexBody, null, position, null, null))]);

    [TestMethod]
    public void Ingest_InBulk_StoresWhatARowByRowIngestStores()
    {
        using var rowByRow = new MemoryFixture();
        using var bulk = new MemoryFixture();
        bulk.Reopen(new SqliteMemoryOptions { BulkLoadAfter = 3 });
        var memory = bulk.Memory;
        var prep = new TextPreparer();
        var units = new List<PreparedUnit>();
        for (int i = 0; i < 40; i++) units.Add(Unit(prep, $"Agenda item {i % 25 + 1}", $"议程项目{i % 25 + 1}", i)); // 15 repeat an earlier unit
        units.Add(Unit(prep, "Agenda item 3", "议程项目三", 99)); // a second Chinese variant of a unit met before the switch
        var doc = new DocumentRecord("big.tmx", "hash-big", null, null, null, [Language.English, Language.Chinese], "tmx");
        foreach (var tm in new[] { rowByRow.Memory, memory })
        {
            tm.AddDocument(new DocumentRecord("small", "hash-small", null, null, null, [Language.English, Language.Chinese], "user"), [Unit(prep, "Agenda item 1", "议程项目1", 0)], "test", MemoryFixture.Now);
            var outcome = tm.AddDocument(doc, units, "test", MemoryFixture.Now);
            Assert.AreEqual((24, 25, 41), (outcome.UnitsAdded, outcome.VariantsAdded, outcome.OccurrencesAdded), "25 distinct units and 26 variants, one of each already stored");
        }
        var (expected, actual) = (rowByRow.Memory.Stats(), memory.Stats());
        Assert.AreEqual(expected, actual with { VariantsPerLanguage = expected.VariantsPerLanguage });
        CollectionAssert.AreEqual(expected.VariantsPerLanguage.ToList(), actual.VariantsPerLanguage.ToList());
        CollectionAssert.AreEqual(Indexes(rowByRow.Path_), Indexes(bulk.Path_), "the dropped indexes are built again as the schema has them");
        Assert.AreEqual("ok", memory.IntegrityCheck());
        AssertSettingsAsOpened(memory);
        var three = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Agenda item 3"))).Single();
        CollectionAssert.AreEquivalent(new[] { "议程项目3", "议程项目三" }, three.Variants.Select(v => v.Text).ToList());
        Assert.HasCount(2, three.Variants.Single(v => v.Text == "议程项目3").Occurrences, "met twice in the big document");
        var one = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Agenda item 1"))).Single();
        CollectionAssert.AreEquivalent(new[] { "small", "big.tmx" }, one.Variants.Single().Documents.ToList());
        var lookup = new MemoryLookup(memory).Lookup("Agenda item 7", Language.English, Language.Chinese);
        Assert.AreEqual("议程项目7", lookup[0].Target);
    }

    [TestMethod]
    public void Ingest_InBulk_TextsThatNormalizeAlike_StayApart()
    {
        // A unit met again is confirmed by the identity of its exact text (and via), a variant by its unit, language
        // and exact text: texts with one normalized form but other characters are other units and variants.
        using var rowByRow = new MemoryFixture();
        using var bulk = new MemoryFixture();
        bulk.Reopen(new SqliteMemoryOptions { BulkLoadAfter = 3 });
        var prep = new TextPreparer();
        var units = new List<PreparedUnit>();
        for (int i = 0; i < 6; i++) units.Add(Unit(prep, $"Paragraph {i}", $"第{i}段", i)); // past the switch to bulk
        units.Add(Unit(prep, "Agenda item 5", "议程项目5", 10));
        units.Add(Unit(prep, "AGENDA  ITEM 5", "议程项目5", 11));  // the same normalized English
        units.Add(Unit(prep, "Agenda item 5", "议程项目５", 12));   // a full-width digit: the same normalized Chinese
        units.Add(new PreparedUnit(prep.Prepare("Agenda item 5", Language.English), [new PreparedVariant(prep.Prepare("议程项目5", Language.Chinese), null)], Via: "catalog-7"));
        units.Add(Unit(prep, "Agenda item 5", "议程项目5", 13));    // met again: one more occurrence
        units.Add(Unit(prep, "AGENDA  ITEM 5", "议程项目５", 14));
        var doc = new DocumentRecord("big.tmx", "hash-big", null, null, null, [Language.English, Language.Chinese], "tmx");
        foreach (var tm in new[] { rowByRow.Memory, bulk.Memory })
        {
            var outcome = tm.AddDocument(doc, units, "test", MemoryFixture.Now);
            Assert.AreEqual((9, 11, 12), (outcome.UnitsAdded, outcome.VariantsAdded, outcome.OccurrencesAdded));
        }
        var (expected, actual) = (rowByRow.Memory.Stats(), bulk.Memory.Stats());
        Assert.AreEqual(expected, actual with { VariantsPerLanguage = expected.VariantsPerLanguage });
        CollectionAssert.AreEqual(expected.VariantsPerLanguage.ToList(), actual.VariantsPerLanguage.ToList());
        var five = bulk.Memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Agenda item 5")));
        Assert.HasCount(3, five, "the plain unit, the upper-case one and the catalogue's");
        var plain = five.Single(u => u.English == "Agenda item 5" && u.Via is null);
        CollectionAssert.AreEquivalent(new[] { "议程项目5", "议程项目５" }, plain.Variants.Select(v => v.Text).ToList());
        Assert.HasCount(2, plain.Variants.Single(v => v.Text == "议程项目5").Occurrences);
        CollectionAssert.AreEquivalent(new[] { "议程项目5", "议程项目５" }, five.Single(u => u.English == "AGENDA  ITEM 5").Variants.Select(v => v.Text).ToList());
    }

    [TestMethod]
    public void Ingest_GoesOverToBulk_OnlyPastAsManyNewUnitsAsTheMemoryHeld()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        f.Reopen(new SqliteMemoryOptions { BulkLoadAfter = 3 });
        var memory = f.Memory;
        int held = memory.Stats().Units;
        var prep = new TextPreparer();
        List<PreparedUnit> Paragraphs(string doc, int count) =>
            [.. Enumerable.Range(0, count).Select(i => Unit(prep, $"Paragraph {i} of {doc}", $"{doc}第{i}段", i))];
        // Each index dropped and built again changes the schema twice (PRAGMA schema_version); a root page may be reused.
        var before = RootPages(f.Path_);
        long version = SchemaVersion(f.Path_);
        memory.AddDocument(new DocumentRecord("small", "hash-small", null, null, null, [Language.English, Language.Chinese], "user"), Paragraphs("small", held - 1), "test", MemoryFixture.Now);
        Assert.AreEqual(version, SchemaVersion(f.Path_), $"{held - 1} new units into a memory of {held}: row by row");
        memory.AddDocument(new DocumentRecord("large", "hash-large", null, null, null, [Language.English, Language.Chinese], "user"), Paragraphs("large", 3 * held), "test", MemoryFixture.Now);
        Assert.AreEqual(version + 2 * Schema.BulkIndexes.Count, SchemaVersion(f.Path_), "more new units than the memory held: in bulk");
        Assert.AreEqual(before["variants_unit"], RootPages(f.Path_)["variants_unit"], "an index every write reads is never dropped");
        Assert.AreEqual("ok", memory.IntegrityCheck());
    }

    private static long SchemaVersion(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA schema_version";
        return (long)cmd.ExecuteScalar()!;
    }

    private static Dictionary<string, long> RootPages(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT name, rootpage FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL";
        var pages = new Dictionary<string, long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) pages[r.GetString(0)] = r.GetInt64(1);
        return pages;
    }

    [TestMethod]
    public void Ingest_InBulk_FailingHalfWay_LeavesTheMemoryAsItWas()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        f.Reopen(new SqliteMemoryOptions { BulkLoadAfter = 3 });
        var before = Indexes(f.Path_);
        var memory = f.Memory;
        var stats = memory.Stats();
        var prep = new TextPreparer();
        IEnumerable<PreparedUnit> Failing()
        {
            // More new units than the memory holds, so that the load has gone over to bulk before it fails.
            for (int i = 0; i < stats.Units + 10; i++) yield return Unit(prep, $"Paragraph {i} of the annex", $"附件第{i}段", i);
            throw new InvalidDataException("broken input half-way");
        }
        Assert.ThrowsExactly<InvalidDataException>(() => memory.AddDocument(new DocumentRecord("broken", "hash-broken", null, null, null, [Language.English, Language.Chinese], "tmx"), Failing(), "test", MemoryFixture.Now));
        Assert.AreEqual(stats, memory.Stats() with { VariantsPerLanguage = stats.VariantsPerLanguage });
        CollectionAssert.AreEqual(before, Indexes(f.Path_), "the dropped indexes come back with the rollback");
        Assert.AreEqual("ok", memory.IntegrityCheck());
        AssertSettingsAsOpened(memory);
    }

    [TestMethod]
    public void Ingest_InBulk_WithTheTemporaryDatabaseOpen_StillBuildsItsIndexes()
    {
        // SQLite refuses to change temporary storage inside a transaction once the connection has opened its
        // temporary database (reading a setting of it does): the indexes are then sorted in memory, as before.
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        f.Reopen(new SqliteMemoryOptions { BulkLoadAfter = 3 });
        var before = Indexes(f.Path_);
        var memory = f.Memory;
        memory.Setting("temp.user_version = 7");
        var prep = new TextPreparer();
        int held = memory.Stats().Units;
        var units = Enumerable.Range(0, held + 20).Select(i => Unit(prep, $"Paragraph {i} of the annex", $"附件第{i}段", i)).ToList();
        var outcome = memory.AddDocument(new DocumentRecord("big", "hash-big", null, null, null, [Language.English, Language.Chinese], "tmx"), units, "test", MemoryFixture.Now);
        Assert.AreEqual(held + 20, outcome.UnitsAdded);
        CollectionAssert.AreEqual(before, Indexes(f.Path_));
        Assert.AreEqual("ok", memory.IntegrityCheck());
        AssertSettingsAsOpened(memory);
    }

    /// <summary>What a process killed between a bulk load's commit and its index builds leaves: the rows, without the
    /// indexes the load dropped.</summary>
    private static void DropBulkIndexes(string path, params string[] names)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        foreach (var name in names)
        {
            using var drop = db.CreateCommand();
            drop.CommandText = $"DROP INDEX {name}";
            drop.ExecuteNonQuery();
        }
    }

    [TestMethod]
    public void SchemaIndexes_AreTheIndexesTheMigrationsCreate()
    {
        // What opening a memory restores must be what the migrations built, name for name and statement for statement.
        using var f = new MemoryFixture();
        CollectionAssert.AreEqual(Schema.Indexes.Select(i => $"{i.Name}: {i.Create}").Order(StringComparer.Ordinal).ToList(), Indexes(f.Path_));
        foreach (var bulk in Schema.BulkIndexes) CollectionAssert.Contains(Schema.Indexes.ToList(), bulk);
    }

    [TestMethod]
    public void Open_AMemoryLeftWithoutItsBulkIndexes_BuildsThemAgain()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        var before = Indexes(f.Path_);
        f.Memory.Dispose();
        DropBulkIndexes(f.Path_, "units_norm", "variants_template", "occurrences_variant");
        Assert.HasCount(before.Count - 3, Indexes(f.Path_));
        f.Reopen();
        CollectionAssert.AreEqual(before, Indexes(f.Path_));
        Assert.AreEqual("ok", f.Memory.IntegrityCheck());
        Assert.AreEqual("第四十三届会议", new MemoryLookup(f.Memory).Lookup("Forty-third session", Language.English, Language.Chinese)[0].Target);
    }

    [TestMethod]
    public void Open_AMemoryWithoutItsBulkIndexes_WhileAnotherProcessWrites_LeavesThemToIt()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        var before = Indexes(f.Path_);
        f.Memory.Dispose();
        DropBulkIndexes(f.Path_, "units_norm");
        using (var other = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            other.Open();
            using var tx = other.BeginTransaction(deferred: false); // the other process, about to build them
            f.Reopen();
            Assert.AreEqual("第四十三届会议", new MemoryLookup(f.Memory).Lookup("Forty-third session", Language.English, Language.Chinese)[0].Target, "read without the index");
            Assert.HasCount(before.Count - 1, Indexes(f.Path_));
            tx.Rollback();
        }
        f.Reopen();
        CollectionAssert.AreEqual(before, Indexes(f.Path_), "built by the next open");
    }

    [TestMethod]
    public void Ingest_IntoAMemoryWithoutItsBulkIndexes_BuildsThemFirst()
    {
        // Another process's bulk load committed its rows a moment ago and has not built its indexes yet (or was killed).
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        var before = Indexes(f.Path_);
        DropBulkIndexes(f.Path_, "units_norm", "variants_norm");
        var prep = new TextPreparer();
        var outcome = f.Memory.AddDocument(new DocumentRecord("small", "hash-small", null, null, null, [Language.English, Language.Chinese], "user"),
            [Unit(prep, "Forty-third session", "第四十三届会议", 0), Unit(prep, "A new paragraph", "新的段落", 1)], "test", MemoryFixture.Now);
        Assert.AreEqual(1, outcome.UnitsAdded, "the boilerplate unit is found, not stored twice");
        CollectionAssert.AreEqual(before, Indexes(f.Path_));
        AssertSettingsAsOpened(f.Memory);
    }

    [TestMethod]
    public void Ingest_OnAFullDisk_SaysSoAndWritesNothing()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002);
        var stats = f.Memory.Stats();
        // The file may not grow past its pages: SQLite reports the disk full, as it would on a full disk.
        f.Memory.Setting($"max_page_count = {f.Memory.Setting("page_count")}");
        var prep = new TextPreparer();
        var units = Enumerable.Range(0, 2_000).Select(i => Unit(prep, $"Paragraph {i} of a long annex that does not fit", $"附件第{i}段", i)).ToList();
        var e = Assert.ThrowsExactly<MemoryException>(() => f.Memory.AddDocument(new DocumentRecord("big", "hash-big", null, null, null, [Language.English, Language.Chinese], "user"), units, "test", MemoryFixture.Now));
        Assert.AreEqual(MemoryProblem.Io, e.Problem);
        StringAssert.StartsWith(e.Message, "the disk is full");
        StringAssert.EndsWith(e.Message, "nothing was written");
        Assert.AreEqual(stats, f.Memory.Stats() with { VariantsPerLanguage = stats.VariantsPerLanguage });
        Assert.AreEqual("ok", f.Memory.IntegrityCheck());
    }

    /// <summary>A bulk load builds its indexes with a small cache and temporary files, then puts both back.</summary>
    private static void AssertSettingsAsOpened(SqliteTranslationMemory memory)
    {
        Assert.AreEqual(-SqliteTranslationMemory.CacheKib, memory.Setting("cache_size"));
        Assert.AreEqual(2, memory.Setting("temp_store"), "temporary storage in memory");
        Assert.AreEqual(1000, memory.Setting("wal_autocheckpoint"), "a bulk load's commit is not checkpointed; the next ones are");
    }

    private static List<(long Id, string Text, string? Template)> Templates(SqliteConnection db, string table, string text)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT id, {text}, template FROM {table} WHERE template IS NOT NULL ORDER BY id";
        var list = new List<(long, string, string?)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
        return list;
    }

    /// <summary>
    /// Puts a memory back in schema 4's shape: documents without the id ranges of their rows, the two indexes by
    /// document that stood for them, and the template indexes with a trailing id.
    /// </summary>
    private static void AsSchema4(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            ALTER TABLE documents DROP COLUMN first_variant;
            ALTER TABLE documents DROP COLUMN last_variant;
            ALTER TABLE documents DROP COLUMN first_occurrence;
            ALTER TABLE documents DROP COLUMN last_occurrence;
            CREATE INDEX variants_document ON variants(doc_id) WHERE doc_id IS NOT NULL;
            CREATE INDEX occurrences_document ON occurrences(document_id);
            DROP INDEX units_template;
            DROP INDEX variants_template;
            CREATE INDEX units_template ON units(template_hash, id) WHERE template_hash IS NOT NULL;
            CREATE INDEX variants_template ON variants(template_hash, id) WHERE template_hash IS NOT NULL;
            PRAGMA user_version = 4;
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Puts a memory back in schema 3's shape: every occurrence a row of the occurrences table (a variant's first one
    /// with the lowest id, as an ingest wrote them), and the variants table without the first-occurrence columns.
    /// </summary>
    private static void AsSchema3(SqliteConnection db)
    {
        AsSchema4(db);
        using var cmd = db.CreateCommand();
        // Foreign keys off, as in any table rebuild: dropping the old variants table would cascade to the occurrences.
        cmd.CommandText = """
            PRAGMA foreign_keys = OFF;
            CREATE TEMP TABLE later AS SELECT variant_id, document_id, zone, field, position, prev, next FROM occurrences ORDER BY id;
            DELETE FROM occurrences;
            INSERT INTO occurrences(variant_id, document_id, zone, field, position, prev, next)
                SELECT id, doc_id, zone, field, position, prev, next FROM variants WHERE doc_id IS NOT NULL ORDER BY id;
            INSERT INTO occurrences(variant_id, document_id, zone, field, position, prev, next) SELECT * FROM later;
            CREATE TABLE variants3(
                id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE, lang TEXT NOT NULL,
                text TEXT NOT NULL, norm_hash INTEGER NOT NULL, template TEXT, template_hash INTEGER,
                length INTEGER NOT NULL, props TEXT, created TEXT NOT NULL, created_by TEXT, changed TEXT NOT NULL, changed_by TEXT,
                usage INTEGER NOT NULL DEFAULT 0);
            INSERT INTO variants3 SELECT id, unit_id, lang, text, norm_hash, template, template_hash, length, props, created, created_by, changed, changed_by, usage FROM variants;
            DROP TABLE variants;
            ALTER TABLE variants3 RENAME TO variants;
            CREATE INDEX variants_unit ON variants(unit_id, lang);
            CREATE INDEX variants_norm ON variants(lang, norm_hash);
            CREATE INDEX variants_template ON variants(lang, template_hash, id) WHERE template_hash IS NOT NULL;
            PRAGMA user_version = 3;
            """;
        cmd.ExecuteNonQuery();
    }

    [TestMethod]
    public void Open_SchemaThreeMemory_IsMigrated_FirstOccurrencesIntoTheirVariants()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        var before = f.Memory.Stats();
        var docs = f.Memory.Documents().Select(d => (d.Name, d.Units)).ToList();
        var council = f.Memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single(v => v.Lang == Language.Chinese);
        f.Memory.Dispose();
        using (var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            db.Open();
            AsSchema3(db);
            using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM occurrences";
            Assert.AreEqual((long)before.Occurrences, (long)count.ExecuteScalar()!, "schema 3 kept every occurrence as a row");
        }

        var upgrades = new List<(int, int)>();
        using var memory = SqliteTranslationMemory.Open(f.Path_, new SqliteMemoryOptions { OnUpgrade = (from, to) => upgrades.Add((from, to)) });
        CollectionAssert.AreEqual(new[] { (3, Schema.Latest) }, upgrades, "told before the upgrade starts");
        Assert.AreEqual(Schema.Latest, memory.Stats().SchemaVersion);
        Assert.AreEqual(before.Occurrences, memory.Stats().Occurrences);
        CollectionAssert.AreEqual(docs, memory.Documents().Select(d => (d.Name, d.Units)).ToList());
        var migrated = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single(v => v.Lang == Language.Chinese);
        CollectionAssert.AreEqual(council.Documents.ToList(), migrated.Documents.ToList(), "the first document stays first");
        CollectionAssert.AreEqual(council.Occurrences.ToList(), migrated.Occurrences.ToList());
        using (var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            db.Open();
            using var rows = db.CreateCommand();
            rows.CommandText = "SELECT count(*) FROM occurrences o WHERE o.id = (SELECT min(id) FROM occurrences WHERE variant_id = o.variant_id) AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = o.variant_id AND v.doc_id IS NOT NULL)";
            Assert.AreEqual(0L, (long)rows.ExecuteScalar()!, "every variant with occurrences has its first one in its row");
        }
        // Seed 002 brought the council's first occurrence: removing it keeps seed 004's.
        Assert.IsNotNull(memory.RemoveDocument(TestData.Seed002));
        var left = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single(v => v.Lang == Language.Chinese);
        CollectionAssert.AreEqual(new[] { TestData.Seed004 }, left.Documents.ToList());
        Assert.AreEqual("ok", memory.IntegrityCheck());
    }

    [TestMethod]
    public void Open_SchemaFourMemory_IsMigrated_DocumentsKeepTheIdRangesOfTheirRows()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004, TestData.Seed000);
        var ranges = DocumentRanges(f.Path_);
        var docs = f.Memory.Documents().Select(d => (d.Name, d.Units)).ToList();
        var occurrences = f.Memory.Stats().Occurrences;
        f.Memory.Dispose();
        using (var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            db.Open();
            AsSchema4(db);
        }
        Assert.IsTrue(Indexes(f.Path_).Any(i => i.StartsWith("variants_document", StringComparison.Ordinal)));

        var upgrades = new List<(int, int)>();
        using var memory = SqliteTranslationMemory.Open(f.Path_, new SqliteMemoryOptions { OnUpgrade = (from, to) => upgrades.Add((from, to)) });
        CollectionAssert.AreEqual(new[] { (4, 5) }, upgrades);
        CollectionAssert.AreEqual(ranges, DocumentRanges(f.Path_), "the ranges an ingest writes, found again from the rows");
        Assert.IsFalse(Indexes(f.Path_).Any(i => i.Contains("_document", StringComparison.Ordinal)), "no index by document any more");
        CollectionAssert.AreEqual(Schema.Indexes.Select(i => $"{i.Name}: {i.Create}").Order(StringComparer.Ordinal).ToList(), Indexes(f.Path_),
            "the template indexes without their trailing id, as a new memory has them");
        CollectionAssert.AreEqual(docs, memory.Documents().Select(d => (d.Name, d.Units)).ToList());
        Assert.AreEqual(occurrences, memory.Stats().Occurrences);
        // Seed 002 brought the council's first occurrence: removing it keeps seed 004's.
        Assert.IsNotNull(memory.RemoveDocument(TestData.Seed002));
        var left = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single(v => v.Lang == Language.Chinese);
        CollectionAssert.AreEqual(new[] { TestData.Seed004 }, left.Documents.ToList());
        CollectionAssert.AreEqual(docs.Skip(1).ToList(), memory.Documents().Select(d => (d.Name, d.Units)).ToList());
        Assert.AreEqual("ok", memory.IntegrityCheck());
        Assert.IsEmpty(ForeignKeyProblems(f.Path_));
    }

    /// <summary>
    /// Every statement of a migration that reads rows for each row (a correlated subquery) reaches them through an
    /// index: a migration runs once over a whole memory, and a scan per row of a million-unit memory is hours. (The
    /// first draft of schema 4 matched each variant's first occurrence against a list it scanned.)
    /// </summary>
    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void Migration_CorrelatedSubqueries_SearchAnIndex(int version)
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002, TestData.Seed004);
        f.Memory.Dispose();
        using var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False");
        db.Open();
        if (version == 4) AsSchema3(db);
        else AsSchema4(db);
        using var tx = db.BeginTransaction();
        foreach (var statement in Schema.Migrations[version - 1].Sql.Split(';').Select(x => x.Trim()).Where(x => x.Length > 0))
        {
            using var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            if (statement.StartsWith("UPDATE", StringComparison.Ordinal) || statement.StartsWith("DELETE", StringComparison.Ordinal))
            {
                cmd.CommandText = "EXPLAIN QUERY PLAN " + statement;
                var plan = new List<(long Id, long Parent, string Detail)>();
                using (var r = cmd.ExecuteReader()) while (r.Read()) plan.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(3)));
                var correlated = plan.Where(p => p.Detail.StartsWith("CORRELATED", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
                bool Under(long parent) => parent != 0 && (correlated.Contains(parent) || plan.Where(p => p.Id == parent).Any(p => Under(p.Parent)));
                var scans = plan.Where(p => p.Detail.StartsWith("SCAN", StringComparison.Ordinal) && Under(p.Parent)).ToList();
                Assert.IsEmpty(scans, statement + "\n" + string.Join("\n", plan.Select(p => p.Detail)));
            }
            cmd.CommandText = statement;
            cmd.ExecuteNonQuery();
        }
        tx.Rollback();
    }

    [TestMethod]
    public void Open_SchemaOneMemory_IsMigrated_TemplatesAsSpans_GramsCounted()
    {
        using var f = new MemoryFixture().WithSeeds(TestData.Seed002).WithCatalog();
        f.Memory.Dispose();
        // Write the memory back as schema 1 stored it: occurrences in their own table, each template's whole text.
        var stored = new Dictionary<(string, long), string>();
        using (var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            db.Open();
            AsSchema3(db);
            foreach (var (table, text) in new[] { ("units", "en"), ("variants", "text") })
            {
                foreach (var (id, t, spans) in Templates(db, table, text))
                {
                    var template = TemplateSpans.Apply(t, spans!);
                    stored[(table, id)] = template;
                    using var cmd = db.CreateCommand();
                    cmd.CommandText = $"UPDATE {table} SET template = $t WHERE id = $id";
                    cmd.Parameters.AddWithValue("$t", template);
                    cmd.Parameters.AddWithValue("$id", id);
                    cmd.ExecuteNonQuery();
                }
            }
            using var version = db.CreateCommand();
            version.CommandText = "DROP TABLE grams; PRAGMA user_version = 1";
            version.ExecuteNonQuery();
        }
        Assert.IsTrue(stored.Values.Any(t => t.Contains("{session-ordinal}", StringComparison.Ordinal)));
        Assert.IsTrue(stored.Values.Any(t => t.Contains("届会议", StringComparison.Ordinal) && t.Contains('{')));

        using var memory = SqliteTranslationMemory.Open(f.Path_);
        Assert.AreEqual(Schema.Latest, memory.Stats().SchemaVersion);
        var council = Tokens.Grams("council", "en").Single();
        Assert.AreEqual(memory.Postings(Language.English, council).Count, memory.GramFrequencies(Language.English, [council])[council], "schema 3 counts the grams already indexed");
        using (var db = new SqliteConnection($"Data Source={f.Path_};Pooling=False"))
        {
            db.Open();
            foreach (var (table, text) in new[] { ("units", "en"), ("variants", "text") })
            {
                foreach (var (id, t, spans) in Templates(db, table, text))
                {
                    Assert.AreEqual(stored[(table, id)], TemplateSpans.Apply(t, spans!), $"{table} {id}");
                }
            }
        }
        var match = new MemoryLookup(memory).Lookup("Fifty-first session", Language.English, Language.Chinese)[0];
        Assert.AreEqual((MatchKind.Template, "第五十一届会议"), (match.Kind, match.Target));
    }
}
