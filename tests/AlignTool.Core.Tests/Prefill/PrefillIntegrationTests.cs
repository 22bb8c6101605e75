using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Tests.Memory.InMemory;

namespace AlignTool.Core.Tests.Prefill;

/// <summary>
/// Prefill acceptance, leave-one-out on the seeds: a memory built from one seed prefills the English cover page of
/// another (other session, other dates) exactly as the other seed has it, or as the facts page writes it.
/// </summary>
[TestClass]
public sealed class PrefillIntegrationTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "fixtures", name));

    private static PrefillResult Prefill(string seedForMemory, string fixture, string to)
    {
        using var f = new InMemoryFixture().WithSeeds(seedForMemory);
        var doc = new DocumentParser().Parse(fixture, Fixture(fixture));
        return new Prefiller(new MemoryLookup(f.Memory)).Prefill(doc, to);
    }

    private static Dictionary<string, string> Fields(PrefillResult r) =>
        r.Segments.Where(s => s.Field.Length > 0).GroupBy(s => s.Field).ToDictionary(g => g.Key, g => g.First().Target);

    [TestMethod]
    [DataRow(TestData.Seed002, "en-cover-004.md", TestData.Seed004)]
    [DataRow(TestData.Seed004, "en-cover-002.md", TestData.Seed002)]
    public void Prefill_FromOneSeed_GivesTheOthersChineseFields(string memorySeed, string fixture, string expectedSeed)
    {
        var fields = Fields(Prefill(memorySeed, fixture, "zh"));
        var expected = TestData.Seed(expectedSeed);
        foreach (var field in new[] { CoverField.Title, CoverField.Session, CoverField.SessionDates, CoverField.Agenda, CoverField.AgendaTitle, CoverField.Body })
        {
            Assert.AreEqual(expected.FieldBlock(field)!.Text, fields[field.Name()], field.ToString());
        }
    }

    [TestMethod]
    public void Prefill_FromSeed000_GivesTheArabicCoverOf004()
    {
        var fields = Fields(Prefill(TestData.Seed000, "en-cover-004.md", "ar"));
        Assert.AreEqual("مجلس حقوق الإنسان", fields["body"]);
        Assert.AreEqual("الدورة السابعة والأربعون", fields["session"]);
        Assert.AreEqual("21 حزيران/يونيه - 9 تموز/يوليه 2021", fields["session-dates"]);
        Assert.AreEqual("البند 4 من جدول الأعمال", fields["agenda"]);
        Assert.AreEqual("حالات حقوق الإنسان التي تتطلب اهتمام المجلس بها", fields["agenda-title"]);
        Assert.AreEqual("مذكرة شفوية مؤرخة 5 نيسان/أبريل 2021 موجهة من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان", fields["title"]);
        Assert.AreEqual("* استُنسخ المرفق كما ورد، وباللغة التي قُدم بها فقط.", fields["footnote"]);
        Assert.AreEqual("GE.21-04711(A)", fields["job-number"]);
        Assert.AreEqual("الرجاء إعادة الاستعمال", fields["furniture"]);
    }

    [TestMethod]
    public void Prefill_FromSeed000_GivesTheArabicCoverOf002()
    {
        var fields = Fields(Prefill(TestData.Seed000, "en-cover-002.md", "ar"));
        Assert.AreEqual("الدورة الثالثة والأربعون", fields["session"]);
        Assert.AreEqual("24 شباط/فبراير - 20 آذار/مارس 2020", fields["session-dates"]);
        Assert.AreEqual("مذكرة شفوية مؤرخة 1 نيسان/أبريل 2020 موجهة من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان", fields["title"]);
    }

    [TestMethod]
    [DataRow("Fifty-second session", "ar", "الدورة الثانية والخمسون")]
    [DataRow("Seventieth session", "zh", "第七十届会议")]
    [DataRow("One hundredth session", "ar", "الدورة المائة")]
    [DataRow("4–15 March 2024", "ar", "4 - 15 آذار/مارس 2024")]
    [DataRow("28 December 2026–8 January 2027", "zh", "2026年12月28日至2027年1月8日")]
    [DataRow("Note verbale dated 30 August 2023 from the Permanent Mission of Morocco to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "ar", "مذكرة شفوية مؤرخة 30 آب/أغسطس 2023 موجهة من البعثة الدائمة للمغرب لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان")]
    [DataRow("Note verbale dated 30 August 2023 from the Permanent Mission of the Syrian Arab Republic to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "zh", "阿拉伯叙利亚共和国常驻联合国日内瓦办事处代表团2023年8月30日致联合国人权事务高级专员办事处的普通照会")]
    public void Prefill_SessionsDatesAndCountriesInNoSeed_AreRenderedInHouseStyle(string english, string to, string expected)
    {
        using var f = new InMemoryFixture().WithSeeds(TestData.Seed000, TestData.Seed002);
        var doc = new DocumentParser().Parse("new.md", english);
        var r = new Prefiller(new MemoryLookup(f.Memory)).Prefill(doc, to);
        Assert.AreEqual(expected, r.Segments.Single().Target);
        Assert.AreEqual(MatchKind.Template, r.Segments.Single().Kind);
    }

    [TestMethod]
    public void Prefill_Draft_KeepsTheMarkdownAndSetsMastheadAndJobNumber()
    {
        var r = Prefill(TestData.Seed002, "en-cover-004.md", "zh");
        var draft = r.Draft;
        StringAssert.Contains(draft, "Distr.: General  \n9 April 2021\n\nChinese\n\nOriginal: English");
        StringAssert.Contains(draft, "## 人权理事会\n");
        StringAssert.Contains(draft, "GE.21-04711(C)");
        StringAssert.Contains(draft, "\\* 附件不译，原文照发。");
        StringAssert.Contains(draft, "**Annex to the note verbale dated 5 April 2021", "the annex is reproduced as received");
        Assert.IsFalse(draft.Contains("\\\\*", StringComparison.Ordinal));
        // A segment without a match stays in English, marked.
        StringAssert.Contains(draft, "[EN] The Permanent Mission of the Republic of Azerbaijan");
        Assert.IsGreaterThan(0.5, r.Report.SegmentShare);
        Assert.IsGreaterThan(0, r.Report.ByKind[MatchKind.Template]);
    }

    [TestMethod]
    public void Prefill_FuzzyAboveTheFillThreshold_IsMarkedForReview()
    {
        using var f = new InMemoryFixture().WithSeeds(TestData.Seed002);
        var doc = new DocumentParser().Parse("new.md", "Human rights situations requiring the Council’s attention");
        var policy = PrefillPolicy.Default with { FillThreshold = 60, SuggestThreshold = 50 };
        var seg = new Prefiller(new MemoryLookup(f.Memory)).Prefill(doc, "zh", policy).Segments.Single();
        Assert.AreEqual(PrefillAction.FilledForReview, seg.Action);
        StringAssert.StartsWith(seg.Target, $"[~{seg.Score}%] 需要理事会注意的人权状况");
        var strict = new Prefiller(new MemoryLookup(f.Memory)).Prefill(doc, "zh").Segments.Single();
        Assert.AreEqual(PrefillAction.LeftInEnglish, strict.Action);
        Assert.IsNotNull(strict.Suggestion, "listed as a suggestion");
    }
}
