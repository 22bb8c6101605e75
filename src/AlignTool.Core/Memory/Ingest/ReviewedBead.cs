using AlignTool.Core.Alignment;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>A bead the gate did not store, with its English and its translation, for a person to review.</summary>
public sealed record ReviewedBead(Bead Bead, string English, string Translation);
