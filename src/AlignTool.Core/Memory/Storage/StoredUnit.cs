using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// A unit as a backend reads it back: the English key, its template's slots as stored, and its variants. Its
/// normalized and template forms are Core's, computed here on first use, so that a backend never prepares a text.
/// </summary>
public sealed record StoredUnit(long Id, string English, string? EnglishTemplateSpans, int EnglishLength, string? Via, IReadOnlyList<StoredVariant> Variants)
{
    private string? _norm;
    private string? _template;

    /// <summary>The normalized English (<see cref="TextNormalizer"/>).</summary>
    public string EnglishNorm => _norm ??= TextNormalizer.Normalize(English);

    /// <summary>The English template form, or null when the English has no slots.</summary>
    public string? EnglishTemplate => EnglishTemplateSpans is null ? null : _template ??= TemplateSpans.Apply(English, EnglishTemplateSpans);
}
