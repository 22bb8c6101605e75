namespace AlignTool.Core.Memory.Ingest;

/// <summary>What ingesting one document did.</summary>
public sealed record IngestReport(string Name, IngestStatus Status, int Units, int Variants, string Note);
