using System.Text.RegularExpressions;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Agenda item numbers: English <c>4</c>, <c>35 and 40</c>, <c>35, 36 and 40</c>; Chinese <c>4</c>, <c>35和40</c>,
/// <c>35、36和40</c>; Arabic <c>4</c>, <c>35 و 40</c> (the dual of the facts page). The surrounding words
/// ("Agenda item" / "items", <c>البند</c> / <c>البندان</c>) belong to the template.
/// </summary>
public static partial class AgendaItems
{
    private const string Item = @"\d{1,3}(?:\s?\([a-z]\)|[a-z])?";

    public static IReadOnlyDictionary<string, string> Pattern { get; } = new Dictionary<string, string>
    {
        ["en"] = $@"{Item}(?:(?:, | and ){Item})*",
        ["zh"] = $@"{Item}(?:\s?[、和]\s?{Item})*",
        ["ar"] = $@"{Item}(?:(?:\s?،\s?|\s?و\s?){Item})*",
    };

    // Built once: every masked agenda item of an ingest is recognized here.
    private static readonly Dictionary<string, Regex> Whole = Pattern.ToDictionary(p => p.Key, p => new Regex($"^(?:{p.Value})$"));

    [GeneratedRegex(Item)]
    private static partial Regex OneItem();

    [GeneratedRegex(@"\s")]
    private static partial Regex Space();

    public static IReadOnlyList<string>? Recognize(string text, string lang)
    {
        var t = text.Trim();
        if (!Whole.GetValueOrDefault(lang, Whole["en"]).IsMatch(t)) return null;
        return OneItem().Matches(t).Select(m => Space().Replace(m.Value, " ")).ToList();
    }

    public static string Render(IReadOnlyList<string> items, string lang)
    {
        if (items.Count == 0) return "";
        if (items.Count == 1) return items[0];
        var head = items.Take(items.Count - 1);
        return lang switch
        {
            "zh" => string.Join("、", head) + "和" + items[^1],
            "ar" => string.Join("، ", head) + " و " + items[^1],
            _ => string.Join(", ", head) + " and " + items[^1],
        };
    }
}
