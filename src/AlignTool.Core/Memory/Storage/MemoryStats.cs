namespace AlignTool.Core.Memory.Storage;

public sealed record MemoryStats(int Documents, int Units, int TemplateUnits, IReadOnlyDictionary<string, int> VariantsPerLanguage, int Occurrences, int SchemaVersion);
