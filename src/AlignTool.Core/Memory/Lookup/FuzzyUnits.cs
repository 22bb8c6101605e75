using AlignTool.Core.Alignment;
using AlignTool.Core.Data;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// What a fuzzy score reads of each unit: its stem (a translator sees <c>situations</c> and <c>situation</c>,
/// <c>Council’s</c> and <c>Council</c> as the same word) and its weight (a content word 1, a function word, a number
/// or a mark of punctuation less). English stems are Snowball's (Porter2, from Lucene.Net.Analysis.Common); Arabic
/// stems come from the aligner's light stemmer (<c>tm-data/rules/alignment/ar.txt</c>: folding, proclitics, the
/// article, light10's suffixes); function words from <c>tm-data/rules/fuzzy/</c>; Chinese units are characters.
/// </summary>
internal sealed class FuzzyUnits
{
    /// <summary>Weight of a content word, the unit of the score.</summary>
    public const double ContentWeight = 1.0;

    /// <summary>Weight of a function word (article, preposition, conjunction, auxiliary, pronoun): adding or dropping
    /// one is a small edit.</summary>
    public const double FunctionWeight = 0.5;

    /// <summary>Weight of a mark of punctuation.</summary>
    public const double PunctuationWeight = 0.2;

    /// <summary>Share of a unit's weight that an inflection costs (same stem, another form).</summary>
    public const double InflectionShare = 0.5;

    /// <summary>Cost of one number standing for another: the edit a template match would re-render.</summary>
    public const double NumberChange = 0.5;

    private readonly HashSet<string> _function;
    private readonly LexicalTokens? _stemmer;
    private readonly bool _arabic;
    private readonly bool _english;

    /// <summary>Snowball's English stemmer (Porter2), from Lucene.Net.Analysis.Common; one per thread.</summary>
    private static readonly ThreadLocal<Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer> English = new(() => new());

    /// <summary>The Snowball English stem of a lower-cased word.</summary>
    public static string Snowball(string word)
    {
        var s = English.Value!;
        s.SetCurrent(word);
        s.Stem();
        return s.Current;
    }

    private FuzzyUnits(string lang)
    {
        _arabic = lang == LanguageTag.Arabic;
        _english = lang == LanguageTag.English;
        _stemmer = lang == LanguageTag.Arabic ? LexicalTokens.For(lang) : null;
        var file = $"fuzzy/{lang}.txt";
        _function = EmbeddedData.HasRule(file) ? [.. EmbeddedData.Sections(EmbeddedData.ReadRule(file)).GetValueOrDefault("function", [])] : [];
    }

    private static readonly Dictionary<string, FuzzyUnits> Cache = [];

    /// <summary>The reader of <paramref name="lang"/>'s units. One scoring reads its query and its candidates with the
    /// same reader (their numbers must agree); a reader that has numbered <see cref="MaxNumbered"/> texts is
    /// replaced by a new one for later scorings, so that a server's long run of new words does not grow without end.</summary>
    public static FuzzyUnits For(string lang) => For(lang, MaxNumbered);

    /// <summary><see cref="For(string)"/> with another limit (tests).</summary>
    internal static FuzzyUnits For(string lang, int maxNumbered)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(lang, out var u) || u._ids.Count >= maxNumbered) Cache[lang] = u = new FuzzyUnits(lang);
            return u;
        }
    }

    /// <summary>Most texts and stems a reader numbers before it is replaced (some tens of MB).</summary>
    public const int MaxNumbered = 1_000_000;

    public enum Kind : byte { Content, Function, Number, Punctuation }

    /// <summary>A unit as scored: its text and stem, each also as a number (the edit distance compares numbers), its
    /// kind and weight.</summary>
    public readonly record struct Unit(string Text, string Stem, Kind Kind, double Weight, int TextId, int StemId);

    public Unit[] Read(IReadOnlyList<string> units)
    {
        var result = new Unit[units.Count];
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (!_seen.TryGetValue(u, out var unit))
            {
                unit = Classify(u);
                if (_seen.Count < MaxRemembered) _seen.TryAdd(u, unit);
            }
            result[i] = unit;
        }
        return result;
    }

    /// <summary>A number for a text or a stem, the same for every call (texts and stems share the numbering).</summary>
    private int Id(string text) =>
        _ids.TryGetValue(text, out var id) ? id : _ids.GetOrAdd(text, _ => Interlocked.Increment(ref _lastId));

    private int _lastId = -1;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>Units already classified: a memory's candidates repeat the same few thousand words.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Unit> _seen = new(StringComparer.Ordinal);

    /// <summary>Most units remembered (a few MB).</summary>
    private const int MaxRemembered = 200_000;

    private Unit Classify(string u)
    {
        if (u.Length > 0 && u.All(char.IsDigit)) return new Unit(u, u, Kind.Number, ContentWeight, Id(u), Id(u));
        if (!u.Any(char.IsLetterOrDigit)) return new Unit(u, u, Kind.Punctuation, PunctuationWeight, Id(u), Id(u));
        var folded = _arabic ? Fold(u) : u;
        bool function = _function.Contains(folded) || (_arabic && folded.Length > 2 && folded[0] is 'و' or 'ف' && _function.Contains(folded[1..]));
        var stem = _english ? Snowball(folded) : _stemmer?.Stem(folded) ?? u;
        return new Unit(u, stem, function ? Kind.Function : Kind.Content, function ? FunctionWeight : ContentWeight, Id(u), Id(stem));
    }

    private static string Fold(string word) => new([.. word.Select(LexicalTokens.Fold).Where(c => c != '\0')]);
}
