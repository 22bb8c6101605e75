using AlignTool.Core.Alignment;
using AlignTool.Core.Data;
using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Alignment;

/// <summary>Titles of letters and notes verbales composed from tm-data/catalog/titles.tsv: kind × sender × addressee,
/// each language in its own order.</summary>
[TestClass]
public sealed class TitleComposerTests
{
    private static readonly PlaceableSet P = PlaceableSet.Default;

    private static List<CatalogEntry> Titles => [.. Catalog.Default.ForField(CoverField.Title)];

    [TestMethod]
    public void Compose_EveryKindWithEverySenderAndAddresseeOfItsClass_NeverASenderToItself()
    {
        var ids = Titles.Select(e => e.Id).ToHashSet();
        Assert.Contains("title:letter/permanent-representative/president-sc", ids);
        Assert.Contains("title:letter-official/secretary-general/president-sc", ids);
        Assert.Contains("title:identical-letters/charge-affaires/sg-and-president-sc", ids);
        Assert.Contains("title:note-verbale/mission-geneva/ohchr", ids);
        Assert.DoesNotContain("title:letter-official/secretary-general/secretary-general", ids);
        Assert.DoesNotContain("title:note-verbale/permanent-representative/ohchr", ids, "a note verbale comes from a mission");
    }

    [TestMethod]
    public void Compose_EveryTitle_RendersInEveryLanguageForAnyState()
    {
        var date = new DateValue(new DateOnly(2025, 11, 3));
        foreach (var entry in Titles)
        {
            foreach (var code in new[] { "SD", "PS", "VE", "NO" })
            {
                IReadOnlyList<SlotValue> values = [date, new CountryValue(code, CountryForm.Short)];
                var en = entry.Template("en")!.Render("en", values, P)!;
                foreach (var lang in new[] { "ar", "zh" })
                {
                    var rendered = entry.Template(lang)!.Render(lang, values, P);
                    Assert.IsNotNull(rendered, $"{entry.Id} {code} {lang}");
                    var back = entry.Template(lang)!.Match(rendered, lang, P);
                    Assert.IsNotNull(back, $"{entry.Id} does not read back its own {lang}: {rendered}");
                    Assert.AreEqual(en, entry.Template("en")!.Render("en", back.Values, P), entry.Id);
                }
            }
        }
    }

    [TestMethod]
    public void Compose_ArabicLetters_NameTheAddresseeFirstUnlessTheSenderIsTheSecretaryGeneral()
    {
        IReadOnlyList<SlotValue> values = [new DateValue(new DateOnly(2024, 7, 2)), new CountryValue("SD", CountryForm.Short)];
        string Ar(string id) => Titles.Single(e => e.Id == id).Template("ar")!.Render("ar", values, P)!;
        string Zh(string id) => Titles.Single(e => e.Id == id).Template("zh")!.Render("zh", values, P)!;
        Assert.AreEqual("رسالة مؤرخة 2 تموز/يوليه 2024 موجهة إلى رئيس مجلس الأمن من الممثل الدائم للسودان لدى الأمم المتحدة", Ar("title:letter/permanent-representative/president-sc"));
        Assert.AreEqual("رسالة مؤرخة 2 تموز/يوليه 2024 موجهة من الأمين العام إلى رئيس الجمعية العامة", Ar("title:letter-official/secretary-general/president-ga"));
        Assert.AreEqual("2024年7月2日苏丹常驻联合国代表给安全理事会主席的信", Zh("title:letter/permanent-representative/president-sc"));
        Assert.AreEqual("苏丹常驻联合国代表团2024年7月2日致秘书长的普通照会", Zh("title:note-verbale/mission-new-york/secretary-general"));
    }

    [TestMethod]
    public void Compose_AKindWithoutBothPlaces_IsRefused() =>
        Assert.ThrowsExactly<FormatException>(() => TitleComposer.Rows("[kind]\nk\tc\tone\tLetter from {sender}\t\t\tx\n[sender]\n[addressee]\n").ToList());

    [TestMethod]
    public void Compose_TheShippedParts_AllHaveASource()
    {
        foreach (var row in TitleComposer.Rows(EmbeddedData.Read("catalog/titles.tsv")))
            Assert.IsFalse(row[6].Contains("  ", StringComparison.Ordinal) || row[6].Contains("× sender  ×", StringComparison.Ordinal), row[0]);
    }
}
