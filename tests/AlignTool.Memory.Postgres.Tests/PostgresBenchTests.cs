using AlignTool.Cli.Tests;
using Npgsql;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>
/// The benchmarks with a PostgreSQL server: <c>bench serve --tm URL</c> serves the generated units from SQLite and
/// from PostgreSQL side by side, <c>bench memory --tm URL --pg-trgm N</c> measures pg_trgm's candidates beside the
/// gram tables; both drop the schema they loaded.
/// </summary>
[TestClass]
public sealed class PostgresBenchTests
{
    private static bool SchemaExists(string schema)
    {
        using var db = PostgresServer.Connect(PostgresServer.Url);
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @s", db);
        cmd.Parameters.AddWithValue("s", schema);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    [TestMethod]
    public void BenchServe_WithAServer_ServesBothBackendsSideBySide_AndDropsItsSchema()
    {
        var url = PostgresServer.NewMemoryUrl(out var schema);
        var r = CliRunner.Run("bench", "serve", "--units", "2000", "--seconds", "1", "--clients", "4", "--rate", "20", "--tm", url);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "| measure | SQLite | PostgreSQL |");
        var offered = r.OutLines.Single(l => l.StartsWith("| offered rate: requests (errors)", StringComparison.Ordinal));
        Assert.AreEqual("| offered rate: requests (errors) | 20 (0) | 20 (0) |", offered, "the same schedule against each backend, no error");
        Assert.IsFalse(SchemaExists(schema), "the run's schema is dropped");
    }

    [TestMethod]
    public void BenchServe_WithoutAServer_ServesSqliteAlone()
    {
        var r = CliRunner.Run("bench", "serve", "--units", "1000", "--seconds", "1", "--clients", "2", "--rate", "10");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "| measure | SQLite |\n");
    }

    [TestMethod]
    public void BenchMemory_PgTrgm_MeasuresBothCandidatePaths_AndDropsItsSchema()
    {
        var url = PostgresServer.NewMemoryUrl(out var schema);
        var r = CliRunner.Run("bench", "memory", "--units", "3000", "--queries", "20", "--scan-queries", "0", "--pg-trgm", "10", "--tm", url);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "pg_trgm: GIN index of the units' English built in");
        StringAssert.Contains(r.Out, "candidates by the gram index, 10 queries: p50");
        StringAssert.Contains(r.Out, "candidates by the pg_trgm, 10 queries: p50");
        // Recall is a share of what the scan found; the exact texts (a quarter of the queries) are found by both.
        foreach (var line in r.OutLines.Where(l => l.StartsWith("candidates by", StringComparison.Ordinal)))
            StringAssert.Matches(line, new System.Text.RegularExpressions.Regex(@"recall (\d+\.\d|100\.0) % of the \d+ matches"));
        Assert.IsFalse(SchemaExists(schema), "the run's schema is dropped");
    }

    [TestMethod]
    public void BenchMemory_PgTrgmWithoutAServer_IsAUsageError()
    {
        var r = CliRunner.Run("bench", "memory", "--units", "10", "--queries", "1", "--scan-queries", "0", "--pg-trgm", "5");
        Assert.AreEqual(2, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "--pg-trgm measures candidates in a PostgreSQL memory: give --tm URL too");
    }
}
