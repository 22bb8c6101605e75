using System.Diagnostics;
using AlignTool.Core.Tests;
using Npgsql;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>ALIGNTOOL_TEST_PG</c> (a URL whose user may create
/// schemas), else a throwaway cluster started for this run with <c>.ci/pg-cluster</c> (Debian's <c>postgresql</c>;
/// password authentication over TCP) and stopped after it. Where neither is possible the tests report themselves
/// skipped, unless PostgreSQL is required (<c>CI=1</c> or <c>ALIGNTOOL_TEST_PG_REQUIRED=1</c>): then they fail.
/// Each test gets a schema of its own (<c>?schema=</c>), dropped afterwards.
/// </summary>
[TestClass]
public static class PostgresServer
{
    private static string? _url;
    private static string? _clusterDir;
    private static string? _unavailable;

    [AssemblyInitialize]
    public static void Start(TestContext _)
    {
        _url = Environment.GetEnvironmentVariable("ALIGNTOOL_TEST_PG");
        if (!string.IsNullOrEmpty(_url)) return;
        var dir = Path.Combine(Path.GetTempPath(), "aligntool-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, output, error) = Cluster("start", dir);
        if (code == 0)
        {
            _url = output.Trim();
            _clusterDir = dir;
        }
        else
        {
            _unavailable = "no PostgreSQL could be started (.ci/pg-cluster: " + error.Trim().ReplaceLineEndings(" ") + "); install Debian's postgresql or set ALIGNTOOL_TEST_PG";
        }
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        if (_clusterDir is not null) Cluster("stop", _clusterDir);
    }

    /// <summary>Runs <c>.ci/pg-cluster</c>: exit code, stdout, stderr.</summary>
    public static (int Code, string Out, string Err) Cluster(string command, string dir)
    {
        var script = Path.Combine(TestData.RepoRoot, ".ci", "pg-cluster");
        if (!File.Exists(script)) return (127, "", script + " is missing");
        var psi = new ProcessStartInfo("bash", [script, command, dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static bool Required =>
        Environment.GetEnvironmentVariable("CI") is "1" or "true" || Environment.GetEnvironmentVariable("ALIGNTOOL_TEST_PG_REQUIRED") is "1" or "true";

    /// <summary>The server's URL (without a schema); skips the test (fails it where PostgreSQL is required) when there is none.</summary>
    public static string Url
    {
        get
        {
            if (_url is not null) return _url;
            if (Required) Assert.Fail(_unavailable + " (PostgreSQL is required here: CI=1 or ALIGNTOOL_TEST_PG_REQUIRED=1)");
            throw new AssertInconclusiveException(_unavailable ?? "no PostgreSQL server");
        }
    }

    /// <summary>A URL naming a new schema on the server, for one memory.</summary>
    public static string NewMemoryUrl(out string schema)
    {
        schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        return Url + "?schema=" + schema;
    }

    /// <summary>Drops a schema made by <see cref="NewMemoryUrl"/>.</summary>
    public static void Drop(string schema)
    {
        using var db = Connect(Url);
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", db);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A plain connection to a memory's URL, for what the tests check in the tables themselves.</summary>
    public static NpgsqlConnection Connect(string url)
    {
        var db = new NpgsqlConnection(PostgresLocation.Parse(url, new Dictionary<string, string>()).ConnectionString);
        db.Open();
        return db;
    }
}
