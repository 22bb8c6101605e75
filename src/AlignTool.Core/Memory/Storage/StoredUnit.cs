namespace AlignTool.Core.Memory.Storage;

public sealed record StoredUnit(long Id, string English, string EnglishNorm, string? EnglishTemplate, int EnglishLength, string? Via, IReadOnlyList<StoredVariant> Variants);
