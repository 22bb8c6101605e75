namespace AlignTool.Cli.Infrastructure;

/// <summary>What a command does with the memory it opens.</summary>
internal enum MemoryUse
{
    /// <summary>Reads only (lookup, prefill, concordance, stats, docs, export, qa): a memory that cannot be written is opened read-only.</summary>
    Read,
    /// <summary>Changes an existing memory (remove): a read-only one is refused, exit 4.</summary>
    Write,
    /// <summary>Writes, making the memory where no file is (build, ingest, import).</summary>
    Create,
}
