namespace AlignTool.Core.Memory;

public sealed record MemoryStats(int Documents, int Units, int TemplateUnits, IReadOnlyDictionary<string, int> VariantsPerLanguage, int Occurrences, int SchemaVersion);
