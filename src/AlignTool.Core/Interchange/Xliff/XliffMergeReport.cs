namespace AlignTool.Core.Interchange.Xliff;

/// <summary>What a merge wrote: segments with a confirmed translation (translated, reviewed, final), with a translation
/// still to review (written with the review mark), and left in English (no translation, or no unit for the slot).</summary>
public sealed record XliffMergeReport(int Translated, int NeedsReview, int Untranslated);
