using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Placeables;

[TestClass]
public sealed class DatesTests
{
    private static readonly Dates Dates = PlaceableSet.Default.Dates;

    public static IEnumerable<object[]> EveryMonthEveryLanguage() =>
        from month in Enumerable.Range(1, 12)
        from lang in new[] { "en", "zh", "ar" }
        select new object[] { month, lang };

    [TestMethod]
    [DynamicData(nameof(EveryMonthEveryLanguage))]
    public void RenderThenRecognize_IsTheIdentity(int month, string lang)
    {
        var date = new DateOnly(2021, month, month + 10);
        var text = Dates.Render(date, lang);
        Assert.AreEqual(date, Dates.Recognize(text, lang), text);
        var range = (new DateOnly(2021, month, 2), new DateOnly(2021, month == 12 ? 12 : month + 1, 20));
        var rangeText = Dates.RenderRange(range.Item1, range.Item2, lang);
        Assert.AreEqual(range, Dates.RecognizeRange(rangeText, lang), rangeText);
    }

    [TestMethod]
    [DataRow("en", "8 April 2020")]
    [DataRow("zh", "2020年4月8日")]
    [DataRow("ar", "8 نيسان/أبريل 2020")]
    public void Render_FactsPageDate(string lang, string expected) => Assert.AreEqual(expected, Dates.Render(new DateOnly(2020, 4, 8), lang));

    [TestMethod]
    [DataRow("en", "24 February–20 March 2020")]
    [DataRow("zh", "2020年2月24日至3月20日")]
    [DataRow("ar", "24 شباط/فبراير - 20 آذار/مارس 2020")]
    public void RenderRange_FactsPageRange(string lang, string expected) =>
        Assert.AreEqual(expected, Dates.RenderRange(new DateOnly(2020, 2, 24), new DateOnly(2020, 3, 20), lang));

    [TestMethod]
    public void Render_ArabicUsesUnJuneAndJuly()
    {
        Assert.AreEqual("21 حزيران/يونيه - 9 تموز/يوليه 2021", Dates.RenderRange(new DateOnly(2021, 6, 21), new DateOnly(2021, 7, 9), "ar"));
        Assert.IsNull(Dates.Recognize("21 حزيران/يونيو 2021", "ar"), "CLDR's يونيو is not UN style");
    }

    [TestMethod]
    public void Recognize_ChineseWithStraySpacesAndInvalidDates()
    {
        Assert.AreEqual(new DateOnly(2018, 4, 17), Dates.Recognize("2018 年 4 月 17 日", "zh"));
        Assert.IsNull(Dates.Recognize("31 February 2020", "en"));
        Assert.IsNull(Dates.RecognizeRange("20 March–24 February 2020", "en"), "a range runs forwards");
    }
}
