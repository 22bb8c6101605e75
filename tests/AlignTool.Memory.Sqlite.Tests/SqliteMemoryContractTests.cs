using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Tests.Memory.Storage;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>The memory contract run against SQLite: a file per test, a second connection as the second writer.</summary>
[TestClass]
public sealed class SqliteMemoryContractTests : TranslationMemoryContract
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aligntool-contract-" + Guid.NewGuid().ToString("N"));

    protected override ITranslationMemory CreateMemory()
    {
        Directory.CreateDirectory(_dir);
        return SqliteTranslationMemory.Open(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db"), new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing });
    }

    protected override ITranslationMemory OpenAgain(ITranslationMemory memory) => SqliteTranslationMemory.Open(memory.Location);

    protected override void Discard()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
