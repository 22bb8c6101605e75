using AlignTool.Core.Alignment;
using AlignTool.Core.Memory;
using AlignTool.Core.Tests;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>A memory in a temporary file, deleted after the test, and helpers to fill it from the seeds.</summary>
internal sealed class MemoryFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public MemoryFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "aligntool-tm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        Path_ = Path.Combine(Dir, "memory.db");
        Memory = SqliteTranslationMemory.Open(Path_, new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing });
    }

    public string Dir { get; }

    public string Path_ { get; }

    public SqliteTranslationMemory Memory { get; private set; }

    public Ingestor Ingestor => new(Memory, new FixedClock(Now), "test");

    public MemoryFixture WithSeeds(params string[] seeds)
    {
        foreach (var s in seeds) Ingestor.IngestDocument(s, TestData.SeedText(s), Ingestor.TmDataOrigin);
        return this;
    }

    public MemoryFixture WithCatalog()
    {
        Ingestor.IngestCatalog(Catalog.Default, "catalog:test");
        return this;
    }

    /// <summary>Closes the memory and opens it again, with <paramref name="options"/> when given (a bulk load's
    /// threshold, say).</summary>
    public void Reopen(SqliteMemoryOptions? options = null)
    {
        Memory.Dispose();
        Memory = SqliteTranslationMemory.Open(Path_, options);
    }

    public void Dispose()
    {
        Memory.Dispose();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
