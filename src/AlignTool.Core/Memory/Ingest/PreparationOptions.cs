namespace AlignTool.Core.Memory.Ingest;

/// <summary>How a stream of units is prepared in parallel.</summary>
public sealed record PreparationOptions
{
    public static readonly PreparationOptions Default = new();

    /// <summary>Units prepared together by one worker. Small enough that the batches held ahead die young: with 2,000
    /// units a batch they outlived the first collection and were promoted, and an ingest of 200,000 units ran 30
    /// full collections (1.9 s of pauses); with 500, 4 (0.5 s), and the ingest ran 20% faster.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Batches prepared at once: every core but the one the consumer (the memory's writer) runs on. A writer
    /// that shares its core with the workers waits for them, and it is the slowest stage.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Batches held ahead of the consumer (prepared or being prepared): unless set, three more than the workers.
    /// With two more, the worker of a two-core machine often found nothing left to prepare while the writer stored
    /// (1.66 cores busy on average over a million-unit ingest; 1.72-1.75 with three or four more). With six more, the
    /// held batches outlived their first collection and the ingest cost more CPU.</summary>
    public int Ahead
    {
        get => _ahead ?? Workers + 3;
        init => _ahead = value;
    }

    private readonly int? _ahead;
}
