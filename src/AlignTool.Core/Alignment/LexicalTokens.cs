using System.Text;
using AlignTool.Core.Data;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>
/// The words the aligner's lexical model compares: English lower-cased and lightly stemmed (plural, possessive, regular
/// verb endings), Arabic folded (diacritics, tatweel, alef and hamza forms, ta marbuta) and lightly stemmed (the
/// proclitics و ف ب ك ل, the article ال), Chinese one Han character a token. The affixes live in
/// <c>tm-data/rules/alignment/</c>. Digits are left out: numbers are anchors of their own.
/// </summary>
public sealed class LexicalTokens
{
    private readonly int _minStem;
    private readonly string[] _prefixes;
    private readonly (string Suffix, string Replacement)[] _suffixes;
    private readonly string[] _dropFinal;
    private readonly bool _han;
    private readonly bool _arabic;

    private LexicalTokens(string lang)
    {
        _han = lang == LanguageTag.Chinese;
        _arabic = lang == LanguageTag.Arabic;
        var file = LanguageTag.IsSupported(lang) ? lang : LanguageTag.English;
        var sections = EmbeddedData.Sections(EmbeddedData.ReadRule($"alignment/{file}.txt"));
        _minStem = int.Parse(sections.GetValueOrDefault("min-stem", ["1"])[0], System.Globalization.CultureInfo.InvariantCulture);
        _prefixes = [.. sections.GetValueOrDefault("prefix", []).OrderByDescending(p => p.Length)];
        _suffixes = [.. sections.GetValueOrDefault("suffix", [])
            .Select(s => s.Split('>') is [var a, var b] ? (a, b) : (s, ""))
            .OrderByDescending(s => s.Item1.Length)];
        _dropFinal = [.. sections.GetValueOrDefault("drop-final", [])];
    }

    private static readonly Dictionary<string, LexicalTokens> Cache = [];

    /// <summary>The tokenizer of a language (en, ar, zh; any other language is read as English).</summary>
    public static LexicalTokens For(string lang)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(lang, out var t)) Cache[lang] = t = new LexicalTokens(lang);
            return t;
        }
    }

    /// <summary>The distinct tokens of a text, in order of first appearance.</summary>
    public IReadOnlyList<string> Of(string text)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_han)
        {
            foreach (var c in text)
                if (Scripts.IsHan(c)) { var s = c.ToString(); if (seen.Add(s)) result.Add(s); }
            return result;
        }
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var w = Stem(word.ToString());
            word.Clear();
            if (w.Length >= 2 && seen.Add(w)) result.Add(w);
        }
        foreach (var raw in text)
        {
            char c = _arabic ? Fold(raw) : raw;
            if (c == '\0') continue;
            if (char.IsLetter(c) || c == '\'' || c == '’') word.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return result;
    }

    /// <summary>An Arabic letter as stems compare it: the folding every comparison shares, and ة as ه ('\0' for a
    /// dropped mark).</summary>
    internal static char Fold(char c)
    {
        c = TextNormalizer.FoldArabic(c);
        return c == 'ة' ? 'ه' : c;
    }

    /// <summary>One word stripped of at most one prefix and one suffix, keeping a stem of the stated length.</summary>
    public string Stem(string word)
    {
        word = word.Trim('\'', '’');
        foreach (var p in _prefixes)
            if (word.Length - p.Length >= _minStem && word.StartsWith(p, StringComparison.Ordinal)) { word = word[p.Length..]; break; }
        foreach (var (s, r) in _suffixes)
            if (word.Length - s.Length >= _minStem && word.EndsWith(s, StringComparison.Ordinal)
                && !(s == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                word = word[..^s.Length] + r;
                break;
            }
        foreach (var f in _dropFinal)
            if (word.Length - f.Length >= _minStem && word.EndsWith(f, StringComparison.Ordinal)) { word = word[..^f.Length]; break; }
        return word;
    }

}
