namespace AlignTool.Core.Memory.Storage;

/// <summary>A unit as exported, with every variant.</summary>
/// <param name="Via">For a catalogue row, its id (its texts are templates, with or without slots).</param>
public sealed record ExportedUnit(long Id, string English, TextMeta Meta, IReadOnlyDictionary<string, string> Props, IReadOnlyList<ExportedVariant> Variants, string? Via = null);
