using System.Collections.Frozen;
using AlignTool.Core.Data;

namespace AlignTool.Core.Segmentation;

/// <summary>
/// The exception layer of one language, read from <c>tm-data/rules/segmentation/LANG.txt</c> and <c>common.txt</c>:
/// abbreviations that never end a sentence (<see cref="Prefixes"/>), abbreviations that end one only before a
/// sentence starter (<see cref="Abbreviations"/>, <see cref="Starters"/>), and bracket pairs inside which no
/// sentence ends.
/// </summary>
public sealed class SegmentationRules
{
    public SegmentationRules(string language, IEnumerable<string> prefixes, IEnumerable<string> abbreviations, IEnumerable<string> starters, IEnumerable<(char Open, char Close)> brackets)
    {
        Language = language;
        Prefixes = prefixes.ToFrozenSet(StringComparer.Ordinal);
        Abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal);
        Starters = starters.ToFrozenSet(StringComparer.Ordinal);
        Brackets = brackets.ToArray();
    }

    public string Language { get; }

    public FrozenSet<string> Prefixes { get; }

    public FrozenSet<string> Abbreviations { get; }

    public FrozenSet<string> Starters { get; }

    public IReadOnlyList<(char Open, char Close)> Brackets { get; }

    private static readonly Dictionary<string, SegmentationRules> Cache = [];

    /// <summary>The embedded rules of <paramref name="language"/>; a language without a file gets the common rules only.</summary>
    public static SegmentationRules For(string language)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(language, out var cached)) return cached;
            var common = EmbeddedData.Sections(EmbeddedData.ReadRule("segmentation/common.txt"));
            var brackets = common.GetValueOrDefault("brackets", []).Where(p => p.Length == 2).Select(p => (p[0], p[1]));
            var file = $"segmentation/{language}.txt";
            var own = EmbeddedData.HasRule(file) ? EmbeddedData.Sections(EmbeddedData.ReadRule(file)) : new Dictionary<string, IReadOnlyList<string>>();
            var rules = new SegmentationRules(
                language,
                own.GetValueOrDefault("prefix", []),
                own.GetValueOrDefault("abbreviation", []),
                own.GetValueOrDefault("starter", []),
                brackets);
            Cache[language] = rules;
            return rules;
        }
    }
}
