using System.Globalization;
using System.Text;

namespace AlignTool.Core.Memory.Preparation;

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
        if (PlainAscii(text) is { } plain) return plain;
        var s = Nfkc(text);
        // Every text of an ingest passes here: a pooled buffer, and the scripts without case (Arabic, CJK) and
        // ASCII take a short path; every other character takes the general one.
        char[]? rented = s.Length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(s.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[512];
        int n = 0;
        bool space = false;
        foreach (var c0 in s)
        {
            char c = c0;
            if (c < '\u0080')
            {
                if (char.IsWhiteSpace(c)) { space = n > 0; continue; }
                if (c is '*' or '\0') continue;
                if (c is >= 'A' and <= 'Z') c = (char)(c | 0x20);
                else if (c == '`') c = '\'';
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                c = ArabicFolds[c - '\u0600'];
                if (c == '\0') continue;
            }
            else if (c is >= '\u3400' and <= '\u9FFF')
            {
                // CJK ideographs: no case, no folding.
            }
            else
            {
                if (char.IsWhiteSpace(c)) { space = n > 0; continue; }
                c = FoldArabic(c);
                if (c == '\0') continue;
                c = c switch
                {
                    '’' or '‘' or '‛' => '\'',
                    '“' or '”' or '„' => '"',
                    '–' or '—' or '‑' => '-',
                    _ => char.ToLowerInvariant(c),
                };
            }
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = c;
        }
        var result = new string(buffer[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    // Printable ASCII that the general path keeps as it is (but for case), and the space.
    private static readonly System.Buffers.SearchValues<char> KeptAscii =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not '*' and not '`')]);

    /// <summary>
    /// Most English text is printable ASCII with single spaces between words: NFKC leaves it as it is and the general
    /// path only lowers its case, which is done here on whole vectors. Null for any other text (a control character,
    /// a dropped <c>*</c>, a folded backquote, white space to collapse or trim, anything beyond ASCII).
    /// </summary>
    private static string? PlainAscii(string text)
    {
        var span = text.AsSpan();
        if (span.IsEmpty || span[0] == ' ' || span[^1] == ' ' || span.IndexOfAnyExcept(KeptAscii) >= 0 || span.IndexOf("  ") >= 0) return null;
        if (!span.ContainsAnyInRange('A', 'Z')) return text;
        return string.Create(text.Length, text, static (into, from) => System.Text.Ascii.ToLower(from, into, out _));
    }

    /// <summary>NFKC; a text with code points Unicode leaves unassigned for good (a lone surrogate, U+FFFE) has them
    /// replaced by U+FFFD first, rather than failing.</summary>
    private static string Nfkc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes()) sb.Append(IsNoncharacter(rune.Value) ? "\uFFFD" : rune.ToString()); // invalid UTF-16 enumerates as U+FFFD
            return sb.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    private static bool IsNoncharacter(int c) => c is >= 0xFDD0 and <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;

    // FoldArabic of the Arabic block, looked up by the normalization's Arabic path.
    private static readonly char[] ArabicFolds = [.. Enumerable.Range('\u0600', 0x100).Select(c => FoldArabic((char)c))];

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
