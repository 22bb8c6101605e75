using System.Text.RegularExpressions;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Preparation;

/// <summary>
/// Finds the placeables of free text in one language and masks them as typed slots: date ranges, dates, job
/// numbers, barcodes, symbols, session and year ordinals (with the word that makes them one: session, 届会议,
/// الدورة), agenda items (with "agenda item", 议程项目, البند) and the States of the reviewed UN table.
/// </summary>
public sealed class TemplateMasker
{
    private readonly PlaceableSet _p;
    private readonly Dictionary<string, List<(SlotKind Kind, Regex Rx, string[]? Cues)>> _rules = [];

    /// <summary>Words without which a slot kind cannot occur in a language: cheap tests that spare the regexes.</summary>
    private static readonly Dictionary<(string, SlotKind), string[]> Cues = new()
    {
        [("en", SlotKind.SessionOrdinal)] = ["session", "Session"],
        [("en", SlotKind.YearOrdinal)] = ["year", "Year"],
        [("en", SlotKind.Agenda)] = ["genda item", "Item", "item"],
        [("en", SlotKind.CalendarYear)] = ["session"],
        [("zh", SlotKind.CalendarYear)] = ["年届会"],
        [("ar", SlotKind.CalendarYear)] = ["دورة عام"],
        [("zh", SlotKind.SessionOrdinal)] = ["届会议"],
        [("zh", SlotKind.YearOrdinal)] = ["年"],
        [("zh", SlotKind.Agenda)] = ["项目"],
        [("ar", SlotKind.SessionOrdinal)] = ["الدورة"],
        [("ar", SlotKind.YearOrdinal)] = ["السنة"],
        [("ar", SlotKind.Agenda)] = ["البند", "البنود"],
    };

    public static TemplateMasker Default { get; } = new(PlaceableSet.Default);

    private readonly Dictionary<string, NameTrie> _monthCues = [];
    private readonly Dictionary<string, NameTrie> _countries = [];

