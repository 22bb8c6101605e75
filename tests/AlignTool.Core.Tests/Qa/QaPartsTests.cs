using AlignTool.Core.Qa;

namespace AlignTool.Core.Tests.Qa;

[TestClass]
public sealed class QaPartsTests
{
    [TestMethod]
    [DataRow("en", "up to 60.000 inhabitants", "60000")]
    [DataRow("ar", "القرار ٨٢٢ لعام ١٩٩٣", "822,1993")]
    [DataRow("zh", "第四十三届会议", "43")]
    [DataRow("zh", "二〇二〇年", "2020")]
    [DataRow("zh", "一百零一名", "101")]
    [DataRow("zh", "２０２０年", "2020")]
    [DataRow("en", "the forty-third session", "43")]
    [DataRow("ar", "وثائق الدورة الثالثة والأربعين", "43")]
    [DataRow("en", "dated 8 April 2020", "8,4,2020")]
    [DataRow("ar", "مؤرخة 8 نيسان/أبريل 2020", "8,4,2020")]
    public void NumberReader_ReadsValuesAcrossNumeralSystems(string lang, string text, string expected) =>
        CollectionAssert.AreEquivalent(expected.Split(','), NumberReader.Read(text, lang).Select(n => n.Value).Distinct().ToList());

    [TestMethod]
    [DataRow("ar", "وترجو من مجلس حقوق الانسان", "مجلس حقوق الإنسان", true)]
    [DataRow("ar", "ولمجلس حقوق الإنسان", "مجلس حقوق الإنسان", true)]
    [DataRow("ar", "للجمعية العامة", "الجمعية العامة", true)]
    [DataRow("ar", "المجلسين", "مجلس", false)]
    [DataRow("zh", "提交人权理事会的文件", "人权理事会", true)]
    [DataRow("en", "the Human Rights Councils", "Human Rights Council", false)]
    [DataRow("en", "the human rights council", "Human Rights Council", true)]
    public void TermMatcher_HandlesClitcsVariantsAndWordBoundaries(string lang, string text, string term, bool found) =>
        Assert.AreEqual(found, TermMatcher.Find(text, term, lang) is not null);

    [TestMethod]
    public void Glossary_DefaultHasApprovedAndForbiddenTerms()
    {
        var hrc = Glossary.Default.Entries.Single(e => e.English == "Human Rights Council");
        CollectionAssert.Contains(hrc.Approved["zh"].ToList(), "人权理事会");
        CollectionAssert.Contains(hrc.Forbidden["zh"].ToList(), "人权委员会");
        Assert.IsFalse(hrc.Approved["zh"].Contains("人权委员会"));
        var tsv = Glossary.FromTsv("note verbale\tzh\t普通照会\tpreferred\nnote verbale\tzh\t口头照会\tforbidden\n");
        Assert.AreEqual("口头照会", tsv.Entries.Single().Forbidden["zh"].Single());
    }
}
