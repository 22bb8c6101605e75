using System.Globalization;
using System.Text.RegularExpressions;
using AlignTool.Core.Alignment;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Qa;

/// <summary>
/// The numbers of a text by value, whatever the numeral system: Latin, Arabic-Indic and full-width digits (with the
/// European thousands style <c>60.000</c>), Chinese numerals (<c>二〇二〇</c>, <c>四十三</c> before 年, 届, 号, 名…),
/// spelled-out session and year ordinals (<c>forty-third session</c>, <c>الدورة الثالثة والأربعين</c>), and the day,
/// month and year of dates written with month names.
/// </summary>
public static class NumberReader
{
    private static readonly Regex Digits = new(@"[0-9٠-٩۰-۹０-９]+(?:[.,٬٫][0-9٠-٩۰-۹０-９]+)*", RegexOptions.CultureInvariant);
    private static readonly Regex ChineseNumeral = new(@"[〇零一二三四五六七八九十百千两]{1,8}(?=[年届号名个月日项段次条])", RegexOptions.CultureInvariant);
    private static readonly Regex EnglishOrdinal = new(@"\b([A-Za-z]+(?:-[a-z]+)?) (?:session|year)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex ArabicOrdinal = new(@"(?:الدورة|السنة) (\p{IsArabic}+(?: و\p{IsArabic}+)?)", RegexOptions.CultureInvariant);

    public static List<(string Value, TextSpan Span)> Read(string text, string lang)
    {
        var found = new List<(string, TextSpan)>();
        var taken = new List<(int, int)>();
        var p = PlaceableSet.Default;
        // Dates with month names give their month as a number too.
        if (lang is "en" or "ar")
        {
            foreach (var pattern in new[] { p.Dates.RangePattern[lang], p.Dates.DatePattern[lang] })
            {
                foreach (Match m in Regex.Matches(text, pattern))
                {
                    if (taken.Any(t => m.Index < t.Item2 && t.Item1 < m.Index + m.Length)) continue;
                    var values = p.Dates.RecognizeRange(m.Value, lang) is { } r ? new[] { r.From, r.To }
                               : p.Dates.Recognize(m.Value, lang) is { } one ? new[] { one } : [];
                    if (values.Length == 0) continue;
                    taken.Add((m.Index, m.Index + m.Length));
                    foreach (var d in values)
                        foreach (var v in new[] { d.Day, d.Month, d.Year })
                            found.Add((v.ToString(CultureInfo.InvariantCulture), new TextSpan(m.Index, m.Length)));
                }
            }
        }
        foreach (Match m in Digits.Matches(text))
        {
            if (taken.Any(t => m.Index < t.Item2 && t.Item1 < m.Index + m.Length)) continue;
            found.Add((DigitValue(m.Value), new TextSpan(m.Index, m.Length)));
        }
        if (lang == LanguageTag.Chinese)
        {
            foreach (Match m in ChineseNumeral.Matches(text))
                if (ChineseValue(m.Value) is { } v) found.Add((v.ToString(CultureInfo.InvariantCulture), new TextSpan(m.Index, m.Length)));
        }
        var ordinal = lang == LanguageTag.Arabic ? ArabicOrdinal : lang == LanguageTag.English ? EnglishOrdinal : null;
        if (ordinal is not null)
        {
            foreach (Match m in ordinal.Matches(text))
                if (Ordinals.Default.Recognize(m.Groups[1].Value) is { } o)
                    found.Add((o.Number.ToString(CultureInfo.InvariantCulture), new TextSpan(m.Groups[1].Index, m.Groups[1].Length)));
        }
        return found;
    }

    /// <summary>Digits as a Latin number; <c>60.000</c> and <c>1,000</c> (groups of three) lose their separators.</summary>
    private static string DigitValue(string s)
    {
        var latin = new string(s.Select(c => Numerals.Digit(c) is var d and >= 0 ? (char)('0' + d) : c is '٬' ? ',' : c is '٫' ? '.' : c).ToArray());
        var parts = latin.Split(',', '.');
        if (parts.Length > 1 && parts.Skip(1).All(g => g.Length == 3)) return string.Concat(parts).TrimStart('0') is { Length: > 0 } v ? v : "0";
        return latin.Replace(',', '.').TrimStart('0') is { Length: > 0 } w && !w.StartsWith('.') ? w : "0" + latin.TrimStart('0');
    }

    /// <summary><c>四十三</c> → 43, <c>二〇二〇</c> → 2020, <c>一百零一</c> → 101.</summary>
    public static long? ChineseValue(string s)
    {
        const string digits = "〇一二三四五六七八九";
        if (!s.Any(c => c is '十' or '百' or '千'))
        {
            long positional = 0;
            foreach (var c in s)
            {
                int d = c is '零' ? 0 : c is '两' ? 2 : digits.IndexOf(c);
                if (d < 0) return null;
                positional = positional * 10 + d;
            }
            return positional;
        }
        long total = 0, current = 0;
        foreach (var c in s)
        {
            int d = c is '零' or '〇' ? 0 : c is '两' ? 2 : digits.IndexOf(c);
            if (d >= 0) { current = d; continue; }
            long unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}
