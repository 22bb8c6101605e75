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
    [DataRow("en", "3, 5 and 7", "3|5|7")]
    [DataRow("zh", "3、5和7", "3|5|7")]
    [DataRow("ar", "3 و5 و7", "3|5|7")]
    [DataRow("en", "69 (b)", "69 (b)")]
    [DataRow("zh", "69(b)", "69 (b)")]
    [DataRow("ar", "69 (ب)", "69 (b)")]
    [DataRow("ar", "12 و14 (أ)", "12|14 (a)")]
    public void Agenda_ListsAndSubItems_InEachLanguage(string lang, string written, string items)
    {
        CollectionAssert.AreEqual(items.Split('|'), AgendaItems.Recognize(written, lang)!.ToList());
        Assert.AreEqual(written, AgendaItems.Render(items.Split('|'), lang));
    }

    [TestMethod]
    public void Agenda_ArabicLettersAToJ_FollowTheFactsPage()
    {
        var letters = new[] { "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي" };
        for (int i = 0; i < letters.Length; i++)
        {
            var item = $"12 ({(char)('a' + i)})";
            Assert.AreEqual($"12 ({letters[i]})", AgendaItems.Render([item], "ar"));
            Assert.AreEqual(item, AgendaItems.Recognize($"12 ({letters[i]})", "ar")!.Single());
        }
    }

    [TestMethod]
    public void Countries_EveryMemberAndObserverState_HasItsUnEnglishName()
    {
        Assert.HasCount(195, P.Countries.States, "193 Member States and 2 observer States");
        foreach (var code in P.Countries.States) Assert.IsNotNull(P.Countries.Render(new CountryValue(code, CountryForm.Short), "en"), code);
        Assert.AreEqual("the Sudan", P.Countries.Render(new CountryValue("SD", CountryForm.Short), "en"));
        Assert.AreEqual("the Niger", P.Countries.Render(new CountryValue("NE", CountryForm.Short), "en"));
        Assert.AreEqual("the Plurinational State of Bolivia", P.Countries.Render(new CountryValue("BO", CountryForm.Short), "en"));
        Assert.AreEqual("NE", P.Countries.Recognize("the Niger", "en")!.Code);
        Assert.IsNull(P.Countries.Recognize("Syria", "en"), "ICU's English name is not the UN's: not recognised");
    }

    [TestMethod]
    [DataRow("MM")]
    [DataRow("CG")]
    [DataRow("BN")]
    public void Countries_WhoseUnNameIsNotKnown_AreNotRendered(string code)
    {
        var v = new CountryValue(code, CountryForm.Short);
        Assert.IsNotNull(P.Countries.Render(v, "en"));
        Assert.IsNull(P.Countries.Render(v, "zh"));
        Assert.IsNull(P.Countries.Render(v, "ar"));
    }

    [TestMethod]
    [DataRow("NE", "尼日尔", "النيجر", "للنيجر")]
    [DataRow("PS", "巴勒斯坦国", "دولة فلسطين", "لدولة فلسطين")]
    [DataRow("VA", "教廷", "الكرسي الرسولي", "للكرسي الرسولي")]
    [DataRow("SD", "苏丹", "السودان", "للسودان")]
    [DataRow("PH", "菲律宾", "الفلبين", "للفلبين")]
    public void Countries_FactsAndIcuNames_WithTheJoinedLi(string code, string zh, string ar, string afterLi)
    {
        var v = new CountryValue(code, CountryForm.Short);
        Assert.AreEqual(zh, P.Countries.Render(v, "zh"));
        Assert.AreEqual(ar, P.Countries.Render(v, "ar"));
        Assert.AreEqual(afterLi, "ل" + P.Countries.Render(v, "ar", afterLi: true));
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
