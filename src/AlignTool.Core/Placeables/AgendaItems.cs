using System.Text.RegularExpressions;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Agenda item numbers, with their sub-item letters: English <c>4</c>, <c>35 and 40</c>, <c>3, 5 and 7</c>,
/// <c>69 (b)</c>; Chinese <c>4</c>, <c>35和40</c>, <c>3、5和7</c>, <c>69(b)</c>; Arabic <c>4</c>, <c>35 و40</c>,
/// <c>3 و5 و7</c>, <c>69 (ب)</c> (the facts page: sub-item letters (a) أ, (b) ب … (j) ي). The surrounding words
/// ("Agenda item" / "items", <c>البند</c> / <c>البندان</c> / <c>البنود</c>) belong to the template. Items are kept
/// in their English form (<c>69 (b)</c>), whatever language they were read in.
/// </summary>
public static partial class AgendaItems
{
    private const string Item = @"\d{1,3}(?:\s?\([a-z]\)|[a-z])?";

    /// <summary>The Arabic letters of sub-items (a)–(j), in order.</summary>
    private static readonly string[] ArabicLetters = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"];

    private const string ArabicItem = @"\d{1,3}(?:\s?\((?:[أبجدوزحطي]|هـ)\)|[a-z])?";

    public static IReadOnlyDictionary<string, string> Pattern { get; } = new Dictionary<string, string>
    {
        ["en"] = $@"{Item}(?:(?:, | and ){Item})*",
        ["zh"] = $@"{Item}(?:\s?[、和]\s?{Item})*",
        ["ar"] = $@"{ArabicItem}(?:(?:\s?،\s?|\s?و\s?){ArabicItem})*",
    };

    // Built once: every masked agenda item of an ingest is recognized here.
    private static readonly Dictionary<string, Regex> Whole = Pattern.ToDictionary(p => p.Key, p => new Regex($"^(?:{p.Value})$"));

    [GeneratedRegex(@"(\d{1,3})(?:\s?\(([a-z]|[أبجدوزحطي]|هـ)\)|([a-z]))?")]
    private static partial Regex OneItem();

    public static IReadOnlyList<string>? Recognize(string text, string lang)
    {
        var t = text.Trim();
        if (!Whole.GetValueOrDefault(lang, Whole["en"]).IsMatch(t)) return null;
        var items = new List<string>();
        foreach (Match m in OneItem().Matches(t))
        {
            var number = m.Groups[1].Value;
            if (m.Groups[3].Success) { items.Add(number + m.Groups[3].Value); continue; }
            if (!m.Groups[2].Success) { items.Add(number); continue; }
            var letter = m.Groups[2].Value;
            int arabic = Array.IndexOf(ArabicLetters, letter);
            items.Add($"{number} ({(arabic >= 0 ? (char)('a' + arabic) : letter)})");
        }
        return items;
    }

    public static string Render(IReadOnlyList<string> items, string lang)
    {
        if (items.Count == 0) return "";
        var written = items.Select(i => RenderItem(i, lang)).ToList();
        if (written.Count == 1) return written[0];
        var head = written.Take(written.Count - 1);
        return lang switch
        {
            "zh" => string.Join("、", head) + "和" + written[^1],
            "ar" => string.Join(" و", written),
            _ => string.Join(", ", head) + " and " + written[^1],
        };
    }

    /// <summary>One item in a language: <c>69 (b)</c>, <c>69(b)</c>, <c>69 (ب)</c>.</summary>
    private static string RenderItem(string item, string lang)
    {
        int open = item.IndexOf(" (", StringComparison.Ordinal);
        if (open < 0) return item;
        var number = item[..open];
        var letter = item[(open + 2)..^1];
        return lang switch
        {
            "zh" => $"{number}({letter})",
            "ar" when letter.Length == 1 && letter[0] - 'a' is >= 0 and < 10 => $"{number} ({ArabicLetters[letter[0] - 'a']})",
            _ => item,
        };
    }
}
