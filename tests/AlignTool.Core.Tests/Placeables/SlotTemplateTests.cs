using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Placeables;

[TestClass]
public sealed class SlotTemplateTests
{
    private static readonly PlaceableSet P = PlaceableSet.Default;

    private const string TitleEn = "Note verbale dated {date} from the Permanent Mission of {country} to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights";
    private const string TitleAr = "مذكرة شفوية مؤرخة {date} موجهة من البعثة الدائمة ل{country} لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان";
    private const string TitleZh = "{country}常驻联合国日内瓦办事处代表团{date}致联合国人权事务高级专员办事处的普通照会";

    [TestMethod]
    public void MatchThenRender_ReLocalisesEverySlot()
    {
        var en = SlotTemplate.Parse(TitleEn);
        var m = en.Match("Note verbale dated 30 September 2022 from the Permanent Mission of Algeria to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights", "en", P);
        Assert.IsNotNull(m);
        Assert.AreEqual("2022年9月30日", P.Render(m.Values[0], "zh"));
        Assert.AreEqual("阿尔及利亚常驻联合国日内瓦办事处代表团2022年9月30日致联合国人权事务高级专员办事处的普通照会", SlotTemplate.Parse(TitleZh).Render("zh", m.Values, P));
        Assert.AreEqual("مذكرة شفوية مؤرخة 30 أيلول/سبتمبر 2022 موجهة من البعثة الدائمة للجزائر لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان", SlotTemplate.Parse(TitleAr).Render("ar", m.Values, P));
    }

    [TestMethod]
    public void Match_ArabicTitleOfSeed000()
    {
        var m = SlotTemplate.Parse(TitleAr).Match("مذكرة شفوية مؤرخة 8 نيسان/أبريل 2020 موجهة من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان", "ar", P);
        Assert.IsNotNull(m);
        Assert.AreEqual(new DateValue(new DateOnly(2020, 4, 8)), m.Values[0]);
        Assert.AreEqual("AZ", m.Values[1].Canonical);
    }

    [TestMethod]
    public void Render_OrdinalCapitalisedOnlyAtTheStart()
    {
        var values = new SlotValue[] { new OrdinalValue(SlotKind.SessionOrdinal, 50) };
        Assert.AreEqual("Fiftieth session", SlotTemplate.Parse("{session-ordinal} session").Render("en", values, P));
        Assert.AreEqual("a document of the fiftieth session", SlotTemplate.Parse("a document of the {session-ordinal} session").Render("en", values, P));
    }

    [TestMethod]
    public void Render_ArabicCaseHintWins()
    {
        var values = new SlotValue[] { new OrdinalValue(SlotKind.SessionOrdinal, 50, ArabicCase.Nominative) };
        Assert.AreEqual("وثائق الدورة الخمسين", SlotTemplate.Parse("وثائق الدورة {session-ordinal|gen}").Render("ar", values, P));
        Assert.AreEqual("الدورة الخمسون", SlotTemplate.Parse("الدورة {session-ordinal}").Render("ar", values, P));
    }

    [TestMethod]
    public void Match_ToleratesMissingFootnoteMarkerAndApostrophes()
    {
        var t = SlotTemplate.Parse("the present note verbale and the annex thereto* as a document of the Council’s session");
        Assert.IsNotNull(t.Match("the present note verbale and the annex thereto as a document of the Council's session", "en", P));
        Assert.IsNull(t.Match("the present note verbale and its annex as a document of the Council’s session", "en", P));
    }

    [TestMethod]
    public void Parse_UnknownSlot_Throws() => Assert.ThrowsExactly<FormatException>(() => SlotTemplate.Parse("dated {when}"));

    [TestMethod]
    [DataRow("Agenda items 35 and 40", "البندان 35 و40 من جدول الأعمال")]
    [DataRow("Agenda items 3, 5 and 7", "البنود 3 و5 و7 من جدول الأعمال")]
    public void PluralChoice_PicksTheArabicNounByTheNumberOfItems(string english, string arabic)
    {
        var en = SlotTemplate.Parse("Agenda items {agenda}");
        var ar = SlotTemplate.Parse("{plural|two:البندان|other:البنود} {agenda} من جدول الأعمال");
        var m = en.Match(english, "en", P)!;
        Assert.AreEqual(arabic, ar.Render("ar", m.Values, P));
        Assert.AreEqual(english, en.Render("en", ar.Match(arabic, "ar", P)!.Values, P));
    }

    [TestMethod]
    public void PluralChoice_WithoutOther_IsRefused() =>
        Assert.ThrowsExactly<FormatException>(() => SlotTemplate.Parse("{plural|two:البندان} {agenda}"));
}
