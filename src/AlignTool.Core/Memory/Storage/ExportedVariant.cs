using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>A variant as exported: its text, dates, authors, usage, props and first occurrence.</summary>
public sealed record ExportedVariant(long Id, Language Lang, string Text, TextMeta Meta, IReadOnlyDictionary<string, string> Props, Occurrence? Occurrence, string? Document, string? Symbol);