    public TemplateMasker(PlaceableSet placeables)
    {
        _p = placeables;
        var months = MonthNames.Default;
        _monthCues["en"] = new NameTrie(months.English);
        _monthCues["ar"] = new NameTrie(months.Arabic.Select(m => m.Split('/')[1]));
        _monthCues["zh"] = new NameTrie(["月"]);
        // Every reviewed State name, without its article.
        foreach (var lang in new[] { "en", "zh", "ar" }) _countries[lang] = new NameTrie(placeables.Countries.ReviewedNames(lang));
        foreach (var lang in new[] { "en", "zh", "ar" })
        {
            string ord = placeables.Pattern(SlotKind.SessionOrdinal, lang);
            string agenda = placeables.Pattern(SlotKind.Agenda, lang);
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
                    list.Add((SlotKind.Agenda, new Regex($@"\b(?:[Aa]genda items?|Items?) (?<v>{agenda})(?![\d(])", opts)));
                    list.Add((SlotKind.CalendarYear, new Regex($@"\b(?<v>{PlaceableSet.CalendarYearPattern}) session\b", opts)));
                    break;
                case "zh":
                    list.Add((SlotKind.SessionOrdinal, new Regex($"第(?<v>{ord})届会议", opts)));
                    list.Add((SlotKind.YearOrdinal, new Regex($"第(?<v>{ord})年", opts)));
                    list.Add((SlotKind.Agenda, new Regex($@"议程\*?项目(?<v>{agenda})(?![\d(])", opts)));
                    list.Add((SlotKind.CalendarYear, new Regex($@"(?<v>{PlaceableSet.CalendarYearPattern})年届会", opts)));
                    break;
                case "ar":
                    list.Add((SlotKind.SessionOrdinal, new Regex($@"الدورة (?<v>{ord})(?!\p{{L}})", opts)));
                    list.Add((SlotKind.YearOrdinal, new Regex($@"السنة (?<v>{ord})(?!\p{{L}})", opts)));
                    list.Add((SlotKind.Agenda, new Regex($@"(?:البند|البندان|البنود) (?<v>{agenda})(?![\d(])", opts)));
                    list.Add((SlotKind.CalendarYear, new Regex($@"دورة عام (?<v>{PlaceableSet.CalendarYearPattern})(?!\d)", opts)));
                    break;
            }
            _rules[lang] = [.. list.Select(r => (r.Item1, r.Item2, Cues.GetValueOrDefault((lang, r.Item1))))];
        }
    }

    /// <summary>
    /// Adds the reviewed State names in <paramref name="text"/> to <paramref name="hits"/>, where no other slot is: the
    /// longest name at the first place one starts is taken when it stands as a word (in Arabic also after a joined لـ).
    /// </summary>
    private void Countries(string text, string lang, ref List<Hit>? hits)
    {
        if (!_countries.TryGetValue(lang, out var names)) return;
        int pos = 0;
        while (pos < text.Length)
        {
            var (i, length) = NextAtWordStart(names, text, pos, lang);
            if (i < 0) return;
            if (EndsWord(text, i + length, lang))
            {
                if (!Overlaps(hits, i, length) && _p.Recognize(SlotKind.Country, lang, text.Substring(i, length)) is { } value)
                {
                    (hits ??= []).Add(new Hit(i, length, SlotKind.Country, value));
                }
                pos = i + length;
            }
            else
            {
                pos = i + 1;
            }
        }
    }

    /// <summary>
    /// <see cref="NameTrie.Next"/> from where a word begins only, as no other place is taken: in Arabic nearly every
    /// letter starts some name, and in English every t does (the forms with "the"). In Chinese every place begins one.
    /// </summary>
    private static (int Start, int Length) NextAtWordStart(NameTrie names, string text, int from, string lang)
    {
        for (int i = names.NextStart(text, from); i >= 0; i = names.NextStart(text, i + 1))
        {
            if (!BeginsWord(text, i, lang)) continue;
            int length = names.LongestAt(text, i);
            if (length > 0) return (i, length);
        }
        return (-1, 0);
    }

    private static bool BeginsWord(string text, int start, string lang)
    {
        if (lang == "zh" || start == 0) return true;
        char b = text[start - 1];
        if (lang == "ar" && b == 'ل') return start == 1 || !Scripts.IsLetterOrDigit(text[start - 2]);
        return !Scripts.IsLetterOrDigit(b) && b is not '’' and not '\'' and not '-';
    }

    private static bool EndsWord(string text, int end, string lang) =>
        lang == "zh" || end >= text.Length || !Scripts.IsLetterOrDigit(text[end]);

    private readonly record struct Hit(int Start, int Length, SlotKind Kind, SlotValue Value);

    private static bool Overlaps(List<Hit>? hits, int start, int length)
    {
        if (hits is null) return false;
        foreach (var h in hits) if (start < h.Start + h.Length && h.Start < start + length) return true;
        return false;
    }

    private static bool HasCue(string text, string[]? cues)
    {
        if (cues is null) return true;
        foreach (var c in cues) if (text.Contains(c, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Characters a pattern cannot match without, tested before it runs (most texts have none of them): a range's
    /// dash (至 in Chinese), a job number's hyphen and parenthesis, a barcode's asterisk.
    /// </summary>
    private static bool HasLiterals(string text, string lang, SlotKind kind) => kind switch
    {
        SlotKind.DateRange => lang == "zh" ? text.Contains('至') : text.AsSpan().IndexOfAny('–', '-') >= 0,
        SlotKind.Job => text.Contains('(') && text.Contains('-'),
        SlotKind.Barcode => text.Contains('*'),
        _ => true,
    };

    /// <summary>
    /// The text with its placeables as slots. Every text of an ingest passes here, so the cheap tests come first
    /// (digits, a month name, a cue word) and nothing is allocated for a text without placeables.
    /// </summary>
    public TemplateForm Mask(string text, string lang)
    {
        if (!_rules.TryGetValue(lang, out var rules)) return new TemplateForm(text, []);
        List<Hit>? hits = null;
        bool digits = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        bool? month = null;
        foreach (var (kind, rx, cues) in rules)
        {
            if (kind is SlotKind.Date or SlotKind.DateRange or SlotKind.Job or SlotKind.Barcode or SlotKind.Agenda or SlotKind.CalendarYear && !digits) continue;
            if (kind is SlotKind.Date or SlotKind.DateRange && !(month ??= _monthCues[lang].Occurs(text))) continue;
            if (kind == SlotKind.Symbol && !(digits && text.Contains('/'))) continue;
            if (!HasCue(text, cues) || !HasLiterals(text, lang, kind)) continue;
            for (var m = rx.Match(text); m.Success; m = m.NextMatch())
            {
                var g = m.Groups["v"];
                if (Overlaps(hits, g.Index, g.Length)) continue;
                var value = _p.Recognize(kind, lang, g.Value);
                if (value is null) continue;
                (hits ??= []).Add(new Hit(g.Index, g.Length, kind, value));
            }
        }
        Countries(text, lang, ref hits);
        if (hits is null) return new TemplateForm(text, []);
        hits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var spans = new List<SlotSpan>(hits.Count);
        var values = new SlotValue[hits.Count];
        for (int k = 0; k < hits.Count; k++)
        {
            var (start, length, kind, value) = hits[k];
            spans.Add(new SlotSpan(start, length, new SlotPart(kind, lang == "ar" && value is OrdinalValue o ? o.Case : null).Token));
            values[k] = value;
        }
        return new TemplateForm(TemplateSpans.Apply(text, spans), values, spans);
    }
}
