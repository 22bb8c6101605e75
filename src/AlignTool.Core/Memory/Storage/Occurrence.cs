using AlignTool.Core.Documents;

namespace AlignTool.Core.Memory.Storage;

/// <summary>Where a variant was seen: its zone and cover field, its position, and its context (the English of the
/// segments before and after it).</summary>
/// <param name="Field">The cover field, or null outside the cover page (never <see cref="CoverField.None"/>).</param>
/// <param name="Role">Whether it is the whole of its place, a part of a cover field, a catalogue phrase or an aligned bead.</param>
public sealed record Occurrence(Zone? Zone, CoverField? Field, int Position, string? Previous, string? Next, OccurrenceRole Role = OccurrenceRole.Whole)
{
    /// <summary>No place known (an imported unit without one).</summary>
    public static readonly Occurrence Nowhere = new(null, null, 0, null, null);

    private const string AlignedZone = "aligned", BeadField = "bead", PartSuffix = "-part";

    /// <summary>The zone as stored and exported (<c>x-zone</c>): the zone's name, <c>aligned</c> for a bead.</summary>
    public string? ZoneName => Role == OccurrenceRole.Bead ? AlignedZone : Zone?.Name();

    /// <summary>The field as stored and exported (<c>x-field</c>): the cover field's name, <c>NAME-part</c> for a part,
    /// <c>phrase</c> for a catalogue phrase, <c>bead</c> for a bead.</summary>
    public string? FieldName => Role switch
    {
        OccurrenceRole.Bead => BeadField,
        OccurrenceRole.Phrase => Alignment.CatalogEntry.PhraseField,
        OccurrenceRole.Part => Field?.Name() + PartSuffix,
        _ => Field?.Name(),
    };

    /// <summary>Whether this is the whole of <paramref name="field"/>: what a context match by field asks.</summary>
    public bool IsWholeOf(CoverField field) => Role == OccurrenceRole.Whole && Field == field;

    /// <summary>An occurrence from its names as stored (<see cref="ZoneName"/>, <see cref="FieldName"/>); a name this
    /// product never wrote (another tool's <c>x-zone</c>) is dropped.</summary>
    public static Occurrence FromNames(string? zone, string? field, int position, string? previous, string? next)
    {
        var role = OccurrenceRole.Whole;
        CoverField? coverField = null;
        if (field == BeadField && zone == AlignedZone) role = OccurrenceRole.Bead;
        else if (field == Alignment.CatalogEntry.PhraseField) role = OccurrenceRole.Phrase;
        else if (field is not null && field.EndsWith(PartSuffix, StringComparison.Ordinal) && CoverFieldNames.TryParse(field[..^PartSuffix.Length], out var part))
            (role, coverField) = (OccurrenceRole.Part, part);
        else if (field is not null && CoverFieldNames.TryParse(field, out var whole)) coverField = whole;
        return new Occurrence(ZoneNames.TryParse(zone, out var z) ? z : null, coverField, position, previous, next, role);
    }
}
