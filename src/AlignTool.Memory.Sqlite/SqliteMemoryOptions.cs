namespace AlignTool.Memory.Sqlite;

/// <summary>How a memory file is opened.</summary>
public enum OpenMode
{
    /// <summary>The file must exist and be a memory.</summary>
    Existing,
    /// <summary>Create the file when it does not exist.</summary>
    CreateIfMissing,
}

public sealed record SqliteMemoryOptions
{
    public static readonly SqliteMemoryOptions Default = new();

    public OpenMode Mode { get; init; } = OpenMode.Existing;

    /// <summary>For a command that only reads: a memory whose file or folder cannot be written is opened read-only
    /// (not upgraded, no index rebuilt, every write refused) instead of being refused.</summary>
    public bool ReadOnlyWhenNotWritable { get; init; }

    /// <summary>How long SQLite itself waits on a lock before reporting SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whole-transaction retries after SQLITE_BUSY (Polly, exponential back-off with jitter).</summary>
    public int BusyRetries { get; init; } = 8;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>New units in one document past which it is loaded in bulk (indexes no write needs dropped and built again
    /// before the commit): worth it only for large imports. Never before the document has brought as many new units as
    /// the memory held, since building the indexes again costs in proportion to the whole memory.</summary>
    public int BulkLoadAfter { get; init; } = 10_000;

    /// <summary>Told each time a transaction is retried because another process holds the lock (to say that it waits).</summary>
    public Action? OnBusy { get; init; }

    /// <summary>Told, before it starts, that an existing memory is brought up from an older schema (from, to): a
    /// large memory takes a while, once.</summary>
    public Action<int, int>? OnUpgrade { get; init; }

    /// <summary>Postings an ingest gathers in memory before it writes them out, one chunk per gram (8 bytes each while
    /// gathered and 12 while written out, so 128 to 192 MB at the default). Each write-out costs about a tenth of a
    /// second whatever its size (a chunk per gram, and every fourth time a merge of chunks): a million-unit import
    /// spent 1.3–1.5 s on them holding 4 million, 0.7–0.8 s holding 16 million.</summary>
    public int PostingsHeld { get; init; } = 16_000_000;
}
