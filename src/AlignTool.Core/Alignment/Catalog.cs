using AlignTool.Core.Data;
using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Alignment;

/// <summary>One row of the boilerplate catalogue: a cover field's templates in English, Arabic and Chinese.</summary>
public sealed record CatalogEntry(string Id, string Field, string When, IReadOnlyDictionary<string, SlotTemplate> Templates, string Source)
{
    public const string PhraseField = "phrase";

    public SlotTemplate? Template(string lang) => Templates.TryGetValue(lang, out var t) && !t.IsEmpty ? t : null;

    public bool IsPhrase => Field == PhraseField;

    /// <summary>Whether the slot values meet the row's condition (<c>count=1</c>, <c>count>1</c> on agenda items).</summary>
    public bool Accepts(IReadOnlyList<SlotValue> values)
    {
        if (When.Length == 0) return true;
        int count = values.OfType<AgendaValue>().FirstOrDefault()?.Items.Count ?? 0;
        return When switch
        {
            "count=1" => count == 1,
            "count>1" => count > 1,
            _ => throw new FormatException($"catalogue row {Id}: unknown condition '{When}'"),
        };
    }
}

/// <summary>The boilerplate catalogue of <c>tm-data/catalog/cover.tsv</c>.</summary>
public sealed class Catalog
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ar", "zh"];

    /// <param name="tsv">The rows of <c>cover.tsv</c>.</param>
    /// <param name="titlesTsv">The parts of <c>titles.tsv</c>, composed into title rows (<see cref="TitleComposer"/>).</param>
    public Catalog(string tsv, string? titlesTsv = null)
    {
        var entries = new List<CatalogEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = EmbeddedData.Rows(tsv, 7);
        if (titlesTsv is not null) rows = rows.Concat(TitleComposer.Rows(titlesTsv));
        foreach (var row in rows)
        {
            var (id, field, when) = (row[0], row[1], row[2]);
            if (!ids.Add(id)) throw new FormatException($"catalogue: duplicate id '{id}'");
            if (field != CatalogEntry.PhraseField && !CoverFieldNames.TryParse(field, out _)) throw new FormatException($"catalogue row {id}: unknown field '{field}'");
            var templates = new Dictionary<string, SlotTemplate>
            {
                ["en"] = SlotTemplate.Parse(row[3]),
                ["ar"] = SlotTemplate.Parse(row[4]),
                ["zh"] = SlotTemplate.Parse(row[5]),
            };
            entries.Add(new CatalogEntry(id, field, when, templates, row[6]));
        }
        Entries = entries;
    }

    public static Catalog Default { get; } = new(EmbeddedData.Read("catalog/cover.tsv"), EmbeddedData.Read("catalog/titles.tsv"));

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public IEnumerable<CatalogEntry> ForField(CoverField field) => Entries.Where(e => e.Field == field.Name());

    public IEnumerable<CatalogEntry> Phrases => Entries.Where(e => e.IsPhrase);

    /// <summary>The first row of <paramref name="field"/> whose template in <paramref name="lang"/> matches the whole text.</summary>
    public (CatalogEntry Entry, TemplateMatch Match)? MatchField(CoverField field, string lang, string text, PlaceableSet placeables) =>
        MatchAny(ForField(field), lang, text, placeables);

    /// <summary>The first row of any field but <paramref name="except"/> (phrases aside) that matches the whole text: a
    /// line the layout did not place (a kind of document under the title, a body the classifier does not know).</summary>
    public (CatalogEntry Entry, TemplateMatch Match)? MatchOtherField(CoverField except, string lang, string text, PlaceableSet placeables) =>
        MatchAny(Entries.Where(e => !e.IsPhrase && e.Field != except.Name()), lang, text, placeables);

    private static (CatalogEntry Entry, TemplateMatch Match)? MatchAny(IEnumerable<CatalogEntry> entries, string lang, string text, PlaceableSet placeables)
    {
        foreach (var entry in entries)
        {
            var template = entry.Template(lang);
            if (template?.Match(text, lang, placeables) is { } m && entry.Accepts(m.Values)) return (entry, m);
        }
        return null;
    }
}
