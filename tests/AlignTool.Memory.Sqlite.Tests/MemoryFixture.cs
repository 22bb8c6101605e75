using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Tests;
using AlignTool.Core.Tests.Memory.Storage;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>A memory in a temporary file, deleted after the test, and helpers to fill it from the seeds.</summary>
internal sealed class MemoryFixture : IDisposable
{
    public static readonly DateTimeOffset Now = TranslationMemoryContract.Now;

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

    public Ingestor Ingestor => TranslationMemoryContract.IngestorFor(Memory);

    public MemoryFixture WithSeeds(params string[] seeds) => With(catalog: false, seeds);

    public MemoryFixture WithCatalog() => With(catalog: true, []);

    private MemoryFixture With(bool catalog, string[] seeds)
    {
        TranslationMemoryContract.Ingest(Memory, catalog, seeds);
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
}
