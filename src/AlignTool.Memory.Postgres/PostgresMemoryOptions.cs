namespace AlignTool.Memory.Postgres;

/// <summary>How a PostgreSQL memory is opened and written.</summary>
public sealed record PostgresMemoryOptions
{
    public static readonly PostgresMemoryOptions Default = new();

    /// <summary>Retries of a write transaction that failed on a serialization failure (40001) or a deadlock (40P01).</summary>
    public int Retries { get; init; } = 8;

    /// <summary>The first delay between retries (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Units read, looked up and written (COPY) together by an ingest.</summary>
    public int Batch { get; init; } = 10_000;

    /// <summary>Whether an ingest into an empty memory that fills a batch drops the tables' indexes and builds them
    /// again after its last row (in its own transaction): far faster than keeping them up to date row by row.</summary>
    public bool BulkLoad { get; init; } = true;

    /// <summary>Postings gathered in memory before they are written as one chunk per gram.</summary>
    public int PostingsHeld { get; init; } = 16_000_000;

    /// <summary>Chunks a gram may have before they are merged into one.</summary>
    public int ChunksPerGram { get; init; } = 8;

    /// <summary>Called before migrating a memory of an older schema (from, to).</summary>
    public Action<int, int>? OnUpgrade { get; init; }

    /// <summary>Called when a write is retried.</summary>
    public Action? OnRetry { get; init; }
}
