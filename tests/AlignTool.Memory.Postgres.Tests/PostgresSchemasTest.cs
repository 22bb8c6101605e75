namespace AlignTool.Memory.Postgres.Tests;

/// <summary>A test class whose tests open memories in schemas of their own (<see cref="NewMemoryUrl(out string)"/>),
/// each dropped after its test.</summary>
public abstract class PostgresSchemasTest
{
    protected static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly List<string> _schemas = [];

    /// <summary>A URL naming a new schema on the test server, dropped after the test.</summary>
    protected string NewMemoryUrl(out string schema)
    {
        var url = PostgresServer.NewMemoryUrl(out schema);
        _schemas.Add(schema);
        return url;
    }

    protected string NewMemoryUrl() => NewMemoryUrl(out _);

    [TestCleanup]
    public void DropSchemas()
    {
        foreach (var s in _schemas) PostgresServer.Drop(s);
        _schemas.Clear();
    }
}
