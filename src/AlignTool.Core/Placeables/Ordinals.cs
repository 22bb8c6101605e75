using System.Globalization;
using System.Text.RegularExpressions;
using ICU4N;
using ICU4N.Globalization;
using AlignTool.Core.Text;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Session and year ordinals: English <c>Forty-third</c> (capitalised at the start of a field, lower case in running
/// text), Chinese <c>四十三</c> (inside <c>第…届会议</c>), Arabic feminine <c>الثالثة والأربعون</c> (nominative) or
/// <c>الثالثة والأربعين</c> (genitive). ICU4N's spell-out rules are the base; UN style corrections: the conjunction
/// <c>و</c> is joined to the next word (ICU 60 writes <c>و الأربعون</c>), runs of spaces are single.
/// Recognition is the inverse of rendering over 1–<see cref="Max"/>.
/// </summary>
public sealed partial class Ordinals
{
    public const int Max = 200;
    private static readonly CultureInfo En = new("en"), Zh = new("zh"), Ar = new("ar");

    private readonly string[] _en = new string[Max + 1];
    private readonly string[] _zh = new string[Max + 1];
    private readonly string[] _arNom = new string[Max + 1];
    private readonly string[] _arGen = new string[Max + 1];
    private readonly Dictionary<string, (int N, ArabicCase Case)> _byText = new(StringComparer.OrdinalIgnoreCase);

    public static Ordinals Default { get; } = new();

    public Ordinals()
    {
        for (int n = 1; n <= Max; n++)
        {
            _en[n] = n.ToString(NumberPresentation.SpellOut, "%spellout-ordinal", En);
            _zh[n] = n.ToString(NumberPresentation.SpellOut, "%spellout-cardinal", Zh);
            _arNom[n] = FixArabic(n.ToString(NumberPresentation.SpellOut, "%spellout-ordinal-feminine", Ar));
            _arGen[n] = Genitive(_arNom[n]);
        }
        // Later entries must not shadow earlier ones: the nominative wins where both cases are written alike.
        for (int n = Max; n >= 1; n--)
        {
            _byText[_arGen[n]] = (n, ArabicCase.Genitive);
        }
        for (int n = Max; n >= 1; n--)
        {
            _byText[_en[n]] = (n, ArabicCase.Nominative);
            _byText[_zh[n]] = (n, ArabicCase.Nominative);
            _byText[_arNom[n]] = (n, ArabicCase.Nominative);
        }
        Pattern = new Dictionary<string, string>
        {
            ["en"] = Alternation(_en.Skip(1)),
            ["zh"] = "[〇零一二三四五六七八九十百]+",
            ["ar"] = Alternation(_arNom.Skip(1).Concat(_arGen.Skip(1))),
        };
    }

    /// <summary>Regex fragments (no anchors) that find an ordinal of this set in each language.</summary>
    public IReadOnlyDictionary<string, string> Pattern { get; }

    private static string Alternation(IEnumerable<string> forms) =>
        "(?:" + string.Join('|', forms.Distinct().OrderByDescending(f => f.Length).Select(Regex.Escape)) + ")";

    /// <summary>UN style: a single space between words, and <c>و</c> joined to the word after it.</summary>
    private static string FixArabic(string s)
    {
        s = Spaces.Collapse(s);
        return s.Contains('و') ? JoinedConjunction().Replace(s, "$1و") : s;
    }

    /// <summary>Only the tens word declines: <c>ـون</c> → <c>ـين</c>.</summary>
    private static string Genitive(string nominative) =>
        TensWord().Replace(nominative, "ين");

    [GeneratedRegex(@"(^|\s)و\s+", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedConjunction();

    [GeneratedRegex(@"ون(?=$|\s)", RegexOptions.CultureInvariant)]
    private static partial Regex TensWord();

    /// <param name="capitalize">English only: capitalise the first letter (a field that starts with the ordinal).</param>
    public string Render(int n, string lang, ArabicCase arabicCase = ArabicCase.Nominative, bool capitalize = false)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        string s = lang switch
        {
            "zh" => n <= Max ? _zh[n] : n.ToString(NumberPresentation.SpellOut, "%spellout-cardinal", Zh),
            "ar" => n <= Max ? (arabicCase == ArabicCase.Genitive ? _arGen[n] : _arNom[n])
                             : FixArabic(n.ToString(NumberPresentation.SpellOut, "%spellout-ordinal-feminine", Ar)),
            _ => n <= Max ? _en[n] : n.ToString(NumberPresentation.SpellOut, "%spellout-ordinal", En),
        };
        return capitalize && lang == "en" ? char.ToUpperInvariant(s[0]) + s[1..] : s;
    }

    /// <summary>The number and Arabic case of an ordinal written in any of the three languages, or null.</summary>
    public (int Number, ArabicCase Case)? Recognize(string text)
    {
        var t = Spaces.Collapse(text);
        if (_byText.TryGetValue(t, out var hit)) return hit;
        // Tolerate ICU's own spacing (و الأربعون) on input.
        var fixedAr = FixArabic(t);
        return _byText.TryGetValue(fixedAr, out hit) ? hit : null;
    }
}
