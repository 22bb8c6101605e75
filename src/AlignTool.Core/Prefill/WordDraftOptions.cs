namespace AlignTool.Core.Prefill;

/// <summary>How a Word draft marks what a translator must look at: highlight colours (Word's names) in place of the
/// Markdown draft's <c>[EN] </c> and <c>[~NN%] </c> markers.</summary>
public sealed record WordDraftOptions
{
    public static readonly WordDraftOptions Default = new();

    /// <summary>A segment left in English for want of a match.</summary>
    public string UnmatchedHighlight { get; init; } = "yellow";

    /// <summary>A fuzzy fill, to review.</summary>
    public string FuzzyHighlight { get; init; } = "cyan";
}
