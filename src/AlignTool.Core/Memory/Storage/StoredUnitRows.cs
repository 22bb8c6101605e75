using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// The rows a backend reads for a set of units (the units, their variants in id order, the variants' occurrences
/// with their document's name) gathered and put together as <see cref="StoredUnit"/>s in the order asked: what
/// every backend's read of units ends with, written once.
/// </summary>
public sealed class StoredUnitRows
{
    private readonly Dictionary<long, (string English, string? TemplateSpans, int Length, string? Via)> _units = [];
    private readonly Dictionary<long, List<(long Id, Language Lang, string Text, string? TemplateSpans, int Usage)>> _variants = [];
    private readonly Dictionary<long, List<(string Document, Occurrence Occurrence)>> _occurrences = [];

    public void AddUnit(long id, string english, string? templateSpans, int length, string? via) =>
        _units[id] = (english, templateSpans, length, via);

    /// <summary>A variant of a unit; a unit's variants are kept in the order they are added.</summary>
    public void AddVariant(long unitId, long id, Language lang, string text, string? templateSpans, int usage)
    {
        if (!_variants.TryGetValue(unitId, out var list)) _variants[unitId] = list = [];
        list.Add((id, lang, text, templateSpans, usage));
    }

    /// <summary>The ids of the variants added, for the read of their occurrences.</summary>
    public IEnumerable<long> VariantIds => _variants.Values.SelectMany(v => v.Select(x => x.Id));

    /// <summary>An occurrence of a variant, in the document of this name; a variant's are kept in the order added.</summary>
    public void AddOccurrence(long variantId, string document, Occurrence occurrence)
    {
        if (!_occurrences.TryGetValue(variantId, out var list)) _occurrences[variantId] = list = [];
        list.Add((document, occurrence));
    }

    /// <summary>The units of these ids that were added, in this order, each with its variants and their occurrences.</summary>
    public List<StoredUnit> Build(IEnumerable<long> unitIds)
    {
        var result = new List<StoredUnit>();
        foreach (var id in unitIds)
        {
            if (!_units.TryGetValue(id, out var u)) continue;
            var variants = _variants.GetValueOrDefault(id, []).Select(v =>
            {
                var occurrences = _occurrences.GetValueOrDefault(v.Id, []);
                return new StoredVariant(v.Id, v.Lang, v.Text, v.TemplateSpans, v.Usage,
                    occurrences.Select(o => o.Document).Distinct().ToList(), occurrences.Select(o => o.Occurrence).ToList());
            }).ToList();
            result.Add(new StoredUnit(id, u.English, u.TemplateSpans, u.Length, u.Via, variants));
        }
        return result;
    }
}
