using AlignTool.Core.Memory.InMemory;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Tests.Memory.Storage;

namespace AlignTool.Core.Tests.Memory.InMemory;

/// <summary>A memory in the reference backend (no file), and helpers to fill it from the seeds and the catalogue.</summary>
internal sealed class InMemoryFixture : IDisposable
{
    public static readonly DateTimeOffset Now = TranslationMemoryContract.Now;

    public InMemoryTranslationMemory Memory { get; } = new();

    public Ingestor Ingestor => TranslationMemoryContract.IngestorFor(Memory);

    public InMemoryFixture WithSeeds(params string[] seeds) => With(catalog: false, seeds);

    public InMemoryFixture WithCatalog() => With(catalog: true, []);

    private InMemoryFixture With(bool catalog, string[] seeds)
    {
        TranslationMemoryContract.Ingest(Memory, catalog, seeds);
        return this;
    }

    public void Dispose() => Memory.Dispose();
}
