using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Tests.Memory.Storage;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>The memory contract run against PostgreSQL: a schema per test, a second connection as the second writer.</summary>
[TestClass]
public sealed class PostgresMemoryContractTests : TranslationMemoryContract
{
    private readonly List<string> _schemas = [];
    private readonly Dictionary<ITranslationMemory, string> _urls = [];

    protected override ITranslationMemory CreateMemory()
    {
        var url = PostgresServer.NewMemoryUrl(out var schema);
        _schemas.Add(schema);
        var memory = PostgresTranslationMemory.Open(url, new Dictionary<string, string>());
        _urls[memory] = url;
        return memory;
    }

    protected override ITranslationMemory OpenAgain(ITranslationMemory memory) => PostgresTranslationMemory.Open(_urls[memory], new Dictionary<string, string>());

    protected override void Discard()
    {
        foreach (var s in _schemas) PostgresServer.Drop(s);
        _schemas.Clear();
    }
}
