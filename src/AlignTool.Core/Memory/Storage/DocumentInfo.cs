using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>A document the memory holds, as <c>docs</c> lists it.</summary>
/// <param name="ContentHash">The hash of its content (<see cref="Ingest.UnitExtractor.ContentHash"/>): the same file
/// ingested twice is one document.</param>
/// <param name="Added">When it was stored (<see cref="TextMeta.Stamp"/>).</param>
public sealed record DocumentInfo(long Id, string Name, string ContentHash, string? Symbol, string? Job, IReadOnlyList<Language> Languages, string Origin, int Units, string Added);
