using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Placeables;

[TestClass]
public sealed class PlaceableSetTests
{
    private static readonly PlaceableSet P = PlaceableSet.Default;

    [TestMethod]
    [DataRow("en", "35 and 40")]
    [DataRow("zh", "35和40")]
    [DataRow("ar", "35 و40")]
    public void Agenda_PluralInEachLanguage(string lang, string expected)
    {
        Assert.AreEqual(expected, AgendaItems.Render(["35", "40"], lang));
        CollectionAssert.AreEqual(new[] { "35", "40" }, AgendaItems.Recognize(expected, lang)!.ToList());
        Assert.AreEqual("4", AgendaItems.Render(["4"], lang));
    }

    [TestMethod]
    [DataRow("AZ", "Azerbaijan", "阿塞拜疆", "أذربيجان")]
    [DataRow("SY", "the Syrian Arab Republic", "阿拉伯叙利亚共和国", "الجمهورية العربية السورية")]
    [DataRow("KR", "the Republic of Korea", "大韩民国", "جمهورية كوريا")]
    [DataRow("SZ", "Eswatini", "斯威士兰", "إسواتيني")]
    [DataRow("CI", "Côte d’Ivoire", "科特迪瓦", "كوت ديفوار")]
    public void Countries_UseTheReviewedUnNamesNotIcus(string code, string en, string zh, string ar)
    {
        var v = new CountryValue(code, CountryForm.Short);
        Assert.AreEqual(en, P.Countries.Render(v, "en"));
        Assert.AreEqual(zh, P.Countries.Render(v, "zh"));
        Assert.AreEqual(ar, P.Countries.Render(v, "ar"));
        Assert.AreEqual(code, P.Countries.Recognize(zh, "zh")!.Code);
        Assert.AreEqual(code, P.Countries.Recognize(ar, "ar")!.Code);
    }

    [TestMethod]
    public void Countries_ArabicLiAbsorbsTheArticlesAlef()
    {
        Assert.AreEqual("لجزائر", P.Countries.Render(new CountryValue("DZ", CountryForm.Short), "ar", afterLi: true));
        Assert.AreEqual("DZ", P.Countries.Recognize("لجزائر", "ar")!.Code);
        Assert.AreEqual("أذربيجان", P.Countries.Render(new CountryValue("AZ", CountryForm.Short), "ar", afterLi: true));
    }

    [TestMethod]
    public void Countries_FallBackToIcuForStatesNotInTheTable()
    {
        // Norway is not in the reviewed table: ICU's display names stand in.
        var no = P.Countries.Recognize("Norway", "en");
        Assert.IsNotNull(no);
        Assert.AreEqual("NO", no.Code);
        Assert.AreEqual("挪威", P.Countries.Render(no, "zh"));
    }

    [TestMethod]
    public void JobNumber_LetterFollowsTheLanguage()
    {
        var job = Codes.RecognizeJob("GE.20-06433(A)")!;
        Assert.AreEqual("GE.20-06433(E)", P.Render(job, "en"));
        Assert.AreEqual("GE.20-06433(C)", P.Render(job, "zh"));
        Assert.AreEqual("GE.20-06433(A)", P.Render(job, "ar"));
        Assert.IsNull(Codes.RecognizeJob("GE.20-0643(A)"));
    }

    [TestMethod]
    public void Symbol_IsRecognisedAndCarriedOver()
    {
        Assert.AreEqual("A/HRC/47/G/10", P.Render(P.Recognize(SlotKind.Symbol, "zh", "A/HRC/47/G/10")!, "ar"));
        Assert.IsNull(P.Recognize(SlotKind.Symbol, "en", "Human Rights Council"));
    }
}
