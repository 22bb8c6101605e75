namespace AlignTool.Core.Memory.Storage;

/// <summary>Where a variant was seen: its zone and cover field, its position, and its context (the English of the
/// segments before and after it).</summary>
public sealed record Occurrence(string? Zone, string? Field, int Position, string? Previous, string? Next);
