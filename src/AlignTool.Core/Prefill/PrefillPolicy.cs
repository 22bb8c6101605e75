namespace AlignTool.Core.Prefill;

/// <summary>
/// What goes into a draft. A match scoring at least <see cref="FillThreshold"/> is written into the draft (a fuzzy
/// one marked for review); one between <see cref="SuggestThreshold"/> and the fill threshold is only listed in the
/// report; a segment without a match stays in English, marked.
/// </summary>
public sealed record PrefillPolicy
{
    public static readonly PrefillPolicy Default = new();

    /// <summary>Lowest score written into the draft. Exact, context and template matches score 97–100.</summary>
    public int FillThreshold { get; init; } = 90;

    /// <summary>Lowest score listed as a suggestion in the report.</summary>
    public int SuggestThreshold { get; init; } = 70;

    /// <summary>Put before a fuzzy fill; <c>{score}</c> is replaced by the match score.</summary>
    public string FuzzyMark { get; init; } = "[~{score}%] ";

    /// <summary>Put before a segment left in English for want of a match.</summary>
    public string UnmatchedMark { get; init; } = "[EN] ";

    /// <summary>The annex is reproduced as received (in the language of submission): left as it is, not looked up.</summary>
    public bool KeepAnnexAsReceived { get; init; } = true;
}
