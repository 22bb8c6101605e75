namespace AlignTool.Core.Memory.Storage;

/// <summary>What one document's ingest did.</summary>
public sealed record IngestOutcome(bool AlreadyPresent, int UnitsAdded, int VariantsAdded, int OccurrencesAdded);
