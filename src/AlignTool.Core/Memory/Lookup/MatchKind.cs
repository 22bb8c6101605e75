namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// How a memory match was found, best first (the order of docs/CLI.md); matches sort by kind, then by score.
/// </summary>
public enum MatchKind
{
    /// <summary>The same source text (after normalization) and, when the query gives one, the same context.</summary>
    Exact = 0,
    /// <summary>The same source text met in another context (other previous/next segment or field).</summary>
    Context = 1,
    /// <summary>The same text but for its slots (dates, ordinals, agenda items, countries, symbols): the target
    /// is re-rendered with the query's values.</summary>
    Template = 2,
    /// <summary>Similar text, scored by edit distance over words (English, Arabic) or characters (Chinese).</summary>
    Fuzzy = 3,
    /// <summary>A unit that contains the query as a term.</summary>
    Concordance = 4,
    /// <summary>Nothing found (prefill only).</summary>
    None = 5,
}
