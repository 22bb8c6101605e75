using System.Globalization;
using AlignTool.Core.Text;
using ICU4N.Text;

namespace AlignTool.Core.Memory;

/// <summary>
/// The units fuzzy matching works on: words (ICU word breaks) for English and Arabic, characters for Chinese;
/// and the grams the memory indexes: words, and character bigrams for Chinese. Not thread-safe (ICU iterators);
/// one instance per thread.
/// </summary>
public sealed class Tokens
{
    private readonly Dictionary<string, BreakIterator> _words = [];

    /// <summary>Scoring units of normalized text.</summary>
    public IReadOnlyList<string> Units(string normalized, string lang)
    {
        if (lang == LanguageTag.Chinese) return CharUnits(normalized);
        return Words(normalized, lang);
    }

    private static List<string> CharUnits(string normalized)
    {
        var list = new List<string>(normalized.Length);
        foreach (var c in normalized) if (!char.IsWhiteSpace(c)) list.Add(c.ToString());
        return list;
    }

    public List<string> Words(string normalized, string lang)
    {
        if (!_words.TryGetValue(lang, out var bi))
        {
            bi = BreakIterator.GetWordInstance(lang is "en" or "ar" or "zh" ? new CultureInfo(lang) : CultureInfo.InvariantCulture);
            _words[lang] = bi;
        }
        var result = new List<string>();
        bi.SetText(normalized);
        int start = bi.First();
        for (int end = bi.Next(); end != BreakIterator.Done; start = end, end = bi.Next())
        {
            bool word = false;
            for (int i = start; i < end; i++)
            {
                if (char.IsLetterOrDigit(normalized[i])) { word = true; break; }
            }
            if (word) result.Add(normalized[start..end]);
            else if (end - start == 1 && !char.IsWhiteSpace(normalized[start]) && normalized[start] != '*') result.Add(normalized[start..end]);
        }
        return result;
    }

    /// <summary>Index grams of normalized text (hashed, language-salted): word unigrams, or Chinese character bigrams
    /// (a single character when the text has only one).</summary>
    public HashSet<long> Grams(string normalized, string lang)
    {
        var set = new HashSet<long>();
        if (lang == LanguageTag.Chinese)
        {
            var chars = CharUnits(normalized).Where(u => char.IsLetterOrDigit(u[0])).ToList();
            if (chars.Count == 1) set.Add(TextNormalizer.Hash(lang + ":" + chars[0]));
            for (int i = 0; i + 1 < chars.Count; i++) set.Add(TextNormalizer.Hash(lang + ":" + chars[i] + chars[i + 1]));
            return set;
        }
        foreach (var w in Words(normalized, lang))
        {
            if (char.IsLetterOrDigit(w[0])) set.Add(TextNormalizer.Hash(lang + ":" + w));
        }
        return set;
    }
}
