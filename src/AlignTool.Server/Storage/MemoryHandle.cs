using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Server.Storage;

/// <summary>One handle on the memory with its lookup (whose cache of candidates' word units lives as long as the
/// handle), lent to one request at a time by <see cref="MemoryPool"/>.</summary>
public sealed class MemoryHandle(ITranslationMemory memory)
{
    private MemoryLookup? _lookup;

    public ITranslationMemory Memory { get; } = memory;

    public MemoryLookup Lookup => _lookup ??= new MemoryLookup(Memory);
}
