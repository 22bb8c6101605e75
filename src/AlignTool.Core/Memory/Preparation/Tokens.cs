using System.Globalization;
using AlignTool.Core.Text;
using ICU4N.Text;

namespace AlignTool.Core.Memory.Preparation;

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
        var result = new List<string>(normalized.Length / 4 + 4); // about a word in five characters: seldom grown
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

    /// <summary>
    /// Index grams of normalized text, hashed and salted with the language: words (runs of letters and digits) for
    /// English and Arabic, character bigrams for Chinese (the character itself when there is only one). A plain
    /// scan, not ICU: grams only choose candidates, which are then scored on ICU words.
    /// </summary>
    public static HashSet<long> Grams(string normalized, string lang)
    {
        var set = new HashSet<long>();
        GramsInto(normalized, lang, set, out _);
        return set;
    }

    /// <summary>Adds the grams of <paramref name="normalized"/> to <paramref name="into"/>; <paramref name="words"/>
    /// counts the words (or characters, for Chinese): the text's length for the length filter.</summary>
    public static void GramsInto(string normalized, string lang, HashSet<long> into, out int words)
    {
        var set = new GramSet();
        GramsInto(normalized, lang, set, out words);
        foreach (var gram in set.Items) into.Add(gram);
    }

    /// <summary>As above, into a set a preparer reuses for every text.</summary>
    internal static void GramsInto(string normalized, string lang, GramSet into, out int words)
    {
        words = 0;
        ulong salt = Salt(lang);
        if (lang == LanguageTag.Chinese)
        {
            char prev = '\0';
            int count = 0;
            foreach (var c in normalized)
            {
                if (!Scripts.IsLetterOrDigit(c)) { prev = '\0'; continue; }
                count++;
                if (prev != '\0') into.Add(unchecked((long)Mix(Mix(salt, prev), c)));
                prev = c;
            }
            words = count;
            if (count == 1)
            {
                foreach (var c in normalized) if (Scripts.IsLetterOrDigit(c)) into.Add(unchecked((long)Mix(salt, c)));
            }
            return;
        }
        ulong h = salt;
        bool inWord = false;
        foreach (var c in normalized)
        {
            if (Scripts.IsLetterOrDigit(c))
            {
                h = Mix(h, c);
                inWord = true;
                continue;
            }
            if (inWord)
            {
                into.Add(unchecked((long)h));
                words++;
                h = salt;
                inWord = false;
            }
            if (!char.IsWhiteSpace(c)) words++; // punctuation is a unit of its own in scoring
        }
        if (inWord)
        {
            into.Add(unchecked((long)h));
            words++;
        }
    }

    /// <summary>Plain units (runs of letters and digits, other characters one by one; characters for Chinese): a fast
    /// stand-in for ICU's words, used only to bound a score before the real one is computed.</summary>
    public static List<string> PlainUnits(string normalized, string lang)
    {
        var list = new List<string>(normalized.Length / 4 + 4);
        foreach (var (start, length) in PlainUnitRanges(normalized, lang == LanguageTag.Chinese)) list.Add(normalized.Substring(start, length));
        return list;
    }

    /// <summary>Where the plain units of <see cref="PlainUnits"/> are in the text, without cutting it into strings:
    /// runs of letters and digits and other marks one by one, or (<paramref name="byCharacter"/>, Chinese) every
    /// character but white space.</summary>
    public static PlainUnitEnumerator PlainUnitRanges(string normalized, bool byCharacter) => new(normalized, byCharacter);

    /// <summary>The ranges <see cref="PlainUnitRanges"/> gives, as a loop over the text with no allocation.</summary>
    public struct PlainUnitEnumerator(string text, bool byCharacter)
    {
        private int _next;

        public (int Start, int Length) Current { get; private set; }

        public readonly PlainUnitEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_next < text.Length)
            {
                int i = _next;
                char c = text[i];
                if (!byCharacter && char.IsLetterOrDigit(c))
                {
                    int end = i + 1;
                    while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                    _next = end;
                    Current = (i, end - i);
                    return true;
                }
                _next = i + 1;
                if (char.IsWhiteSpace(c) || (!byCharacter && c == '*')) continue;
                Current = (i, 1);
                return true;
            }
            return false;
        }
    }

    private static ulong Salt(string lang)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in lang) h = Mix(h, c);
        return Mix(h, ':');
    }

    private static ulong Mix(ulong h, char c) => unchecked((h ^ c) * 1099511628211UL);
}
