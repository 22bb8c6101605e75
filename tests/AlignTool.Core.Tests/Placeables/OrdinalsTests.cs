using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Placeables;

[TestClass]
public sealed class OrdinalsTests
{
    private static readonly Ordinals Ordinals = Ordinals.Default;

    public static IEnumerable<object[]> OneToHundred() => Enumerable.Range(1, 100).Select(n => new object[] { n });

    [TestMethod]
    [DynamicData(nameof(OneToHundred))]
    public void RenderThenRecognize_IsTheIdentity_InEveryLanguageAndCase(int n)
    {
        foreach (var lang in new[] { "en", "zh", "ar" })
        {
            foreach (var c in new[] { ArabicCase.Nominative, ArabicCase.Genitive })
            {
                foreach (var capital in new[] { false, true })
                {
                    var text = Ordinals.Render(n, lang, c, capital);
                    var back = Ordinals.Recognize(text);
                    Assert.IsNotNull(back, $"{lang} {text}");
                    Assert.AreEqual(n, back.Value.Number, $"{lang} {text}");
                    if (lang == "ar" && text.Contains("ون", StringComparison.Ordinal) || text.Contains("ين", StringComparison.Ordinal) && lang == "ar")
                        Assert.AreEqual(c, back.Value.Case, $"case of {text}");
                }
            }
        }
    }

    [TestMethod]
    [DataRow(43, "en", "Forty-third")]
    [DataRow(47, "en", "Forty-seventh")]
    [DataRow(72, "en", "Seventy-second")]
    [DataRow(50, "en", "Fiftieth")]
    [DataRow(43, "zh", "四十三")]
    [DataRow(73, "zh", "七十三")]
    [DataRow(100, "zh", "一百")]
    public void Render_HeadingForms(int n, string lang, string expected) => Assert.AreEqual(expected, Ordinals.Render(n, lang, capitalize: true));

    [TestMethod]
    [DataRow(43, "الثالثة والأربعون", "الثالثة والأربعين")]
    [DataRow(73, "الثالثة والسبعون", "الثالثة والسبعين")]
    [DataRow(50, "الخمسون", "الخمسين")]
    [DataRow(21, "الحادية والعشرون", "الحادية والعشرين")]
    [DataRow(47, "السابعة والأربعون", "السابعة والأربعين")]
    [DataRow(12, "الثانية عشرة", "الثانية عشرة")]
    [DataRow(3, "الثالثة", "الثالثة")]
    public void Render_ArabicFeminineWithCase_InUnStyle(int n, string nominative, string genitive)
    {
        Assert.AreEqual(nominative, Ordinals.Render(n, "ar", ArabicCase.Nominative));
        Assert.AreEqual(genitive, Ordinals.Render(n, "ar", ArabicCase.Genitive));
    }

    [TestMethod]
    public void Recognize_AcceptsIcuSpacingAfterWaw()
    {
        Assert.AreEqual((43, ArabicCase.Nominative), Ordinals.Recognize("الثالثة و الأربعون"));
        Assert.AreEqual((43, ArabicCase.Genitive), Ordinals.Recognize("الثالثة و الأربعين"));
        Assert.IsNull(Ordinals.Recognize("session"));
    }
}
