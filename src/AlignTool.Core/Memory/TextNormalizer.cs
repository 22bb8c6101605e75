using System.Globalization;
using System.Text;

namespace AlignTool.Core.Memory;

/// <summary>
/// The form texts are compared in: NFKC (full-width digits and letters fold), one space for any white space,
/// typographic quotes and dashes folded, footnote markers dropped, lower case for Latin script; for Arabic the
/// diacritics (harakat, superscript alef), tatweel and the alef and hamza variants are folded
/// (أ إ آ ٱ → ا, ؤ → و, ئ → ي, ى → ي).
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c0 in s)
        {
            char c = c0;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (c == '*') continue;
            c = FoldArabic(c);
            if (c == '\0') continue;
            c = c switch
            {
                '’' or '‘' or '‛' or '`' => '\'',
                '“' or '”' or '„' => '"',
                '–' or '—' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            };
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The Arabic folding every comparison shares: diacritics (harakat, superscript alef, Quranic marks), tatweel
    /// and bidi marks dropped (<c>'\0'</c>); alef and hamza forms folded (أ إ آ ٱ → ا, ؤ → و, ئ ى → ي).
    /// </summary>
    public static char FoldArabic(char c)
    {
        if (IsArabicDiacritic(c) || c == '\u0640' || Text.Scripts.IsBidiControl(c)) return '\0';
        return c switch
        {
            'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ئ' or 'ى' => 'ي',
            _ => c,
        };
    }

    private static bool IsArabicDiacritic(char c) => (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED');

    /// <summary>A stable 64-bit hash (FNV-1a over UTF-16 code units), for keys that must not change between runs.</summary>
    public static long Hash(string s)
    {
        unchecked
        {
            ulong h = 14695981039346656037UL;
            foreach (var c in s)
            {
                h ^= c;
                h *= 1099511628211UL;
            }
            return (long)h;
        }
    }

    internal static string Lower(string s) => s.ToLower(CultureInfo.InvariantCulture);
}
