using AlignTool.Core.Text;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Placeables;
using AlignTool.Core.Qa;

namespace AlignTool.Core.Alignment;

/// <summary>
/// Lexical evidence from what is already known: the English–Arabic or English–Chinese pairs a memory holds (its units
/// and their variants), the boilerplate catalogue's fixed words and the glossary's approved terms, induced into a word
/// list the aligner reads before the pair itself teaches it anything. Alignment gets better as the memory grows.
/// </summary>
public static class MemoryLexicon
{
    /// <summary>Most units read from a memory: fifty thousand pairs give a stable word list in about a second.</summary>
    public const int DefaultMaxUnits = 50_000;

    /// <summary>The memory's (English, <paramref name="lang"/>) pairs, most recent units last, at most <paramref name="maxUnits"/>.</summary>
    public static IEnumerable<(string English, string Other)> Pairs(ITranslationMemory memory, Language lang, int maxUnits = DefaultMaxUnits)
    {
        int n = 0;
        foreach (var unit in memory.Export(null))
        {
            foreach (var v in unit.Variants)
                if (v.Lang == lang)
                {
                    yield return (unit.English, v.Text);
                    break;
                }
            if (++n >= maxUnits) yield break;
        }
    }

    /// <summary>The catalogue's rows with an English and a <paramref name="lang"/> template, slots left out.</summary>
    public static IEnumerable<(string English, string Other)> Pairs(Catalog catalog, string lang)
    {
        foreach (var e in catalog.Entries)
            if (e.Template("en") is { } en && e.Template(lang) is { } other)
                yield return (Literal(en), Literal(other));
    }

    /// <summary>The glossary's approved terms in <paramref name="lang"/>, each with its English term.</summary>
    public static IEnumerable<(string English, string Other)> Pairs(Glossary glossary, string lang)
    {
        foreach (var e in glossary.Entries)
            if (e.Approved.TryGetValue(lang, out var terms))
                foreach (var t in terms)
                    yield return (e.English, t);
    }

    private static string Literal(SlotTemplate t) => string.Join(' ', t.Parts.OfType<LiteralPart>().Select(p => p.Text));

    /// <summary>Fewest pairs a word list is induced from: the associations of a few hundred pairs are chance as often
    /// as not, and a partial, noisy list makes a bead that joins two sentences look better explained than the two
    /// beads it joins.</summary>
    public const int MinPairs = 500;

    /// <summary>A word list from English–<paramref name="otherLang"/> pairs, for aligning <paramref name="sourceLang"/>
    /// to <paramref name="targetLang"/> (English either side); empty below <see cref="MinPairs"/> pairs.</summary>
    public static BilingualLexicon Induce(IEnumerable<(string English, string Other)> pairs, string otherLang, string sourceLang, string targetLang)
    {
        var list = pairs.ToList();
        if (list.Count < MinPairs) return BilingualLexicon.Empty;
        var en = LexicalTokens.For("en");
        var other = LexicalTokens.For(otherLang);
        bool englishFirst = sourceLang == "en";
        if (!(englishFirst ? targetLang == otherLang : sourceLang == otherLang && targetLang == "en")) return BilingualLexicon.Empty;
        return BilingualLexicon.Induce(list.Select(p =>
        {
            var e = en.Of(p.English);
            var o = other.Of(p.Other);
            return englishFirst ? (e, o) : (o, e);
        }), Induction);
    }

    /// <summary>The word list known before a pair is read, for aligning <paramref name="sourceLang"/> to
    /// <paramref name="targetLang"/>: the catalogue's and the glossary's pairs, with those of <paramref name="memory"/>
    /// when given. Null when neither side is English, or both are.</summary>
    public static BilingualLexicon? Known(ITranslationMemory? memory, string sourceLang, string targetLang)
    {
        var other = sourceLang == "en" ? targetLang : targetLang == "en" ? sourceLang : null;
        if (other is null || other == "en") return null;
        var pairs = Pairs(Catalog.Default, other).Concat(Pairs(Glossary.Default, other));
        if (memory is not null) pairs = pairs.Concat(Pairs(memory, Language.Of(other)));
        return Induce(pairs, other, sourceLang, targetLang);
    }

    /// <summary>A memory's pairs come from many documents: only associations seen often and strongly are kept (a
    /// list induced from one pair's beads may be looser, since that pair's words recur).</summary>
    private static readonly LexiconInduction Induction = LexiconInduction.Default with
    {
        MinPairs = 5,
        MinDice = 0.5,
        MaxTranslations = 2,
    };
}
