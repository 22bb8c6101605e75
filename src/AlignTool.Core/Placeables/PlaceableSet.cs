using AlignTool.Core.Data;

namespace AlignTool.Core.Placeables;

/// <summary>Where a slot stands in its template: what rendering needs to know besides the value.</summary>
/// <param name="AtStart">The slot opens the field (English ordinals are then capitalised).</param>
/// <param name="AfterLi">Arabic: the slot follows a joined لـ.</param>
/// <param name="Case">Arabic: the case the template asks for; null keeps the case the value was found in.</param>
public readonly record struct SlotContext(bool AtStart = false, bool AfterLi = false, ArabicCase? Case = null);

/// <summary>
/// Every placeable AlignTool recognises and renders in English, Arabic and Chinese: dates and ranges, session and
/// year ordinals, agenda items, countries, symbols, job numbers, barcodes and signatories.
/// </summary>
public sealed class PlaceableSet
{
    private readonly Dictionary<string, string[]> _persons = [];

    public static PlaceableSet Default { get; } = new(MonthNames.Default, Ordinals.Default, Countries.Default, Codes.Default, EmbeddedData.Read("placeables/persons.tsv"));

    public PlaceableSet(MonthNames months, Ordinals ordinals, Countries countries, Codes codes, string personsTsv)
    {
        Dates = new Dates(months);
        Ordinals = ordinals;
        Countries = countries;
        Codes = codes;
        foreach (var row in EmbeddedData.Rows(personsTsv, 3)) _persons[row[0]] = row;
    }

    public Dates Dates { get; }

    public Ordinals Ordinals { get; }

    public Countries Countries { get; }

    public Codes Codes { get; }

    /// <summary>A regex fragment (no anchors, no capturing groups) for a slot of <paramref name="kind"/> in <paramref name="lang"/>.</summary>
    public string Pattern(SlotKind kind, string lang) => kind switch
    {
        SlotKind.Date => Dates.DatePattern.GetValueOrDefault(lang, Dates.DatePattern["en"]),
        SlotKind.DateRange => Dates.RangePattern.GetValueOrDefault(lang, Dates.RangePattern["en"]),
        SlotKind.SessionOrdinal or SlotKind.YearOrdinal => Ordinals.Pattern.GetValueOrDefault(lang, Ordinals.Pattern["en"]),
        SlotKind.Agenda => AgendaItems.Pattern.GetValueOrDefault(lang, AgendaItems.Pattern["en"]),
        SlotKind.Country => Countries.Pattern.GetValueOrDefault(lang, Countries.Pattern["en"]),
        SlotKind.Symbol => Codes.SymbolPattern,
        SlotKind.Job => Codes.JobPattern,
        SlotKind.Barcode => Codes.BarcodePattern,
        SlotKind.Person => PersonPattern(lang),
        SlotKind.CalendarYear => CalendarYearPattern,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A year of the Gregorian calendar as session names write it (<c>2023</c>), the same in every language.</summary>
    public const string CalendarYearPattern = @"(?:19|20)\d{2}";

    private string PersonPattern(string lang)
    {
        int col = LangColumn(lang);
        var names = _persons.Values.Select(r => r[col]).Where(n => n.Length > 0).OrderByDescending(n => n.Length).Select(System.Text.RegularExpressions.Regex.Escape).ToList();
        return names.Count == 0 ? "(?!)" : "(?:" + string.Join('|', names) + ")";
    }

    private static int LangColumn(string lang) => lang switch { "zh" => 1, "ar" => 2, _ => 0 };

    public SlotValue? Recognize(SlotKind kind, string lang, string text)
    {
        switch (kind)
        {
            case SlotKind.Date:
                return Dates.Recognize(text, lang) is { } d ? new DateValue(d) : null;
            case SlotKind.DateRange:
                return Dates.RecognizeRange(text, lang) is { } r ? new DateRangeValue(r.From, r.To) : null;
            case SlotKind.SessionOrdinal or SlotKind.YearOrdinal:
                return Ordinals.Recognize(text) is { } o ? new OrdinalValue(kind, o.Number, o.Case) : null;
            case SlotKind.Agenda:
                return AgendaItems.Recognize(text, lang) is { } items ? new AgendaValue(items) : null;
            case SlotKind.Country:
                return Countries.Recognize(text, lang);
            case SlotKind.Symbol:
                return Codes.IsSymbol(text) ? new TextValue(kind, text.Trim()) : null;
            case SlotKind.Job:
                return Codes.RecognizeJob(text);
            case SlotKind.Barcode:
                return Codes.IsBarcode(text) ? new TextValue(kind, text.Trim()) : null;
            case SlotKind.CalendarYear:
                return System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), $"^{CalendarYearPattern}$") ? new TextValue(kind, text.Trim()) : null;
            case SlotKind.Person:
            {
                int col = LangColumn(lang);
                var row = _persons.Values.FirstOrDefault(r => r[col] == text.Trim());
                return row is null ? null : new TextValue(kind, row[0]);
            }
            default:
                return null;
        }
    }

    /// <summary>The value written in <paramref name="lang"/>, or null when that language's form is not known.</summary>
    public string? Render(SlotValue value, string lang, SlotContext context = default)
    {
        switch (value)
        {
            case DateValue d:
                return Dates.Render(d.Date, lang);
            case DateRangeValue r:
                return Dates.RenderRange(r.From, r.To, lang);
            case OrdinalValue o:
                return Ordinals.Render(o.Number, lang, context.Case ?? o.Case, context.AtStart);
            case AgendaValue a:
                return AgendaItems.Render(a.Items, lang);
            case CountryValue c:
                return Countries.Render(c, lang, context.AfterLi);
            case JobValue j:
                return Codes.RenderJob(j, lang);
            case TextValue { Kind: SlotKind.Person } p:
            {
                var row = _persons.GetValueOrDefault(p.Text);
                var name = row?[LangColumn(lang)];
                return string.IsNullOrEmpty(name) ? null : name;
            }
            case TextValue t:
                return t.Text;
            default:
                return null;
        }
    }
}
