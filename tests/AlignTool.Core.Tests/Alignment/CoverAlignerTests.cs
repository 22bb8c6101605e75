using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;

namespace AlignTool.Core.Tests.Alignment;

/// <summary>
/// Acceptance of the cover aligner: for each Arabic and Chinese seed, every cover field it holds and its exact
/// English counterpart in UN house style, written from shared/docs/UN-COVER-PAGES.md.
/// </summary>
[TestClass]
public sealed class CoverAlignerTests
{
    private const string HrcTitle = "Note verbale dated {0} from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights";
    private const string HrcAgendaTitle = "Human rights situations that require the Council’s attention";
    private const string Reproduced = "* Reproduced as received, in the language of submission only.";

    private static List<(string Field, string? English)> FormulaicFields(string seed, out CoverAlignment result)
    {
        result = new CoverAligner().Align(TestData.Seed(seed));
        Assert.AreEqual(CoverStatus.Aligned, result.Status);
        return result.Fields.Where(f => f.Field is not (CoverField.Transmittal or CoverField.Request) || f.English is not null)
                     .Select(f => (f.Field.Name(), f.English)).ToList();
    }

    private static void AssertFields(string seed, (string, string?)[] expected, out CoverAlignment result)
    {
        var actual = FormulaicFields(seed, out result);
        var diff = string.Join("\n", actual.Zip(expected).Where(p => p.First != p.Second).Select(p => $"got {p.First} want {p.Second}"));
        CollectionAssert.AreEqual(expected, actual, diff);
    }

    [TestMethod]
    public void Align_Seed000_ArabicCover()
    {
        AssertFields(TestData.Seed000,
        [
            ("distribution", "Distr.: General"),
            ("issue-date", "6 May 2020"),
            ("version-language", "Arabic"),
            ("original-language", "Original: English"),
            ("organ", "General Assembly"),
            ("body", "Human Rights Council"),
            ("session", "Forty-third session"),
            ("session-dates", "24 February–20 March 2020"),
            ("agenda", "Agenda item 4"),
            ("agenda-title", HrcAgendaTitle),
            ("title", string.Format(HrcTitle, "8 April 2020")),
            ("footnote", Reproduced),
            ("furniture", "Please recycle"),
            ("job-number", "GE.20-06433(E)"),
            ("barcode", "* 2 0 0 6 4 3 3 *"),
        ], out var result);
        var title = result.Fields.Single(f => f.Field == CoverField.Title);
        Assert.AreEqual(EnglishSource.Catalog, title.Via);
        Assert.IsNull(title.Conflict, "catalogue and annex heading agree");
        CollectionAssert.AreEqual(new[] { "date", "country" }, title.Slots.Select(s => s.Kind.ToString().ToLowerInvariant()).ToList());
    }

    [TestMethod]
    public void Align_Seed000_RequestIsPartlyAlignedAndTheRestLeftUnaligned()
    {
        var result = new CoverAligner().Align(TestData.Seed(TestData.Seed000));
        var request = result.Fields.Single(f => f.Field == CoverField.Request);
        Assert.IsNull(request.English, "the request is not wholly formulaic (and the seed misspells تعميم)");
        CollectionAssert.AreEqual(
            new[] { "as a document of the forty-third session of the Human Rights Council", "under agenda item 4" },
            request.Parts.Select(p => p.English).ToList());
        Assert.AreEqual("وترجو البعثة الدائمة من المفوضية السامية تميم هذه المذكرة الشفوية ومرفقها", request.Unaligned.Single().Of(request.Text));
        var transmittal = result.Fields.Single(f => f.Field == CoverField.Transmittal);
        CollectionAssert.Contains(transmittal.Parts.Select(p => p.English).ToList(), "(see annex)");
        CollectionAssert.Contains(transmittal.Parts.Select(p => p.English).ToList(), "The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other International Organizations in Geneva");
    }

    [TestMethod]
    public void Align_Seed001_ChineseGeneralAssemblyAndSecurityCouncilLetter()
    {
        AssertFields(TestData.Seed001,
        [
            ("organ", "General Assembly"),
            ("organ", "Security Council"),
            ("distribution", "Distr.: General"),
            ("issue-date", "20 April 2018"),
            ("version-language", "Chinese"),
            ("original-language", "Original: English"),
            ("body", "General Assembly"),
            ("session", "Seventy-second session"),
            ("body", "Security Council"),
            ("year", "Seventy-third year"),
            ("agenda", "Agenda items 35 and 40"),
            ("agenda-title", "Protracted conflicts in the GUAM area and their implications for international peace, security and development"),
            ("agenda-title", "The situation in the occupied territories of Azerbaijan"),
            ("title", "Letter dated 17 April 2018 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General"),
            ("request", "I should be grateful if the present letter and its annex could be circulated as a document of the General Assembly, under agenda items 35 and 40, and of the Security Council."),
            ("signature", "Permanent Representative"),
            ("signature", "Ambassador"),
            ("signature", "(Signed) Yashar Aliyev"),
            ("footnote", "* Circulated in the language of submission only."),
        ], out var result);
        var transmittal = result.Fields.Single(f => f.Field == CoverField.Transmittal);
        CollectionAssert.AreEqual(new[] { "Upon instructions from my Government", "(see annex)" }, transmittal.Parts.Select(p => p.English).ToList());
    }

