using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Core.Tests.Memory.Storage;

[TestClass]
public sealed class OccurrenceTests
{
    public static IEnumerable<object[]> Places =>
    [
        [new Occurrence(Zone.Masthead, CoverField.Organ, 1, null, "Fiftieth session"), "masthead", "organ"],
        [new Occurrence(Zone.CoverBody, CoverField.Request, 9, null, null, OccurrenceRole.Part), "cover", "request-part"],
        [new Occurrence(null, CoverField.Transmittal, 0, null, null, OccurrenceRole.Phrase), null!, "phrase"],
        [new Occurrence(null, null, 4, "a", "b", OccurrenceRole.Bead), "aligned", "bead"],
        [Occurrence.Nowhere, null!, null!],
    ];

    [TestMethod]
    [DynamicData(nameof(Places))]
    public void Names_AreWhatMemoriesStore_AndReadBackTheSame(Occurrence place, string? zone, string? field)
    {
        Assert.AreEqual((zone, field), (place.ZoneName, place.FieldName));
        var back = Occurrence.FromNames(zone, field, place.Position, place.Previous, place.Next);
        // A phrase's cover field is not stored: only that it is a phrase.
        Assert.AreEqual(place.Role == OccurrenceRole.Phrase ? place with { Field = null } : place, back);
    }

    [TestMethod]
    public void FromNames_NamesAnotherToolWrote_AreDropped()
    {
        Assert.AreEqual(Occurrence.Nowhere, Occurrence.FromNames("tmx", "x-unknown", 0, null, null));
    }
}
