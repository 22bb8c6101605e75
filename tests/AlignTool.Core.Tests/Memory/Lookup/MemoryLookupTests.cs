using AlignTool.Core.Text;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Tests.Memory.InMemory;

namespace AlignTool.Core.Tests.Memory.Lookup;

/// <summary>Core's matching over the in-memory reference backend built from the seeds and the catalogue.</summary>
[TestClass]
public sealed class MemoryLookupTests
{
    private static InMemoryFixture Seeds() =>
        new InMemoryFixture().WithCatalog().WithSeeds(TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed004);

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
        var m = new MemoryLookup(f.Memory).Lookup(english, Language.English, Language.Of(to))[0];
        Assert.AreEqual(MatchKind.Template, m.Kind);
        Assert.AreEqual(target, m.Target);
        Assert.AreEqual("catalog:" + row, m.Via);
        Assert.IsNotEmpty(m.Slots);
    }

    [TestMethod]
    public void Lookup_ExactMatch_ComesFirstWithScore100()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("Human rights situations that require the Council’s attention", Language.English, Language.Chinese);
        Assert.AreEqual(MatchKind.Exact, m[0].Kind);
        Assert.AreEqual(100, m[0].Score);
        Assert.AreEqual("需要理事会注意的人权状况", m[0].Target);
    }

    [TestMethod]
    public void Lookup_DifferentFormatting_IsExactLessAPenalty()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("human rights situations that require the Council's  attention", Language.English, Language.Arabic);
        Assert.AreEqual(MatchKind.Exact, m[0].Kind);
        Assert.AreEqual(100 - FuzzyScorer.PenaltyForFormatting, m[0].Score);
        Assert.AreEqual("حالات حقوق الإنسان التي تتطلب اهتمام المجلس بها", m[0].Target);
    }

    [TestMethod]
    public void Lookup_WithOtherContext_IsAContextMatch()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Fiftieth session" });
        Assert.AreEqual(MatchKind.Context, m[0].Kind);
        var inContext = new MemoryLookup(f.Memory).Lookup("Human Rights Council", Language.English, Language.Chinese, new LookupOptions { Next = "Forty-third session" });
        Assert.AreEqual(MatchKind.Exact, inContext[0].Kind);
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
        var m = new MemoryLookup(f.Memory).Lookup(text, Language.English, Language.Of(to));
        Assert.AreEqual(MatchKind.Template, m[0].Kind, string.Join(" | ", m.Select(x => x.Kind + " " + x.Target)));
        Assert.AreEqual(expected, m[0].Target);
        Assert.IsGreaterThan(90, m[0].Score);
    }

    [TestMethod]
    public void Lookup_Fuzzy_RespectsTheThresholdAndGivesReasons()
    {
        using var f = Seeds();
        var lookup = new MemoryLookup(f.Memory);
        var m = lookup.Lookup("Human rights situations requiring the Council’s attention", Language.English, Language.Chinese, new LookupOptions { MinScore = 60 });
        var fuzzy = m.First(x => x.Kind == MatchKind.Fuzzy);
        Assert.AreEqual("需要理事会注意的人权状况", fuzzy.Target);
        Assert.IsTrue(fuzzy.Score is >= 60 and < 100);
        StringAssert.Contains(fuzzy.Reasons[0], "-that: function word dropped");
        StringAssert.Contains(fuzzy.Reasons[0], "require→requiring: inflection");
        Assert.IsEmpty(lookup.Lookup("Human rights situations requiring the Council’s attention", Language.English, Language.Chinese, new LookupOptions { MinScore = 95 }).Where(x => x.Kind == MatchKind.Fuzzy).ToList());
    }

    [TestMethod]
    public void Lookup_FromChinese_FindsTheArabic()
    {
        using var f = Seeds();
        var m = new MemoryLookup(f.Memory).Lookup("人权理事会", Language.Chinese, Language.Arabic);
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
