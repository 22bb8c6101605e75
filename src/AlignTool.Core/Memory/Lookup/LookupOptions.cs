using AlignTool.Core.Documents;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>What to look up and how: thresholds, how many, the context of the segment.</summary>
public sealed record LookupOptions
{
    public static readonly LookupOptions Default = new();

    /// <summary>Fuzzy matches below this score are not returned.</summary>
    public int MinScore { get; init; } = 70;

    public int Limit { get; init; } = 5;

    /// <summary>The English of the segment before the query, when known (for context matches).</summary>
    public string? Previous { get; init; }

    public string? Next { get; init; }

    /// <summary>The cover field the query fills, when known.</summary>
    public CoverField? Field { get; init; }

    /// <summary>Most candidates re-scored per query: the early cut-off of candidate generation.</summary>
    public int MaxCandidates { get; init; } = 25;

    /// <summary>Most units with the query's template that are re-rendered (catalogue rows first, then the most used).</summary>
    public int MaxTemplateUnits { get; init; } = 10;

    /// <summary>Most postings read per query; past it only the rarest grams are read.</summary>
    public int PostingBudget { get; init; } = 50_000;
}
