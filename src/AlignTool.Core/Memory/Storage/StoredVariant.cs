using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// A variant as a backend reads it back: its text and its template's slots as stored. Its normalized and template
/// forms are Core's, computed here on first use, so that a backend never prepares a text.
/// </summary>
/// <param name="TemplateSpans">The slots of its template form (<see cref="Preparation.TemplateSpans"/>), or null.</param>
public sealed record StoredVariant(long Id, Language Lang, string Text, string? TemplateSpans, int Usage, IReadOnlyList<string> Documents, IReadOnlyList<Occurrence> Occurrences)
{
    private string? _norm;
    private string? _template;

    /// <summary>The normalized text (<see cref="TextNormalizer"/>).</summary>
    public string Norm => _norm ??= TextNormalizer.Normalize(Text);

    /// <summary>The template form, or null when the text has no slots.</summary>
    public string? Template => TemplateSpans is null ? null : _template ??= Preparation.TemplateSpans.Apply(Text, TemplateSpans);
}
