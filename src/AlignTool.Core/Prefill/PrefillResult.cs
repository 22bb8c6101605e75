using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Text;

namespace AlignTool.Core.Prefill;

/// <summary>How a source segment was handled.</summary>
public enum PrefillAction
{
    /// <summary>The match was written into the draft.</summary>
    Filled,
    /// <summary>A fuzzy match was written into the draft, marked for review.</summary>
    FilledForReview,
    /// <summary>Left in English: a match only suggested (below the fill threshold) or none at all.</summary>
    LeftInEnglish,
    /// <summary>Kept as it is by house style: masthead lines, barcode, the annex reproduced as received.</summary>
    Kept,
}

/// <summary>One source segment of the draft.</summary>
public sealed record PrefillSegment(
    int Id,
    int Block,
    string Zone,
    string Field,
    TextSpan SourceSpan,
    string Source,
    string Target,
    MatchKind Kind,
    int Score,
    string Via,
    PrefillAction Action,
    MemoryMatch? Suggestion,
    int Words)
{
    /// <summary>The matches the memory gave for the segment (at most three, the best first), the one used among them.</summary>
    public IReadOnlyList<MemoryMatch> Candidates { get; init; } = [];
}

/// <summary>Counts of a prefill run: segments by match kind, and the share of segments and words prefilled.</summary>
public sealed record PrefillReport(string TargetLang, IReadOnlyDictionary<MatchKind, int> ByKind, int Segments, int SegmentsFilled, int SegmentsForReview, int SegmentsKept, int Words, int WordsFilled, int Suggestions)
{
    /// <summary>Segments the draft fills (for review or not) among those to translate (kept ones aside).</summary>
    public double SegmentShare => Segments - SegmentsKept == 0 ? 0 : (double)(SegmentsFilled + SegmentsForReview) / (Segments - SegmentsKept);

    public double WordShare => Words == 0 ? 0 : (double)WordsFilled / Words;

    /// <summary>Segments left in English, by cover field (<c>title</c>, <c>agenda-title</c>…) or, for running text, by
    /// zone (<c>body</c>).</summary>
    public IReadOnlyDictionary<string, int> LeftInEnglishByField { get; init; } = new Dictionary<string, int>();

    /// <summary>States named in segments left in English whose name in the target language is not known (the English
    /// name), each once: the reason such a title stayed in English.</summary>
    public IReadOnlyList<string> UnknownStates { get; init; } = [];
}

public sealed record PrefillResult(string Draft, IReadOnlyList<PrefillSegment> Segments, PrefillReport Report)
{
    /// <summary>The draft with a slot for each segment to translate (by <see cref="PrefillSegment.Id"/>): what rebuilds
    /// it from translations made elsewhere (an XLIFF file).</summary>
    public DraftSkeleton? Skeleton { get; init; }
}
