using AlignTool.Core.Memory.InMemory;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Tests.Memory.Storage;

namespace AlignTool.Core.Tests.Memory.InMemory;

/// <summary>The memory contract run against the in-memory reference backend.</summary>
[TestClass]
public sealed class InMemoryTranslationMemoryTests : TranslationMemoryContract
{
    protected override ITranslationMemory CreateMemory() => new InMemoryTranslationMemory();

    // One object is the whole memory: a second writer shares it (its lock keeps them apart).
    protected override ITranslationMemory OpenAgain(ITranslationMemory memory) => memory;
}
