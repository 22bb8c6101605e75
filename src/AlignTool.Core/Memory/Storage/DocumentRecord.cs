using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>A document as the memory records it.</summary>
/// <param name="Origin">Where it came from: <c>tm-data</c> (the default corpus), <c>user</c> (ingested), <c>tmx</c>, <c>catalog</c>.</param>
/// <param name="Languages">Read again when the document's units are all stored: an import learns them as it reads.</param>
public sealed record DocumentRecord(string Name, string ContentHash, string? Symbol, string? Job, string? Date, IReadOnlyList<Language> Languages, string Origin);
