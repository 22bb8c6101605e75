namespace AlignTool.Core.Memory;

public sealed record StoredUnit(long Id, string English, string EnglishNorm, string? EnglishTemplate, int EnglishLength, string? Via, IReadOnlyList<StoredVariant> Variants);
