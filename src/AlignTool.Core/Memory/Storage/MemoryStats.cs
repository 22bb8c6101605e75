using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>What a memory holds, counted.</summary>
/// <param name="SchemaVersion">The version of the backend's stored layout (0 for a memory that stores nothing on
/// disk).</param>
public sealed record MemoryStats(int Documents, int Units, int TemplateUnits, IReadOnlyDictionary<Language, int> VariantsPerLanguage, int Occurrences, int SchemaVersion);
