namespace AlignTool.Core.Interchange.Xliff;

/// <summary>What an XLIFF import did: segments read, stored (translated, reviewed, final), new units and variants in the
/// memory, and those not stored: untranslated, still to review, not for translation (<c>translate="no"</c>).</summary>
public sealed record XliffImportReport(int Segments, int Stored, int Added, int VariantsAdded, int Untranslated, int NeedsReview, int NotForTranslation, bool AlreadyPresent);
