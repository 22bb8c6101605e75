using AlignTool.Core.Alignment;
using AlignTool.Core.Memory;
using AlignTool.Core.Memory.InMemory;

namespace AlignTool.Core.Tests.Memory.InMemory;

/// <summary>A memory in the reference backend (no file), and helpers to fill it from the seeds and the catalogue.</summary>
internal sealed class InMemoryFixture : IDisposable
{
    public static readonly DateTimeOffset Now = TranslationMemoryContract.Now;

    public InMemoryTranslationMemory Memory { get; } = new();

    public Ingestor Ingestor => new(Memory, new FixedClock(Now), "test");

    public InMemoryFixture WithSeeds(params string[] seeds)
    {
        foreach (var s in seeds) Ingestor.IngestDocument(s, TestData.SeedText(s), Ingestor.TmDataOrigin);
        return this;
    }

    public InMemoryFixture WithCatalog()
    {
        Ingestor.IngestCatalog(Catalog.Default, "catalog:test");
        return this;
    }

    public void Dispose() => Memory.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
