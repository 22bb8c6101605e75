namespace AlignTool.Core.Memory.Storage;

public sealed record DocumentInfo(long Id, string Name, string? Symbol, string? Job, string Languages, string Origin, int Units, string Added);
