using System.Text;
using System.Text.RegularExpressions;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Memory;

/// <summary>A text with its placeables masked as slots, and the values they had.</summary>
/// <param name="Template">The text with slots (<c>{session-ordinal|gen}</c> keeps an Arabic ordinal's case).</param>
/// <param name="Values">The slot values, in text order.</param>
public sealed record TemplateForm(string Template, IReadOnlyList<SlotValue> Values)
{
    public bool HasSlots => Values.Count > 0;

    /// <summary>The comparison key: normalized, without case hints, so "Forty-third session" and "Fiftieth session"
    /// (and the catalogue's <c>{session-ordinal} session</c>) share one key.</summary>
    public string Key => TextNormalizer.Normalize(Regex.Replace(Template, @"\|(?:nom|gen)\}", "}"));
}

/// <summary>
/// Finds the placeables of free text in one language and masks them as typed slots: date ranges, dates, job
/// numbers, barcodes, symbols, session and year ordinals (with the word that makes them one: session, 届会议,
/// الدورة), agenda items (with "agenda item", 议程项目, البند) and the States of the reviewed UN table.
/// </summary>
public sealed class TemplateMasker
{
    private readonly PlaceableSet _p;
    private readonly Dictionary<string, List<(SlotKind Kind, Regex Rx)>> _rules = [];

    public static TemplateMasker Default { get; } = new(PlaceableSet.Default);

    public TemplateMasker(PlaceableSet placeables)
    {
        _p = placeables;
        foreach (var lang in new[] { "en", "zh", "ar" })
        {
            string ord = placeables.Pattern(SlotKind.SessionOrdinal, lang);
            string agenda = placeables.Pattern(SlotKind.Agenda, lang);
            string country = placeables.Countries.ReviewedPattern[lang];
            var opts = RegexOptions.CultureInvariant;
            var list = new List<(SlotKind, Regex)>
            {
                (SlotKind.DateRange, new Regex($"(?<v>{placeables.Pattern(SlotKind.DateRange, lang)})", opts)),
                (SlotKind.Date, new Regex($"(?<v>{placeables.Pattern(SlotKind.Date, lang)})", opts)),
                (SlotKind.Job, new Regex($"(?<v>{Codes.JobPattern})", opts)),
                (SlotKind.Barcode, new Regex($"(?<v>{Codes.BarcodePattern})", opts)),
                (SlotKind.Symbol, new Regex($@"(?<![\w/])(?<v>{Codes.SymbolPattern})(?![\w/])", opts)),
            };
            switch (lang)
            {
                case "en":
                    list.Add((SlotKind.SessionOrdinal, new Regex($@"\b(?<v>{ord}) session\b", opts | RegexOptions.IgnoreCase)));
                    list.Add((SlotKind.YearOrdinal, new Regex($@"\b(?<v>{ord}) year\b", opts | RegexOptions.IgnoreCase)));
                    list.Add((SlotKind.Agenda, new Regex($@"\b[Aa]genda items? (?<v>{agenda})(?!\d)", opts)));
                    list.Add((SlotKind.Country, new Regex($@"(?<![\w’'-])(?<v>{country})(?![\w’'-])", opts)));
                    break;
                case "zh":
                    list.Add((SlotKind.SessionOrdinal, new Regex($"第(?<v>{ord})届会议", opts)));
                    list.Add((SlotKind.YearOrdinal, new Regex($"第(?<v>{ord})年", opts)));
                    list.Add((SlotKind.Agenda, new Regex($@"议程项目(?<v>{agenda})(?!\d)", opts)));
                    list.Add((SlotKind.Country, new Regex($"(?<v>{country})", opts)));
                    break;
                case "ar":
                    list.Add((SlotKind.SessionOrdinal, new Regex($@"الدورة (?<v>{ord})(?!\p{{L}})", opts)));
                    list.Add((SlotKind.YearOrdinal, new Regex($@"السنة (?<v>{ord})(?!\p{{L}})", opts)));
                    list.Add((SlotKind.Agenda, new Regex($@"(?:البند|البندان|البنود) (?<v>{agenda})(?!\d)", opts)));
                    list.Add((SlotKind.Country, new Regex($@"(?<=^|[\s(«""])ل?(?<v>{country})(?!\p{{L}})", opts)));
                    break;
            }
            _rules[lang] = list;
        }
    }

    public TemplateForm Mask(string text, string lang)
    {
        if (!_rules.TryGetValue(lang, out var rules)) return new TemplateForm(text, []);
        var hits = new List<(int Start, int Length, SlotKind Kind, SlotValue Value)>();
        foreach (var (kind, rx) in rules)
        {
            foreach (Match m in rx.Matches(text))
            {
                var g = m.Groups["v"];
                if (hits.Any(h => g.Index < h.Start + h.Length && h.Start < g.Index + g.Length)) continue;
                var value = _p.Recognize(kind, lang, g.Value);
                if (value is null) continue;
                hits.Add((g.Index, g.Length, kind, value));
            }
        }
        if (hits.Count == 0) return new TemplateForm(text, []);
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder();
        int pos = 0;
        foreach (var (start, length, kind, value) in hits)
        {
            sb.Append(text, pos, start - pos);
            sb.Append('{').Append(kind.Name());
            if (lang == "ar" && value is OrdinalValue o) sb.Append(o.Case == ArabicCase.Genitive ? "|gen" : "|nom");
            sb.Append('}');
            pos = start + length;
        }
        sb.Append(text, pos, text.Length - pos);
        return new TemplateForm(sb.ToString(), hits.Select(h => h.Value).ToList());
    }
}
