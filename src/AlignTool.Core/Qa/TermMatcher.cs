using System.Text;
using AlignTool.Core.Text;

namespace AlignTool.Core.Qa;

/// <summary>
/// Finds a term in a text, language-aware: case-insensitive whole words for English; any position for Chinese (no
/// spaces); for Arabic after the same folding as the memory (alef and hamza forms, tatweel, diacritics) and with the
/// clitics a word may carry (و ف ب ل ك, and لل for ل + ال). Spans are in the original text.
/// </summary>
public static class TermMatcher
{
    public static TextSpan? Find(string text, string term, string lang)
    {
        var (t, map) = Fold(text, lang);
        var (needle, _) = Fold(term, lang);
        if (needle.Length == 0) return null;
        int from = 0;
        while (true)
        {
            int i = t.IndexOf(needle, from, StringComparison.Ordinal);
            if (i < 0 && lang == LanguageTag.Arabic && needle.StartsWith("ال", StringComparison.Ordinal))
            {
                // ل + ال is written لل: للجمعية العامة.
                int j = t.IndexOf("لل" + needle[2..], from, StringComparison.Ordinal);
                if (j >= 0 && Before(t, j, lang)) return Span(map, j, needle.Length);
                return null;
            }
            if (i < 0) return null;
            if (Before(t, i, lang) && After(t, i + needle.Length, lang)) return Span(map, i, needle.Length);
            from = i + 1;
        }
    }

    private static TextSpan Span(int[] map, int start, int length) => new(map[start], map[start + length - 1] - map[start] + 1);

    private static bool Before(string t, int i, string lang)
    {
        if (lang == LanguageTag.Chinese || i == 0 || !char.IsLetterOrDigit(t[i - 1])) return true;
        if (lang != LanguageTag.Arabic) return false;
        // One or two proclitics: و, ف, ب, ل, ك, and وب, ول …
        int k = i;
        for (int n = 0; n < 2 && k > 0 && "وفبلك".Contains(t[k - 1]); n++) k--;
        return k < i && (k == 0 || !char.IsLetterOrDigit(t[k - 1]));
    }

    private static bool After(string t, int end, string lang) =>
        lang == LanguageTag.Chinese || lang == LanguageTag.Arabic || end >= t.Length || !char.IsLetterOrDigit(t[end]);

    /// <summary>The text folded for matching, with for each folded character its index in the original.</summary>
    private static (string Text, int[] Map) Fold(string text, string lang)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = Memory.Preparation.TextNormalizer.FoldArabic(text[i]);
            if (c == '\0') continue;
            c = c switch
            {
                '’' => '\'',
                _ => lang == LanguageTag.English ? char.ToLowerInvariant(c) : c,
            };
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] == ' ') continue;
                c = ' ';
            }
            sb.Append(c);
            map.Add(i);
        }
        return (sb.ToString(), [.. map]);
    }
}
