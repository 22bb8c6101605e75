using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>A text as the memory keeps and indexes it: raw, normalized, its template form and its index grams.</summary>
/// <param name="Template">The template form, when the text has placeables (or is a catalogue template).</param>
/// <param name="TemplateSpans">The same template as the memory stores it: the offsets of its slots in the text
/// (<see cref="Preparation.TemplateSpans"/>).</param>
public sealed record PreparedText(Language Lang, string Text, string Norm, long NormHash, string? Template, long? TemplateHash, IReadOnlyCollection<long> Grams, int Length, string? TemplateSpans = null)
{
    /// <summary><see cref="Preparation.TextIdentity"/> of <see cref="Text"/>, computed where texts are prepared (in parallel, for
    /// an ingest); 0 when not computed.</summary>
    public long TextHash { get; init; }
}
