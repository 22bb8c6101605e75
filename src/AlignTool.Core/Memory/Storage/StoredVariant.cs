namespace AlignTool.Core.Memory.Storage;

public sealed record StoredVariant(long Id, string Lang, string Text, string Norm, string? Template, int Usage, IReadOnlyList<string> Documents, IReadOnlyList<Occurrence> Occurrences);
