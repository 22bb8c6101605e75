using AlignTool.Core.Alignment;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class LexicalTokensTests
{
    private static string Tokens(string text, string lang) => string.Join(" ", LexicalTokens.For(lang).Of(text));

    [TestMethod]
    [DataRow("والمساءلة", "مساءل")]
    [DataRow("بالألغام", "الغام")]
    [DataRow("الألغام", "الغام")]
    [DataRow("للسودان", "سود")]
    [DataRow("السودان", "سود")]
    [DataRow("وبالألغام", "الغام")]
    [DataRow("فالمجلس", "مجلس")]
    [DataRow("المجلس", "مجلس")]
    [DataRow("مجلسـ", "مجلس")]
    [DataRow("المُحرَّرة", "محرر")]
    public void Arabic_CliticsArticleAndFolding_GiveOneToken(string word, string token) => Assert.AreEqual(token, Tokens(word, "ar"));

    [TestMethod]
    public void Arabic_TheSameWordWithAndWithoutClitics_IsOneToken()
    {
        // A word list learned from "المساءلة" must find "والمساءلة", "بالمساءلة" and "للمساءلة".
        var forms = new[] { "المساءلة", "والمساءلة", "بالمساءلة", "للمساءلة", "مساءلة" };
        Assert.AreEqual(1, forms.Select(f => Tokens(f, "ar")).Distinct().Count(), string.Join(", ", forms.Select(f => Tokens(f, "ar"))));
    }

    [TestMethod]
    [DataRow("situations", "situation")]
    [DataRow("Council’s", "council")]
    [DataRow("Council's", "council")]
    [DataRow("countries", "country")]
    [DataRow("processes", "process")]
    [DataRow("adopted", "adopt")]
    [DataRow("process", "process")]
    [DataRow("requiring", "requir")]
    [DataRow("require", "requir")]
    [DataRow("required", "requir")]
    public void English_Inflection_IsStripped(string word, string token) => Assert.AreEqual(token, Tokens(word, "en"));

    [TestMethod]
    public void Chinese_IsOneTokenACharacter_WithoutDigitsOrPunctuation() =>
        Assert.AreEqual("安 理 会 通 过 了 第 号 决 议", Tokens("安理会通过了第822号决议。", "zh"));

    [TestMethod]
    public void Digits_AreNoToken() => Assert.AreEqual("resolution", Tokens("Resolution 822 (1993)", "en"));
}
