using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class CatalogTests
{
    [TestMethod]
    public void Default_LoadsEveryRowWithAnEnglishTemplate()
    {
        var catalog = Catalog.Default;
        Assert.IsGreaterThan(30, catalog.Entries.Count);
        foreach (var e in catalog.Entries) Assert.IsNotNull(e.Template("en"), e.Id);
    }

    [TestMethod]
    public void Default_CoversEveryFieldTheIssueNames()
    {
        var fields = Catalog.Default.Entries.Select(e => e.Field).ToHashSet();
        foreach (var f in new[] { CoverField.Organ, CoverField.Body, CoverField.Session, CoverField.Year, CoverField.SessionDates, CoverField.Agenda, CoverField.AgendaTitle, CoverField.Title, CoverField.Footnote, CoverField.JobNumber, CoverField.Furniture, CoverField.Distribution, CoverField.IssueDate, CoverField.OriginalLanguage, CoverField.DocumentKind, CoverField.Request, CoverField.Signature })
            CollectionAssert.Contains(fields.ToList(), f.Name());
        var slots = Catalog.Default.Entries.SelectMany(e => e.Templates.Values).SelectMany(t => t.Slots).Select(s => s.Kind).ToHashSet();
        foreach (var k in new[] { SlotKind.Date, SlotKind.DateRange, SlotKind.SessionOrdinal, SlotKind.YearOrdinal, SlotKind.Agenda, SlotKind.Country, SlotKind.Symbol, SlotKind.Job, SlotKind.CalendarYear, SlotKind.Person })
            Assert.IsTrue(slots.Contains(k), k.ToString());
        CollectionAssert.AreEquivalent(new[] { "footnote-reproduced", "footnote-circulated", "footnote-reissued" }, Catalog.Default.ForField(CoverField.Footnote).Select(e => e.Id).ToList(), "the footnotes of the facts page");
    }

    [TestMethod]
    public void Parse_RejectsUnknownFieldsAndDuplicateIds()
    {
        Assert.ThrowsExactly<FormatException>(() => new Catalog("a\tnot-a-field\t\tX\t\t\t"));
        Assert.ThrowsExactly<FormatException>(() => new Catalog("a\tbody\t\tX\t\t\t\na\tbody\t\tY\t\t\t"));
    }

    [TestMethod]
    public void MatchField_PicksSingularOrPluralAgendaByCount()
    {
        var p = PlaceableSet.Default;
        Assert.AreEqual("agenda-item", Catalog.Default.MatchField(CoverField.Agenda, "zh", "议程项目4", p)!.Value.Entry.Id);
        Assert.AreEqual("agenda-items", Catalog.Default.MatchField(CoverField.Agenda, "zh", "议程项目35和40", p)!.Value.Entry.Id);
    }
}
