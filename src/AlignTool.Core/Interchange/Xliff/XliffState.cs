namespace AlignTool.Core.Interchange.Xliff;

/// <summary>Where a segment's translation stands, from the least finished to the most. XLIFF 1.2's <c>state</c> (and
/// <c>approved</c>) and 2.0's segment <c>state</c> map onto it.</summary>
public enum XliffState
{
    /// <summary>No translation: no target, or an empty one.</summary>
    Untranslated,

    /// <summary>A translation not confirmed: a fuzzy fill (1.2 <c>new</c>, <c>needs-translation</c>, <c>needs-review-*</c>,
    /// <c>needs-l10n</c>, <c>needs-adaptation</c>, or no state and <c>approved="no"</c>; 2.0 <c>initial</c> with a target).</summary>
    NeedsReview,

    /// <summary>Translated (1.2 <c>translated</c>, or a target with no state; 2.0 <c>translated</c>).</summary>
    Translated,

    /// <summary>Reviewed (1.2 <c>signed-off</c> or <c>approved="yes"</c>; 2.0 <c>reviewed</c>).</summary>
    Reviewed,

    /// <summary>Final (1.2 and 2.0 <c>final</c>).</summary>
    Final,
}
