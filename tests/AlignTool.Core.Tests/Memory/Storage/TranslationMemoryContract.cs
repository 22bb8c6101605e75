using AlignTool.Core.Documents;
using AlignTool.Core.Text;
using AlignTool.Core.Alignment;
using AlignTool.Core.Memory.InMemory;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Core.Tests.Memory.Storage;

/// <summary>
/// What every backend of <see cref="ITranslationMemory"/> must do, the same tests for each: a class per backend
/// derives from this one and says how to open a new memory and a second handle on it (a second writer). Lookups go
/// through Core's <see cref="MemoryLookup"/>, and their results are compared with those of the reference backend
/// (<see cref="InMemoryTranslationMemory"/>) filled with the same documents.
/// </summary>
public abstract class TranslationMemoryContract
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Seeds = [TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed004];

    private readonly List<ITranslationMemory> _opened = [];

    /// <summary>A new, empty memory of the backend under test.</summary>
    protected abstract ITranslationMemory CreateMemory();

    /// <summary>A second handle on the same memory, as a second writer holds it (another connection, another process).</summary>
    protected abstract ITranslationMemory OpenAgain(ITranslationMemory memory);

    /// <summary>Frees what the backend's memories left (files); the memories are closed by then.</summary>
    protected virtual void Discard()
    {
    }

    [TestCleanup]
    public void CloseMemories()
    {
        foreach (var m in _opened) m.Dispose();
        _opened.Clear();
        Discard();
    }

    private ITranslationMemory New() => Track(CreateMemory());

    private ITranslationMemory Track(ITranslationMemory memory)
    {
        _opened.Add(memory);
        return memory;
    }

    /// <summary>An ingestor into <paramref name="memory"/> whose clock stands at <see cref="Now"/>; the author is "test".</summary>
    public static Ingestor IngestorFor(ITranslationMemory memory) => new(memory, new FixedClock(Now), "test");

    /// <summary>Ingests the catalogue (when <paramref name="catalog"/>) and then these seeds, as tm-data.</summary>
    public static void Ingest(ITranslationMemory memory, bool catalog, IEnumerable<string> seeds)
    {
        var ingestor = IngestorFor(memory);
        if (catalog) ingestor.IngestCatalog(Catalog.Default, "catalog:test");
        foreach (var s in seeds) ingestor.IngestDocument(s, TestData.SeedText(s), Ingestor.TmDataOrigin);
    }

    private static T Filled<T>(T memory, bool catalog = true) where T : ITranslationMemory
    {
        Ingest(memory, catalog, Seeds);
        return memory;
    }

    private readonly TextPreparer _preparer = new(); // not thread-safe: one per test

    private PreparedUnit Unit(string en, Language lang, string text, Occurrence? occurrence = null) =>
        new(_preparer.Prepare(en, Language.English), [new PreparedVariant(_preparer.Prepare(text, lang), occurrence)]);

    private static DocumentRecord Record(string name, string hash) => new(name, hash, null, null, null, [Language.English, Language.Chinese], Ingestor.UserOrigin);

    [TestMethod]
    public void AddDocument_StoresItsUnitsVariantsAndOccurrences()
    {
        var m = New();
        var outcome = m.AddDocument(Record("one", "h-one"),
            [Unit("Human Rights Council", Language.Chinese, "人权理事会", new Occurrence(Zone.CoverBody, CoverField.Organ, 1, null, "Fiftieth session")),
             Unit("Fiftieth session", Language.Chinese, "第五十届会议", new Occurrence(Zone.CoverBody, CoverField.Session, 2, "Human Rights Council", null)),
             Unit("Human Rights Council", Language.Chinese, "人权理事会", new Occurrence(Zone.CoverBody, CoverField.Organ, 7, null, null))], "test", Now);
        Assert.AreEqual(new IngestOutcome(false, 2, 2, 3), outcome);
        Assert.IsTrue(m.HasDocument("h-one"));
        var stats = m.Stats();
        Assert.AreEqual((1, 2, 0, 3), (stats.Documents, stats.Units, stats.TemplateUnits, stats.Occurrences));
        CollectionAssert.AreEqual(new[] { new KeyValuePair<Language, int>(Language.Chinese, 2) }, stats.VariantsPerLanguage.ToList());
        var doc = m.Documents().Single();
        Assert.AreEqual(("one", "en,zh", 2, "2026-11-22T12:00:00Z"), (doc.Name, string.Join(",", doc.Languages), doc.Units, doc.Added));
        Assert.AreEqual("h-one", doc.ContentHash);
        var council = m.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("human rights council"))).Single();
        var v = council.Variants.Single();
        Assert.AreEqual(("人权理事会", "人权理事会"), (v.Text, v.Norm));
        CollectionAssert.AreEqual(new[] { "one" }, v.Documents.ToList());
        CollectionAssert.AreEqual(new[] { 1, 7 }, v.Occurrences.Select(o => o.Position).ToList());
    }

    [TestMethod]
    public void Ingest_KeepsEveryOccurrenceOfASharedVariant()
    {
        var memory = New();
        foreach (var s in new[] { TestData.Seed002, TestData.Seed004 }) IngestorFor(memory).IngestDocument(s, TestData.SeedText(s));
        var units = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council")));
        var unit = units.Single();
        var zh = unit.Variants.Single(v => v.Lang == Language.Chinese);
        Assert.AreEqual("人权理事会", zh.Text);
        CollectionAssert.AreEquivalent(new[] { TestData.Seed002, TestData.Seed004 }, zh.Documents.ToList());
        Assert.IsTrue(zh.Occurrences.All(o => o.Field == CoverField.Body && o.Next == "Forty-third session" || o.Next == "Forty-seventh session"));
    }

    [TestMethod]
    public void AddDocument_MeetingAStoredVariantAgain_StampsItChangedOncePerDocument()
    {
        var memory = New();
        PreparedUnit Council(int position) => new(_preparer.Prepare("Human Rights Council", Language.English),
            [new PreparedVariant(_preparer.Prepare("人权理事会", Language.Chinese), new Occurrence(Zone.CoverBody, CoverField.Body, position, null, null))]);
        var later = Now.AddDays(1);
        memory.AddDocument(new DocumentRecord("a", "hash-a", null, null, null, [Language.English, Language.Chinese], "user"), [Council(0)], "alice", Now);
        // The second document has the council twice and a unit of its own, met twice too.
        PreparedUnit Session() => new(_preparer.Prepare("Forty-third session", Language.English), [new PreparedVariant(_preparer.Prepare("第四十三届会议", Language.Chinese), null)]);
        memory.AddDocument(new DocumentRecord("b", "hash-b", null, null, null, [Language.English, Language.Chinese], "user"), [Council(0), Session(), Council(5), Session()], "bob", later);

        var units = memory.Export(null).ToDictionary(u => u.English);
        var council = units["Human Rights Council"];
        Assert.AreEqual(new TextMeta(TextMeta.Stamp(Now), "alice", TextMeta.Stamp(later), "bob", 0), council.Meta);
        Assert.AreEqual(new TextMeta(TextMeta.Stamp(Now), "alice", TextMeta.Stamp(later), "bob", 0), council.Variants.Single().Meta);
        var session = units["Forty-third session"];
        Assert.AreEqual(new TextMeta(TextMeta.Stamp(later), "bob", TextMeta.Stamp(later), "bob", 0), session.Variants.Single().Meta);
        var stored = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single().Variants.Single();
        CollectionAssert.AreEqual(new[] { 0, 0, 5 }, stored.Occurrences.Select(o => o.Position).ToList());
        CollectionAssert.AreEqual(new[] { "a", "b" }, stored.Documents.ToList());
        Assert.AreEqual(5, memory.Stats().Occurrences);
    }

    [TestMethod]
    public void AddDocument_SameContentHashTwice_AddsNothingTheSecondTime()
    {
        var m = Filled(New());
        var before = m.Stats();
        var again = m.AddDocument(Record("renamed", UnitExtractor.ContentHash(TestData.SeedText(TestData.Seed000))), [Unit("Something new", Language.Chinese, "新的")], "test", Now);
        Assert.IsTrue(again.AlreadyPresent);
        Assert.AreEqual(IngestStatus.AlreadyPresent, IngestorFor(m).IngestDocument("renamed.md", TestData.SeedText(TestData.Seed001)).Status);
        var after = m.Stats();
        Assert.AreEqual((before.Documents, before.Units, before.Occurrences), (after.Documents, after.Units, after.Occurrences));
        Assert.IsFalse(m.Documents().Any(d => d.Name.StartsWith("renamed", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void RemoveDocument_ByANameTwoDocumentsCarry_IsRefusedAndRemovesNothing()
    {
        var m = New();
        m.AddDocument(Record("note.md", "h-1"), [Unit("Human Rights Council", Language.Chinese, "人权理事会")], "test", Now);
        m.AddDocument(Record("note.md", "h-2"), [Unit("Fiftieth session", Language.Chinese, "第五十届会议")], "test", Now);
        var e = Assert.ThrowsExactly<AmbiguousDocumentException>(() => m.RemoveDocument("note.md"));
        Assert.AreEqual("note.md", e.Name);
        Assert.AreEqual(2, m.Stats().Documents);
        Assert.AreEqual(1, m.RemoveDocument("h-2"));
        Assert.AreEqual(1, m.RemoveDocument("note.md"));
        Assert.AreEqual(0, m.Stats().Documents);
    }

    [TestMethod]
    public void Occurrences_KeepTheirZoneFieldAndRole_AndOnlyAWholeFieldIsItsContext()
    {
        var m = New();
        Occurrence[] places =
        [
            new(Zone.Title, CoverField.Title, 3, "Fiftieth session", null),
            new(Zone.CoverBody, CoverField.Transmittal, 4, null, null, OccurrenceRole.Part),
            new(null, null, 7, "Human Rights Council", null, OccurrenceRole.Bead),
        ];
        m.AddDocument(Record("one", "h-one"),
            [Unit("Report of the Special Rapporteur", Language.Arabic, "تقرير المقرر الخاص", places[0]),
             Unit("the Permanent Mission of Qatar", Language.Arabic, "البعثة الدائمة لقطر", places[1]),
             Unit("The Council adopted the report.", Language.Arabic, "واعتمد المجلس التقرير.", places[2])], "test", Now);
        var read = m.Export(null).Select(u => u.Variants.Single().Occurrence).ToList();
        CollectionAssert.AreEqual(places, read);
        var part = m.Export(null).ElementAt(1).Variants.Single();
        Assert.IsFalse(m.SeenInContext(part.Id, CoverField.Transmittal, null, null), "a part is not the whole field");
        var title = m.Export(null).First().Variants.Single();
        Assert.IsTrue(m.SeenInContext(title.Id, CoverField.Title, "Fiftieth session", null));
    }

    [TestMethod]
    public void AddDocument_WhenProducingItsUnitsFails_StoresNothing()
    {
        var m = New();
        m.AddDocument(Record("first", "h-first"), [Unit("Human Rights Council", Language.Chinese, "人权理事会")], "test", Now);
        IEnumerable<PreparedUnit> Failing()
        {
            yield return Unit("Human Rights Council", Language.Chinese, "人权理事会");
            yield return Unit("Fiftieth session", Language.Chinese, "第五十届会议");
            throw new InvalidDataException("the source broke off");
        }
        Assert.ThrowsExactly<InvalidDataException>(() => m.AddDocument(Record("broken", "h-broken"), Failing(), "test", Now));
        Assert.IsFalse(m.HasDocument("h-broken"));
        var stats = m.Stats();
        Assert.AreEqual((1, 1, 1), (stats.Documents, stats.Units, stats.Occurrences));
        Assert.IsEmpty(m.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Fiftieth session"))));
    }

    [TestMethod]
    public void Lookup_ExactContextTemplateAndFuzzy_AsCoreFindsThem()
    {
        var m = Filled(New());
        var lookup = new MemoryLookup(m);
        var exact = lookup.Lookup("Human rights situations that require the Council’s attention", Language.English, Language.Chinese);
        Assert.AreEqual((MatchKind.Exact, 100, "需要理事会注意的人权状况"), (exact[0].Kind, exact[0].Score, exact[0].Target));
        Assert.AreEqual(MatchKind.Context, lookup.Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Fiftieth session" })[0].Kind);
        Assert.AreEqual(MatchKind.Exact, lookup.Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Forty-third session" })[0].Kind);
        var template = lookup.Lookup("Agenda items 3 and 7", Language.English, Language.Chinese);
        Assert.AreEqual((MatchKind.Template, "议程项目3和7"), (template[0].Kind, template[0].Target));
        var fuzzy = lookup.Lookup("Human rights situations requiring the Council’s attention", Language.English, Language.Chinese, new LookupOptions { MinScore = 60 }).First(x => x.Kind == MatchKind.Fuzzy);
        Assert.AreEqual("需要理事会注意的人权状况", fuzzy.Target);
        Assert.IsTrue(fuzzy.Score is >= 60 and < 100, fuzzy.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual("مجلس حقوق الإنسان", lookup.Lookup("人权理事会", Language.Chinese, Language.Arabic)[0].Target);
    }

    [TestMethod]
    public void Lookup_EveryKindOfQuery_FindsWhatTheReferenceBackendFinds()
    {
        var m = Filled(New());
        using var reference = Filled(new InMemoryTranslationMemory());
        var queries = new List<(string Text, Language From, Language To, LookupOptions Options)>();
        foreach (var u in reference.Export(null).Take(60))
        {
            queries.Add((u.English, Language.English, Language.Chinese, LookupOptions.Default));
            queries.Add((u.English.ToUpperInvariant(), Language.English, Language.Arabic, new LookupOptions { Next = "Fiftieth session" }));
            var words = u.English.Split(' ');
            if (words.Length > 4) queries.Add((string.Join(' ', words.Where((_, i) => i != 1)), Language.English, Language.Arabic, new LookupOptions { MinScore = 50 }));
            foreach (var v in u.Variants.Take(1)) queries.Add((v.Text, v.Lang, v.Lang == Language.Chinese ? Language.Arabic : Language.Chinese, LookupOptions.Default));
        }
        queries.Add(("Agenda items 3 and 7", Language.English, Language.Chinese, LookupOptions.Default));
        queries.Add(("2–13 March 2026", Language.English, Language.Arabic, LookupOptions.Default));
        queries.Add(("The Council adopted the report without a vote", Language.English, Language.Chinese, new LookupOptions { MinScore = 30 }));
        var expected = new MemoryLookup(reference);
        var actual = new MemoryLookup(m);
        int found = 0;
        foreach (var (text, from, to, options) in queries)
        {
            var want = expected.Lookup(text, from, to, options).Select(Show).ToList();
            var got = actual.Lookup(text, from, to, options).Select(Show).ToList();
            CollectionAssert.AreEqual(want, got, $"'{text}' {from}->{to}:\n  reference: {string.Join("\n             ", want)}\n  backend:   {string.Join("\n             ", got)}");
            if (got.Count > 0) found++;
        }
        Assert.IsGreaterThan(queries.Count / 2, found, "most queries find something");
        foreach (var term in new[] { "Permanent Mission", "人权理事会", "مجلس حقوق الانسان", "photosynthesis" })
            CollectionAssert.AreEqual(expected.Concordance(term).ToList(), actual.Concordance(term).ToList(), term);
    }

    // Lookups whose results depend on how a backend gives ids, orders postings and limits the occurrences it loads.

    [TestMethod]
    public void Lookup_RarestGramPastTheBudget_CountsOnlyItsNewestTexts()
    {
        var memory = New();
        var units = Enumerable.Range(1, 20).Select(i => new PreparedUnit(_preparer.Prepare($"The Council adopted decision {i} without a vote", Language.English),
            [new PreparedVariant(_preparer.Prepare($"理事会未经表决通过了第{i}号决定", Language.Chinese), null)])).ToList();
        memory.AddDocument(new DocumentRecord("decisions", "h-decisions", null, null, null, [Language.English, Language.Chinese], "user"), units, "test", Now);
        var ids = memory.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("The Council adopted decision 20 without a vote"))).Single().Id;
        // Every word of the query is in all twenty texts: the rarest gram alone is past a budget of five postings.
        var matches = new MemoryLookup(memory).Lookup("The Council adopted a decision without a vote", Language.English, Language.Chinese,
            new LookupOptions { PostingBudget = 5, MaxCandidates = 25, Limit = 10, MinScore = 50 });
        Assert.IsNotEmpty(matches);
        Assert.IsTrue(matches.All(m => m.UnitId > ids - 5), "only the five newest texts were candidates: " + string.Join(", ", matches.Select(m => m.UnitId)));
    }

    [TestMethod]
    public void Lookup_AfterATextsIdIsGivenToAnother_ScoresTheNewText()
    {
        var memory = New();
        memory.AddDocument(new DocumentRecord("base", "h-base", null, null, null, [Language.English, Language.Chinese], "user"), [Unit("The Council adopted the report of the Working Group", Language.Chinese, "理事会通过了工作组的报告")], "test", Now);
        memory.AddDocument(new DocumentRecord("old", "h-old", null, null, null, [Language.English, Language.Chinese], "user"), [Unit("The Council adopted the report of the Special Rapporteur", Language.Chinese, "理事会通过了特别报告员的报告")], "test", Now);
        var lookup = new MemoryLookup(memory); // one instance, as a prefill keeps it
        var first = lookup.Lookup("The Council adopted the report of the Special Rapporteur on Syria", Language.English, Language.Chinese, new LookupOptions { MinScore = 50 });
        long reused = first.Single(m => m.Source.Contains("Special Rapporteur", StringComparison.Ordinal)).UnitId;
        Assert.IsNotNull(memory.RemoveDocument("old"));
        memory.AddDocument(new DocumentRecord("new", "h-new", null, null, null, [Language.English, Language.Chinese], "user"), [Unit("The Council adopted the report of the Independent Expert on Mali", Language.Chinese, "理事会通过了马里问题独立专家的报告")], "test", Now);
        var query = "The Council adopted the report of the Independent Expert on Mali and Niger";
        var again = lookup.Lookup(query, Language.English, Language.Chinese, new LookupOptions { MinScore = 50 }).Single(m => m.Target.Contains("马里", StringComparison.Ordinal));
        Assert.AreEqual(reused, again.UnitId, "the freed id went to the new text");
        var fresh = new MemoryLookup(memory).Lookup(query, Language.English, Language.Chinese, new LookupOptions { MinScore = 50 }).Single(m => m.Target.Contains("马里", StringComparison.Ordinal));
        Assert.AreEqual(fresh.Score, again.Score, "scored on the new text, not on what was kept of the old one");
    }

    [TestMethod]
    public void Lookup_ContextSeenLongBefore_IsStillExact()
    {
        var memory = New();
        PreparedUnit Council(string next) =>
            new(_preparer.Prepare("Human Rights Council", Language.English), [new PreparedVariant(_preparer.Prepare("人权理事会", Language.Chinese), new Occurrence(Zone.CoverBody, CoverField.Body, 1, null, next))]);
        memory.AddDocument(new DocumentRecord("first", "h-first", null, null, null, [Language.English, Language.Chinese], "user"), [Council("Forty-third session")], "test", Now);
        // Boilerplate met in many later documents: more occurrences than a unit is loaded with (50 by either backend).
        for (int d = 0; d < 60; d++)
            memory.AddDocument(new DocumentRecord($"later-{d}", $"h-{d}", null, null, null, [Language.English, Language.Chinese], "user"), [Council("Fiftieth session")], "test", Now);
        var lookup = new MemoryLookup(memory);
        var old = lookup.Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Forty-third session", Field = CoverField.Body });
        Assert.AreEqual((MatchKind.Exact, 100), (old[0].Kind, old[0].Score), "the first document's context counts, however old");
        var never = lookup.Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Fifty-first session" });
        Assert.AreEqual(MatchKind.Context, never[0].Kind);
    }

    private static string Show(MemoryMatch m) =>
        $"{m.Kind} {m.Score} [{m.UnitId}/{m.VariantId}] {m.Source} => {m.Target} via {m.Via} ({string.Join("; ", m.Reasons)})";

    [TestMethod]
    public void Concordance_FindsUnitsContainingTheTerm_AndNothingForAnUnknownOne()
    {
        var m = Filled(New());
        var lookup = new MemoryLookup(m);
        var hits = lookup.Concordance("人权理事会");
        Assert.IsNotEmpty(hits);
        foreach (var h in hits) StringAssert.Contains(TextNormalizer.Normalize(h.Target), "人权理事会");
        Assert.IsTrue(lookup.Concordance("Permanent Mission").All(h => TextNormalizer.Normalize(h.Source).Contains("permanent mission", StringComparison.Ordinal)));
        Assert.IsEmpty(lookup.Concordance("photosynthesis"));
    }

    [TestMethod]
    public void RemoveDocument_TakesWhatOnlyItContributed_AndKeepsWhatOthersShare()
    {
        var m = New();
        m.AddDocument(Record("a", "h-a"), [Unit("Human Rights Council", Language.Chinese, "人权理事会"), Unit("Only in a", Language.Chinese, "只在甲")], "test", Now);
        m.AddDocument(Record("b", "h-b"), [Unit("Human Rights Council", Language.Chinese, "人权理事会"), Unit("Only in b", Language.Chinese, "只在乙")], "test", Now);
        Assert.IsNull(m.RemoveDocument("no such document"));
        Assert.AreEqual(1, m.RemoveDocument("a"));
        Assert.IsFalse(m.HasDocument("h-a"));
        var lookup = new MemoryLookup(m);
        Assert.IsEmpty(lookup.Lookup("Only in a", Language.English, Language.Chinese).Where(x => x.Kind == MatchKind.Exact).ToList());
        var shared = lookup.Lookup("Human Rights Council", Language.English, Language.Chinese)[0];
        Assert.AreEqual(("人权理事会", "b"), (shared.Target, shared.Via));
        var stats = m.Stats();
        Assert.AreEqual((1, 2, 2), (stats.Documents, stats.Units, stats.Occurrences));
        Assert.AreEqual(2, m.RemoveDocument("h-b"));
        Assert.AreEqual((0, 0, 0), (m.Stats().Documents, m.Stats().Units, m.Stats().Occurrences));
    }

    [TestMethod]
    public void LoadTexts_OriginOnly_GivesTheFirstOccurrenceStillStored()
    {
        var m = New();
        Occurrence At(int position) => new(Zone.CoverBody, CoverField.Organ, position, null, "Fiftieth session");
        foreach (var (name, position) in new[] { ("a", 1), ("b", 2), ("c", 3) })
            m.AddDocument(Record(name, "h-" + name), [Unit("Human Rights Council", Language.Chinese, "人权理事会", At(position))], "test", Now);
        var unit = m.FindByNorm(Language.English, TextNormalizer.Hash(TextNormalizer.Normalize("Human Rights Council"))).Single();
        long variantId = unit.Variants.Single().Id;

        (string Docs, string Positions) Read(Language lang, long id, UnitDetail detail)
        {
            var v = m.LoadTexts(lang, [id], detail).Single().Unit.Variants.Single();
            return (string.Join(",", v.Documents), string.Join(",", v.Occurrences.Select(o => o.Position)));
        }

        Assert.AreEqual(("a,b,c", "1,2,3"), Read(Language.English, unit.Id, UnitDetail.Full));
        Assert.AreEqual(("a", "1"), Read(Language.English, unit.Id, UnitDetail.Origin));
        Assert.AreEqual(("a", "1"), Read(Language.Chinese, variantId, UnitDetail.Origin));
        Assert.AreEqual(0, m.RemoveDocument("a")); // found; no unit was its alone
        Assert.AreEqual(("b,c", "2,3"), Read(Language.Chinese, variantId, UnitDetail.Full));
        Assert.AreEqual(("b", "2"), Read(Language.Chinese, variantId, UnitDetail.Origin));
        Assert.AreEqual(("b", "2"), Read(Language.English, unit.Id, UnitDetail.Origin));
        var origin = m.LoadTexts(Language.Chinese, [variantId], UnitDetail.Origin).Single().Unit.Variants.Single().Occurrences.Single();
        Assert.AreEqual((CoverField.Organ, "Fiftieth session"), (origin.Field, origin.Next));

        // A fuzzy match names the document its target came from, and says why it scored as it did.
        var fuzzy = new MemoryLookup(m).Lookup("Human Rights Councils", Language.English, Language.Chinese).Single();
        Assert.AreEqual((MatchKind.Fuzzy, "b"), (fuzzy.Kind, fuzzy.Via));
        Assert.IsTrue(fuzzy.Reasons.Any(r => r.Contains("inflection", StringComparison.Ordinal)), string.Join("; ", fuzzy.Reasons));
    }

    [TestMethod]
    public void Export_GivesUnitsInIdOrder_WithoutCatalogueTemplates_AndSinceADate()
    {
        var m = Filled(New());
        var all = m.Export(null).ToList();
        Assert.IsGreaterThan(10, all.Count);
        CollectionAssert.AreEqual(all.Select(u => u.Id).Order().ToList(), all.Select(u => u.Id).ToList());
        Assert.AreEqual(m.Stats().Units, all.Count, "catalogue templates are not exported");
        foreach (var u in all) CollectionAssert.AreEqual(u.Variants.Select(v => v.Id).Order().ToList(), u.Variants.Select(v => v.Id).ToList());
        var first = all.SelectMany(u => u.Variants).First(v => v.Occurrence is not null);
        Assert.IsTrue(Seeds.Contains(first.Document));
        var later = Now.AddDays(1);
        m.AddDocument(Record("later", "h-later"), [Unit("A unit added later", Language.Chinese, "后来添加的单元")], "test", later);
        var since = m.Export(TextMeta.Stamp(later)).ToList();
        Assert.AreEqual("A unit added later", since.Single().English);
        Assert.AreEqual(("test", 0), (since[0].Meta.CreatedBy, since[0].Meta.Usage));
        m.RecordUsage(since[0].Variants[0].Id);
        Assert.AreEqual(1, m.Export(TextMeta.Stamp(later)).Single().Variants[0].Meta.Usage);
    }

    [TestMethod]
    public void Export_OfTheCatalogue_GivesItsRowsWithTheirIds_AsTheReferenceDoes()
    {
        var m = Filled(New());
        using var reference = Filled(new InMemoryTranslationMemory());
        var rows = m.Export(null, ExportScope.Catalogue).ToList();
        Assert.IsGreaterThan(0, rows.Count);
        Assert.AreEqual(m.Stats().TemplateUnits, rows.Count);
        Assert.IsTrue(rows.All(u => u.Via is not null));
        CollectionAssert.AreEqual(rows.Select(u => u.Id).Order().ToList(), rows.Select(u => u.Id).ToList());
        CollectionAssert.AreEqual(reference.Export(null, ExportScope.Catalogue).Select(u => (u.Via, u.English, u.Variants.Count)).ToList(),
            rows.Select(u => (u.Via, u.English, u.Variants.Count)).ToList());
    }

    [TestMethod]
    public void Stats_CountsDocumentsUnitsTemplatesVariantsAndOccurrences_LikeTheReference()
    {
        var m = Filled(New());
        using var reference = Filled(new InMemoryTranslationMemory());
        var (s, r) = (m.Stats(), reference.Stats());
        Assert.AreEqual((Seeds.Length + 1, r.Units, r.TemplateUnits, r.Occurrences), (s.Documents, s.Units, s.TemplateUnits, s.Occurrences));
        Assert.IsGreaterThan(0, s.TemplateUnits);
        CollectionAssert.AreEqual(r.VariantsPerLanguage.ToList(), s.VariantsPerLanguage.ToList());
        CollectionAssert.AreEqual(reference.Documents().Select(d => (d.Name, d.Units, string.Join(",", d.Languages))).ToList(), m.Documents().Select(d => (d.Name, d.Units, string.Join(",", d.Languages))).ToList());
        Assert.IsNull(m.BuiltFrom);
        m.MarkBuiltFrom("v1");
        m.MarkBuiltFrom("v2");
        Assert.AreEqual("v2", m.BuiltFrom);
    }

    [TestMethod]
    public void AddDocument_TwoWritersAtOnce_BothDocumentsAreStoredWhole()
    {
        var m = New();
        var other = Track(OpenAgain(m));
        using var reference = Filled(new InMemoryTranslationMemory(), catalog: false);
        using var start = new Barrier(2);
        void Write(ITranslationMemory memory, IEnumerable<string> seeds)
        {
            start.SignalAndWait();
            foreach (var s in seeds) IngestorFor(memory).IngestDocument(s, TestData.SeedText(s), Ingestor.TmDataOrigin);
        }
        var first = Task.Run(() => Write(m, Seeds.Where((_, i) => i % 2 == 0)));
        var second = Task.Run(() => Write(other, Seeds.Where((_, i) => i % 2 == 1)));
        Task.WaitAll(first, second);
        var (s, r) = (m.Stats(), reference.Stats());
        Assert.AreEqual((r.Documents, r.Units, r.Occurrences), (s.Documents, s.Units, s.Occurrences));
        CollectionAssert.AreEqual(r.VariantsPerLanguage.ToList(), s.VariantsPerLanguage.ToList());
        CollectionAssert.AreEquivalent(reference.Documents().Select(d => (d.Name, d.Units)).ToList(), m.Documents().Select(d => (d.Name, d.Units)).ToList());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
