using AlignTool.Core.Alignment;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>How <see cref="Ingestor.IngestPair"/> aligns and gates a pair of versions.</summary>
public sealed record PairIngestOptions
{
    public static readonly PairIngestOptions Default = new();

    public AlignOptions Align { get; init; } = AlignOptions.Default;

    public PairGateOptions Gate { get; init; } = PairGateOptions.Default;

    /// <summary>Read the memory's own pairs (and the catalogue's and the glossary's) as lexical evidence.</summary>
    public bool UseMemory { get; init; } = true;
}