    [TestMethod]
    public void Align_Seed002_ChineseHrcNoteVerbale()
    {
        AssertFields(TestData.Seed002,
        [
            ("body", "Human Rights Council"),
            ("session", "Forty-third session"),
            ("session-dates", "24 February–20 March 2020"),
            ("agenda", "Agenda item 4"),
            ("agenda-title", HrcAgendaTitle),
            ("title", string.Format(HrcTitle, "1 April 2020")),
            ("request", "The Permanent Mission kindly requests the Office of the United Nations High Commissioner for Human Rights to circulate the present note verbale and the annex thereto* as a document of the forty-third session of the Human Rights Council under agenda item 4."),
            ("footnote", Reproduced),
        ], out _);
    }

    [TestMethod]
    public void Align_Seed004_FieldsRunTogetherComeOutOneByOne()
    {
        AssertFields(TestData.Seed004,
        [
            ("distribution", "Distr.: General"),
            ("issue-date", "9 April 2021"),
            ("version-language", "Chinese"),
            ("original-language", "Original: English"),
            ("body", "Human Rights Council"),
            ("session", "Forty-seventh session"),
            ("session-dates", "21 June–9 July 2021"),
            ("agenda", "Agenda item 4"),
            ("agenda-title", HrcAgendaTitle),
            ("title", string.Format(HrcTitle, "5 April 2021")),
            ("request", "The Permanent Mission kindly requests the Office of the United Nations High Commissioner for Human Rights to circulate the present note verbale and the annex thereto* as a document of the Human Rights Council under agenda item 4."),
        ], out _);
    }

    [TestMethod]
    public void Align_EnglishOnlySeed003_SaysThereIsNothingToAlign()
    {
        var result = new CoverAligner().Align(TestData.Seed(TestData.Seed003));
        Assert.AreEqual(CoverStatus.EnglishOnly, result.Status);
        Assert.IsEmpty(result.Fields);
        StringAssert.Contains(result.Notes.Single(), "nothing to align");
    }

    [TestMethod]
    public void Align_ChineseTextWithoutCoverPage_GivesAnEmptyList()
    {
        var doc = new DocumentParser().Parse("plain.md", "阿塞拜疆共和国外交部发表声明。\n\n声明全文如下。");
        var result = new CoverAligner().Align(doc);
        Assert.AreEqual(CoverStatus.NoCover, result.Status);
        Assert.IsEmpty(result.Fields);
    }

    [TestMethod]
    public void Align_TitleThatDisagreesWithTheAnnexHeading_IsReported()
    {
        var text = TestData.SeedText(TestData.Seed002).Replace("Annex to the note verbale dated 1 April 2020", "Annex to the note verbale dated 2 April 2020", StringComparison.Ordinal);
        var result = new CoverAligner().Align(new DocumentParser().Parse("changed.md", text));
        var title = result.Fields.Single(f => f.Field == CoverField.Title);
        Assert.IsNotNull(title.Conflict);
        StringAssert.Contains(result.Notes.Single(), "2 April 2020");
    }

    [TestMethod]
    public void Align_TitleTheCatalogueDoesNotKnow_TakesItsEnglishFromTheAnnex()
    {
        var text = TestData.SeedText(TestData.Seed002)
            .Replace("致联合国人权事务高级专员办事处的普通照会", "致联合国人权事务高级专员办事处特别程序处的普通照会", StringComparison.Ordinal)
            .Replace("addressed to the Office of the United Nations High Commissioner for Human Rights", "addressed to the Special Procedures Branch of the Office of the United Nations High Commissioner for Human Rights", StringComparison.Ordinal);
        var result = new CoverAligner().Align(new DocumentParser().Parse("other.md", text));
        var title = result.Fields.Single(f => f.Field == CoverField.Title);
        Assert.AreEqual(EnglishSource.Annex, title.Via);
        Assert.AreEqual("Note verbale dated 1 April 2020 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Special Procedures Branch of the Office of the United Nations High Commissioner for Human Rights", title.English);
    }
}
