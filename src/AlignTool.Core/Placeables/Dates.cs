using System.Globalization;
using System.Text.RegularExpressions;
using AlignTool.Core.Text;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Dates and one-year date ranges in UN house style: English <c>8 April 2020</c>, <c>24 February–20 March 2020</c>;
/// Chinese <c>2020年4月8日</c>, <c>2020年2月24日至3月20日</c>; Arabic <c>8 نيسان/أبريل 2020</c>,
/// <c>24 شباط/فبراير - 20 آذار/مارس 2020</c>. English is rendered with .NET's globalization; every language is
/// parsed against the UN month tables, which are data (<see cref="MonthNames"/>).
/// </summary>
public sealed partial class Dates
{
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");
    private readonly MonthNames _months;
    private readonly Dictionary<string, Regex> _date = [];
    private readonly Dictionary<string, Regex> _range = [];

    public Dates(MonthNames months)
    {
        _months = months;
        string en = "(?:" + string.Join('|', months.English.Select(Regex.Escape)) + ")";
        string ar = "(?:" + string.Join('|', months.Arabic.Select(Regex.Escape)) + ")";
        DatePattern = new Dictionary<string, string>
        {
            ["en"] = $@"\d{{1,2}} {en} \d{{4}}",
            ["zh"] = @"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日",
            ["ar"] = $@"\d{{1,2}} {ar} \d{{4}}",
        };
        RangePattern = new Dictionary<string, string>
        {
            ["en"] = $@"\d{{1,2}}(?: {en}(?: \d{{4}})?)?\s?[–-]\s?\d{{1,2}} {en} \d{{4}}",
            ["zh"] = @"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s?至\s?(?:\d{4}\s?年\s?)?(?:\d{1,2}\s?月\s?)?\d{1,2}\s?日",
            ["ar"] = $@"\d{{1,2}}(?: {ar}(?: \d{{4}})?)?\s?[–-]\s?\d{{1,2}} {ar} \d{{4}}",
        };
        foreach (var (lang, p) in DatePattern) _date[lang] = new Regex($"^(?:{p})$", RegexOptions.CultureInvariant);
        foreach (var (lang, p) in RangePattern) _range[lang] = new Regex($"^(?:{p})$", RegexOptions.CultureInvariant);
    }

    /// <summary>Regex fragments (no anchors, no groups) that find a date in each language.</summary>
    public IReadOnlyDictionary<string, string> DatePattern { get; }

    public IReadOnlyDictionary<string, string> RangePattern { get; }

    public string Render(DateOnly d, string lang) => lang switch
    {
        "zh" => $"{d.Year}年{d.Month}月{d.Day}日",
        "ar" => $"{d.Day} {_months.Arabic[d.Month - 1]} {d.Year}",
        _ => d.ToString("d MMMM yyyy", EnglishCulture),
    };

    public DateOnly? Recognize(string text, string lang)
    {
        var t = Squeeze(text, lang);
        if (!_date.TryGetValue(lang, out var rx) || !rx.IsMatch(t)) return null;
        switch (lang)
        {
            case "zh":
            {
                var m = ChineseDate().Match(t);
                return Make(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
            }
            case "ar":
            {
                var m = ArabicDate().Match(t);
                return Make(Int(m.Groups[3].Value), _months.Number(m.Groups[2].Value, "ar"), Int(m.Groups[1].Value));
            }
            default:
            {
                // The pattern above has matched: day, a month name of the table, year, one space apart.
                var parts = t.Split(' ');
                return Make(Int(parts[2]), _months.Number(parts[1], "en"), Int(parts[0]));
            }
        }
    }

    /// <summary>A one-year range renders with the year once; a range over two years keeps both.</summary>
    public string RenderRange(DateOnly from, DateOnly to, string lang)
    {
        bool sameYear = from.Year == to.Year, sameMonth = sameYear && from.Month == to.Month;
        switch (lang)
        {
            case "zh":
                if (!sameYear) return $"{Render(from, "zh")}至{Render(to, "zh")}";
                return sameMonth ? $"{from.Year}年{from.Month}月{from.Day}日至{to.Day}日" : $"{from.Year}年{from.Month}月{from.Day}日至{to.Month}月{to.Day}日";
            case "ar":
                if (!sameYear) return $"{Render(from, "ar")} - {Render(to, "ar")}";
                return sameMonth ? $"{from.Day} - {to.Day} {_months.Arabic[to.Month - 1]} {to.Year}" : $"{from.Day} {_months.Arabic[from.Month - 1]} - {to.Day} {_months.Arabic[to.Month - 1]} {to.Year}";
            default:
                if (!sameYear) return $"{Render(from, "en")}–{Render(to, "en")}";
                return sameMonth ? $"{from.Day}–{Render(to, "en")}" : $"{from.Day} {_months.English[from.Month - 1]}–{Render(to, "en")}";
        }
    }

    public (DateOnly From, DateOnly To)? RecognizeRange(string text, string lang)
    {
        var t = Squeeze(text, lang);
        if (!_range.TryGetValue(lang, out var rx) || !rx.IsMatch(t)) return null;
        if (lang == "zh")
        {
            var m = ChineseRange().Match(t);
            int y1 = Int(m.Groups[1].Value), m1 = Int(m.Groups[2].Value), d1 = Int(m.Groups[3].Value);
            int y2 = m.Groups[4].Success ? Int(m.Groups[4].Value) : y1;
            int m2 = m.Groups[5].Success ? Int(m.Groups[5].Value) : m1;
            return Pair(Make(y1, m1, d1), Make(y2, m2, Int(m.Groups[6].Value)));
        }
        var parts = Range().Match(t);
        if (!parts.Success) return null;
        int year2 = Int(parts.Groups[6].Value);
        int month2 = _months.Number(parts.Groups[5].Value, lang);
        int month1 = parts.Groups[2].Success ? _months.Number(parts.Groups[2].Value, lang) : month2;
        int year1 = parts.Groups[3].Success ? Int(parts.Groups[3].Value) : year2;
        return Pair(Make(year1, month1, Int(parts.Groups[1].Value)), Make(year2, month2, Int(parts.Groups[4].Value)));
    }

    private static (DateOnly, DateOnly)? Pair(DateOnly? a, DateOnly? b) => a is { } x && b is { } y && x <= y ? (x, y) : null;

    private static string Squeeze(string text, string lang)
    {
        var t = text.Trim();
        return lang == "zh" ? Spaces.Remove(t) : t;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int y, int m, int d)
    {
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m)) return null;
        return new DateOnly(y, m, d);
    }

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^(\d{1,2}) (.+) (\d{4})$")]
    private static partial Regex ArabicDate();

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日至(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日$")]
    private static partial Regex ChineseRange();

    [GeneratedRegex(@"^(\d{1,2})(?: (.+?)(?: (\d{4}))?)?\s?[–-]\s?(\d{1,2}) (.+) (\d{4})$")]
    private static partial Regex Range();
}
