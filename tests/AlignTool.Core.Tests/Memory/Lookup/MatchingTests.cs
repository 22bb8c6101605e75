using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Memory.Lookup;

[TestClass]
public sealed class MatchingTests
{
    [TestMethod]
    [DataRow("أُمّة  إسلامية", "امة اسلامية")]
    [DataRow("مؤتمـــر", "موتمر")]
    [DataRow("The Council’s  “attention”*", "the council's \"attention\"")]
    [DataRow("２０２０年", "2020年")]
    public void Normalize_FoldsWhatShouldNotCount(string input, string expected) => Assert.AreEqual(expected, TextNormalizer.Normalize(input));

    [TestMethod]
    public void Score_IsWordBasedForEnglishAndCharacterBasedForChinese()
    {
        var tokens = new Tokens();
        var en = FuzzyScorer.Score(tokens.Units("agenda item 4", "en"), tokens.Units("agenda item 5", "en"), "en");
        Assert.AreEqual(83 - FuzzyScorer.PenaltyForNumberMismatch, en.Score, "one number for another: 0.5 over 3 words");
        var zh = FuzzyScorer.Score(tokens.Units("需要理事会注意的人权状况", "zh"), tokens.Units("需要理事会关注的人权状况", "zh"), "zh");
        Assert.AreEqual(83, zh.Score, "2 character edits over 12");
        Assert.AreEqual(100, FuzzyScorer.Score(tokens.Units("same", "en"), tokens.Units("same", "en"), "en").Score);
    }

    [TestMethod]
    public void UpperBound_IsTheLengthFilter()
    {
        Assert.AreEqual(50, FuzzyScorer.UpperBound(10, 20));
        Assert.IsGreaterThanOrEqualTo(FuzzyScorer.Score(new[] { "alpha", "beta" }, new[] { "alpha", "beta", "gamma", "delta" }, "en").Score, FuzzyScorer.UpperBound(2, 4));
    }

    [TestMethod]
    [DataRow("en", "Forty-third session", "{session-ordinal} session")]
    [DataRow("en", "Agenda items 35 and 40", "Agenda items {agenda}")]
    [DataRow("en", "Note verbale dated 8 April 2020 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva", "Note verbale dated {date} from the Permanent Mission of {country} to the United Nations Office at Geneva")]
    [DataRow("zh", "人权理事会第四十三届会议议程项目4下的文件", "人权理事会第{session-ordinal}届会议议程项目{agenda}下的文件")]
    [DataRow("ar", "وثائق الدورة الثالثة والأربعين لمجلس حقوق الإنسان", "وثائق الدورة {session-ordinal|gen} لمجلس حقوق الإنسان")]
    [DataRow("ar", "البعثة الدائمة لأذربيجان لدى مكتب", "البعثة الدائمة ل{country} لدى مكتب")]
    [DataRow("en", "Job GE.21-08237(E) of A/HRC/47/G/10", "Job {job} of {symbol}")]
    [DataRow("en", "Human Rights Council, 24 February–20 March 2020", "Human Rights Council, {daterange}")]
    [DataRow("en", "Held on 3-14 June 2019", "Held on {daterange}")]
    [DataRow("zh", "人权理事会2020年2月24日至3月20日", "人权理事会{daterange}")]
    [DataRow("ar", "مجلس حقوق الإنسان، 24 شباط/فبراير - 20 آذار/مارس 2020", "مجلس حقوق الإنسان، {daterange}")]
    [DataRow("en", "Code *2006433* here", "Code {barcode} here")]
    [DataRow("en", "2023 session", "{year} session")]
    [DataRow("zh", "2023年届会", "{year}年届会")]
    [DataRow("ar", "دورة عام 2023", "دورة عام {year}")]
    [DataRow("en", "Item 69 (b) of the provisional agenda*", "Item {agenda} of the provisional agenda*")]
    [DataRow("zh", "临时议程*项目69(b)", "临时议程*项目{agenda}")]
    [DataRow("ar", "البنود 3 و5 و7 من جدول الأعمال", "البنود {agenda} من جدول الأعمال")]
    [DataRow("en", "from the Permanent Representative of the Niger to", "from the Permanent Representative of {country} to")]
    [DataRow("en", "of the Democratic Republic of the Congo and the Congo", "of {country} and {country}")]
    [DataRow("en", "the Permanent Observer of the Holy See", "the Permanent Observer of {country}")]
    [DataRow("ar", "الممثل الدائم للسودان لدى الأمم المتحدة", "الممثل الدائم ل{country} لدى الأمم المتحدة")]
    [DataRow("ar", "المراقب الدائم لدولة فلسطين لدى الأمم المتحدة", "المراقب الدائم ل{country} لدى الأمم المتحدة")]
    [DataRow("zh", "巴勒斯坦国常驻联合国观察员", "{country}常驻联合国观察员")]
    public void Mask_TurnsPlaceablesIntoTypedSlots(string lang, string text, string template) =>
        Assert.AreEqual(template, TemplateMasker.Default.Mask(text, lang).Template);

    [TestMethod]
    public void Mask_SharesOneKeyAcrossSlotValues()
    {
        var a = TemplateMasker.Default.Mask("Forty-third session", "en");
        var b = TemplateMasker.Default.Mask("Fiftieth session", "en");
        Assert.AreEqual(a.Key, b.Key);
        Assert.AreEqual(SlotTemplate.Parse("{session-ordinal} session").Text.ToLowerInvariant(), a.Key);
        Assert.AreEqual("50", b.Values.Single().Canonical);
        Assert.IsFalse(TemplateMasker.Default.Mask("The first time", "en").HasSlots, "an ordinal alone is not a session");
    }
}
