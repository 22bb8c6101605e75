using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class LanguageTests
{
    [TestMethod]
    [DataRow("en", "en")]
    [DataRow("EN-us", "en")]
    [DataRow("ar", "ar")]
    [DataRow("ar-SA", "ar")]
    [DataRow("zh", "zh")]
    [DataRow("zh-CN", "zh")]
    [DataRow("ZH-Hans", "zh")]
    public void FromTag_TagsOfOtherTools_AreOurThreeLanguages(string tag, string expected)
    {
        var language = Language.FromTag(tag);
        Assert.IsNotNull(language);
        Assert.AreEqual(expected, language.Tag);
        Assert.AreSame(language, Language.Of(expected));
    }

    [TestMethod]
    [DataRow("fr", "fr")]
    [DataRow("FR-fr", "fr-fr")]
    [DataRow("zh-TW", "zh-tw")]
    public void FromTag_AnotherLanguage_IsOneLanguageButNotOurs(string tag, string expected)
    {
        var language = Language.FromTag(tag);
        Assert.IsNotNull(language);
        Assert.AreEqual(expected, language.Tag);
        Assert.IsFalse(language.IsOurs);
        Assert.AreSame(language, Language.FromTag(expected));
    }

    [TestMethod]
    [DataRow("und")]
    [DataRow("zxx")]
    [DataRow("not a tag")]
    [DataRow("")]
    [DataRow(null)]
    public void FromTag_NoLanguage_IsNone(string? tag)
    {
        Assert.IsNull(Language.FromTag(tag));
        if (tag is not null) Assert.ThrowsExactly<ArgumentException>(() => Language.Of(tag));
    }

    [TestMethod]
    public void Languages_SortInTheProductsOrder_AndOnlyEnglishIsTheKey()
    {
        var french = Language.Of("fr");
        CollectionAssert.AreEqual(new[] { Language.English, Language.Arabic, Language.Chinese, french }, Language.All.Append(french).OrderByDescending(l => l.Tag).Order().ToArray());
        Assert.AreEqual("zh", Language.Chinese.ToString());
        CollectionAssert.AreEqual(new[] { true, false, false }, Language.All.Select(l => l.IsEnglish).ToArray());
    }
}
