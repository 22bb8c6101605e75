using AlignTool.Core.Memory;
using AlignTool.Core.Tests;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>Core's matching over the SQLite memory built from the seeds and the catalogue.</summary>
[TestClass]
public sealed class MemoryLookupTests
{
    private static MemoryFixture Seeds() =>
        new MemoryFixture().WithCatalog().WithSeeds(TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed004);

    [TestMethod]
    [DataRow("Identical letters dated 9 May 2025 from the Permanent Observer of the Holy See to the United Nations addressed to the Secretary-General and the President of the Security Council", "zh",
        "2025年5月9日教廷常驻联合国观察员给秘书长和安全理事会主席的相同信函", "title:identical-letters/permanent-observer/sg-and-president-sc")]
    [DataRow("Letter dated 30 June 2025 from the Chargé d’affaires a.i. of the Permanent Mission of the Niger to the United Nations addressed to the President of the General Assembly", "ar",
        "رسالة مؤرخة 30 حزيران/يونيه 2025 موجهة إلى رئيس الجمعية العامة من القائم بالأعمال بالنيابة للبعثة الدائمة للنيجر لدى الأمم المتحدة", "title:letter/charge-affaires/president-ga")]
    [DataRow("Items 12 and 14 (a) of the provisional agenda", "ar", "البندان 12 و14 (أ) من جدول الأعمال المؤقت", "agenda-items-provisional")]
    [DataRow("2026 session", "zh", "2026年届会", "session-year")]
    [DataRow("Note verbale dated 4 March 2025 from the Permanent Mission of Cuba to the United Nations Office and other International Organizations in Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "zh",
        "古巴常驻联合国日内瓦办事处和日内瓦其他国际组织代表团2025年3月4日致联合国人权事务高级专员办事处的普通照会", "title:note-verbale/mission-geneva-io/ohchr")]
    public void Lookup_ALineOfACoverBeyondTheSeeds_IsATemplateMatchWithItsSlotsReRendered(string english, string to, string target, string row)
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup(english, "en", to)[0];
        Assert.AreEqual(MatchKind.Template, m.Kind);
        Assert.AreEqual(target, m.Target);
        Assert.AreEqual("catalog:" + row, m.Via);
        Assert.IsNotEmpty(m.Slots);
    }

    [TestMethod]
    public void Lookup_ExactMatch_ComesFirstWithScore100()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("Human rights situations that require the Council’s attention", "en", "zh");
        Assert.AreEqual(MatchKind.Exact, m[0].Kind);
        Assert.AreEqual(100, m[0].Score);
        Assert.AreEqual("需要理事会注意的人权状况", m[0].Target);
    }

    [TestMethod]
    public void Lookup_DifferentFormatting_IsExactLessAPenalty()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("human rights situations that require the Council's  attention", "en", "ar");
        Assert.AreEqual(MatchKind.Exact, m[0].Kind);
        Assert.AreEqual(100 - FuzzyScorer.PenaltyForFormatting, m[0].Score);
        Assert.AreEqual("حالات حقوق الإنسان التي تتطلب اهتمام المجلس بها", m[0].Target);
    }

    [TestMethod]
    public void Lookup_WithOtherContext_IsAContextMatch()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("Human Rights Council", "en", "zh", new LookupOptions { Next = "Fiftieth session" });
        Assert.AreEqual(MatchKind.Context, m[0].Kind);
        var inContext = new MemoryLookup(f.Memory).Lookup("Human Rights Council", "en", "zh", new LookupOptions { Next = "Forty-third session" });
        Assert.AreEqual(MatchKind.Exact, inContext[0].Kind);
    }

    [TestMethod]
    public void Lookup_RarestGramPastTheBudget_CountsOnlyItsNewestTexts()
    {
        using var f = new MemoryFixture();
        var prep = new TextPreparer();
        var units = Enumerable.Range(1, 20).Select(i => new PreparedUnit(prep.Prepare($"The Council adopted decision {i} without a vote", "en"),
            [new PreparedVariant(prep.Prepare($"理事会未经表决通过了第{i}号决定", "zh"), null)])).ToList();
        f.Memory.AddDocument(new DocumentRecord("decisions", "h-decisions", null, null, null, ["en", "zh"], "user"), units, "test", MemoryFixture.Now);
        var ids = f.Memory.FindByNorm("en", TextNormalizer.Hash(TextNormalizer.Normalize("The Council adopted decision 20 without a vote"))).Single().Id;
        // Every word of the query is in all twenty texts: the rarest gram alone is past a budget of five postings.
        var matches = new MemoryLookup(f.Memory).Lookup("The Council adopted a decision without a vote", "en", "zh",
            new LookupOptions { PostingBudget = 5, MaxCandidates = 25, Limit = 10, MinScore = 50 });
        Assert.IsNotEmpty(matches);
        Assert.IsTrue(matches.All(m => m.UnitId > ids - 5), "only the five newest texts were candidates: " + string.Join(", ", matches.Select(m => m.UnitId)));
    }

    [TestMethod]
    public void Lookup_AfterATextsIdIsGivenToAnother_ScoresTheNewText()
    {
        using var f = new MemoryFixture();
        var prep = new TextPreparer();
        PreparedUnit Unit(string en, string zh) => new(prep.Prepare(en, "en"), [new PreparedVariant(prep.Prepare(zh, "zh"), null)]);
        f.Memory.AddDocument(new DocumentRecord("base", "h-base", null, null, null, ["en", "zh"], "user"), [Unit("The Council adopted the report of the Working Group", "理事会通过了工作组的报告")], "test", MemoryFixture.Now);
        f.Memory.AddDocument(new DocumentRecord("old", "h-old", null, null, null, ["en", "zh"], "user"), [Unit("The Council adopted the report of the Special Rapporteur", "理事会通过了特别报告员的报告")], "test", MemoryFixture.Now);
        var lookup = new MemoryLookup(f.Memory); // one instance, as a prefill keeps it
        var first = lookup.Lookup("The Council adopted the report of the Special Rapporteur on Syria", "en", "zh", new LookupOptions { MinScore = 50 });
        long reused = first.Single(m => m.Source.Contains("Special Rapporteur", StringComparison.Ordinal)).UnitId;
        Assert.IsNotNull(f.Memory.RemoveDocument("old"));
        f.Memory.AddDocument(new DocumentRecord("new", "h-new", null, null, null, ["en", "zh"], "user"), [Unit("The Council adopted the report of the Independent Expert on Mali", "理事会通过了马里问题独立专家的报告")], "test", MemoryFixture.Now);
        var query = "The Council adopted the report of the Independent Expert on Mali and Niger";
        var again = lookup.Lookup(query, "en", "zh", new LookupOptions { MinScore = 50 }).Single(m => m.Target.Contains("马里", StringComparison.Ordinal));
        Assert.AreEqual(reused, again.UnitId, "the freed id went to the new text");
        var fresh = new MemoryLookup(f.Memory).Lookup(query, "en", "zh", new LookupOptions { MinScore = 50 }).Single(m => m.Target.Contains("马里", StringComparison.Ordinal));
        Assert.AreEqual(fresh.Score, again.Score, "scored on the new text, not on what was kept of the old one");
    }

    [TestMethod]
    public void Lookup_ContextSeenLongBefore_IsStillExact()
    {
        using var f = new MemoryFixture();
        var prep = new TextPreparer();
        PreparedUnit Council(string next) =>
            new(prep.Prepare("Human Rights Council", "en"), [new PreparedVariant(prep.Prepare("人权理事会", "zh"), new Occurrence("cover", "body", 1, null, next))]);
        f.Memory.AddDocument(new DocumentRecord("first", "h-first", null, null, null, ["en", "zh"], "user"), [Council("Forty-third session")], "test", MemoryFixture.Now);
        // Boilerplate met in many later documents: more occurrences than a unit is loaded with.
        for (int d = 0; d < SqliteTranslationMemory.OccurrencesPerVariant + 10; d++)
            f.Memory.AddDocument(new DocumentRecord($"later-{d}", $"h-{d}", null, null, null, ["en", "zh"], "user"), [Council("Fiftieth session")], "test", MemoryFixture.Now);
        var lookup = new MemoryLookup(f.Memory);
        var old = lookup.Lookup("Human Rights Council", "en", "zh", new LookupOptions { Next = "Forty-third session", Field = "body" });
        Assert.AreEqual((MatchKind.Exact, 100), (old[0].Kind, old[0].Score), "the first document's context counts, however old");
        var never = lookup.Lookup("Human Rights Council", "en", "zh", new LookupOptions { Next = "Fifty-first session" });
        Assert.AreEqual(MatchKind.Context, never[0].Kind);
    }

    [TestMethod]
    [DataRow("Fiftieth session", "zh", "第五十届会议")]
    [DataRow("Fiftieth session", "ar", "الدورة الخمسون")]
    [DataRow("Agenda items 3 and 7", "zh", "议程项目3和7")]
    [DataRow("2–13 March 2026", "zh", "2026年3月2日至13日")]
    [DataRow("Note verbale dated 14 May 2026 from the Permanent Mission of Qatar to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "zh", "卡塔尔常驻联合国日内瓦办事处代表团2026年5月14日致联合国人权事务高级专员办事处的普通照会")]
    [DataRow("Note verbale dated 14 May 2026 from the Permanent Mission of Iraq to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "ar", "مذكرة شفوية مؤرخة 14 أيار/مايو 2026 موجهة من البعثة الدائمة للعراق لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان")]
    public void Lookup_TemplateMatch_ReRendersTheSlots(string text, string to, string expected)
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup(text, "en", to);
        Assert.AreEqual(MatchKind.Template, m[0].Kind, string.Join(" | ", m.Select(x => x.Kind + " " + x.Target)));
        Assert.AreEqual(expected, m[0].Target);
        Assert.IsGreaterThan(90, m[0].Score);
    }

    [TestMethod]
    public void Lookup_Fuzzy_RespectsTheThresholdAndGivesReasons()
    {
        using var f = Seeds();
        var lookup = new MemoryLookup(f.Memory);
        var m = lookup.Lookup("Human rights situations requiring the Council’s attention", "en", "zh", new LookupOptions { MinScore = 60 });
        var fuzzy = m.First(x => x.Kind == MatchKind.Fuzzy);
        Assert.AreEqual("需要理事会注意的人权状况", fuzzy.Target);
        Assert.IsTrue(fuzzy.Score is >= 60 and < 100);
        StringAssert.Contains(fuzzy.Reasons[0], "-that: function word dropped");
        StringAssert.Contains(fuzzy.Reasons[0], "require→requiring: inflection");
        Assert.IsEmpty(lookup.Lookup("Human rights situations requiring the Council’s attention", "en", "zh", new LookupOptions { MinScore = 95 }).Where(x => x.Kind == MatchKind.Fuzzy).ToList());
    }

    [TestMethod]
    public void Lookup_FromChinese_FindsTheArabic()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("人权理事会", "zh", "ar");
        Assert.AreEqual("مجلس حقوق الإنسان", m[0].Target);
    }

    [TestMethod]
    [DataRow("Permanent Mission", "en")]
    [DataRow("人权理事会", "zh")]
    [DataRow("مجلس حقوق الإنسان", "ar")]
    [DataRow("مجلس حقوق الانسان", "ar")]
    public void Concordance_FindsUnitsContainingTheTermInAnyLanguage(string term, string lang)
    {
        using var f = Seeds();
        var hits = new MemoryLookup(f.Memory).Concordance(term);
        Assert.IsNotEmpty(hits);
        var norm = TextNormalizer.Normalize(term);
        foreach (var h in hits)
        {
            var text = lang == "en" ? h.Source : h.Target;
            StringAssert.Contains(TextNormalizer.Normalize(text), norm);
        }
    }

    [TestMethod]
    public void Concordance_UnknownTerm_FindsNothing()
    {
        using var f = Seeds();
        Assert.IsEmpty(new MemoryLookup(f.Memory).Concordance("photosynthesis"));
    }
}
