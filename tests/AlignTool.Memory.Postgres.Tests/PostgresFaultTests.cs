using System.Diagnostics;
using AlignTool.Cli.Tests;
using AlignTool.Core.Documents;
using AlignTool.Core.Text;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;
using Npgsql;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>
/// A PostgreSQL memory when things go wrong: the connection lost, the server stopped as a power cut would, the client
/// killed, all in the middle of an ingest (nothing of it is stored, and running it again completes); a wrong password
/// or an unreachable server (one line, exit code 4).
/// </summary>
[TestClass]
public sealed class PostgresFaultTests : PostgresSchemasTest
{
    private readonly TextPreparer _preparer = new();

    private PreparedUnit Unit(int i) => new(_preparer.Prepare($"The Council adopted resolution {i} on the right to development", Language.English),
        [new PreparedVariant(_preparer.Prepare($"理事会通过了关于发展权的第{i}号决议", Language.Chinese), new Occurrence(Zone.Body, null, i, null, null))]);

    private static DocumentRecord Record(string name) => new(name, "hash-" + name, null, null, null, [Language.English, Language.Chinese], "user");

    /// <summary>What the memory holds, row by row, and its gram index, as a plain connection reads them.</summary>
    private static string Contents(string url)
    {
        using var db = PostgresServer.Connect(url);
        using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM documents) || ' documents, ' || (SELECT count(*) FROM units) || ' units, '
                || (SELECT count(*) FROM variants) || ' variants, ' || (SELECT count(*) FROM occurrences) || ' occurrences, '
                || (SELECT count(*) FROM postings) || ' chunks, ' || (SELECT coalesce(sum(n), 0) FROM grams) || ' postings'
            """, db);
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>Ingests 100 units; <paramref name="midway"/> runs when 55 have been read (batches of 10: five are
    /// written by then).</summary>
    private IEnumerable<PreparedUnit> Units(Action? midway)
    {
        for (int i = 0; i < 100; i++)
        {
            if (i == 55) midway?.Invoke();
            yield return Unit(i);
        }
    }

    private static readonly PostgresMemoryOptions SmallBatches = new() { Batch = 10, PostingsHeld = 200 };

    [TestMethod]
    public void Ingest_ConnectionLostMidway_StoresNothingOfIt_AndTheRerunCompletes()
    {
        var url = NewMemoryUrl();
        using (var first = PostgresTranslationMemory.Open(url, NoEnvironment)) first.AddDocument(Record("first"), [Unit(1000)], "test", DateTimeOffset.UnixEpoch);
        var before = Contents(url);
        using (var memory = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches))
        {
            var e = Assert.ThrowsExactly<MemoryException>(() => memory.AddDocument(Record("second"), Units(() => Terminate(url, memory)), "test", DateTimeOffset.UnixEpoch));
            StringAssert.Contains(e.Message, "nothing was written");
        }
        Assert.AreEqual(before, Contents(url), "nothing of the broken ingest is stored");
        using var again = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches);
        Assert.AreEqual(new IngestOutcome(false, 100, 100, 100), again.AddDocument(Record("second"), Units(null), "test", DateTimeOffset.UnixEpoch));
        Assert.AreEqual("2 documents, 101 units, 101 variants, 101 occurrences", Summary(again));
    }

    /// <summary>Ends the memory's connection from the server's side, as a dropped connection would.</summary>
    private static void Terminate(string url, PostgresTranslationMemory memory)
    {
        using var admin = PostgresServer.Connect(url);
        using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({memory.BackendPid})", admin);
        kill.ExecuteNonQuery();
    }

    /// <summary>The memory's indexes (primary keys included), as the catalogue defines them.</summary>
    private static string Indexes(string url)
    {
        using var db = PostgresServer.Connect(url);
        using var cmd = new NpgsqlCommand("SELECT string_agg(indexname || ': ' || regexp_replace(indexdef, ' ON \\S+\\.', ' ON '), E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = current_schema()", db);
        return (string)cmd.ExecuteScalar()!;
    }

    [TestMethod]
    public void BulkLoadIntoAnEmptyMemory_ConnectionLostMidway_StoresNothing_KeepsEveryIndex_AndTheRerunCompletes()
    {
        // Batches of 10 into an empty memory: the first batch is full, so the tables' indexes are dropped for the load.
        var url = NewMemoryUrl();
        var reference = NewMemoryUrl();
        using (var r = PostgresTranslationMemory.Open(reference, NoEnvironment)) r.AddDocument(Record("first"), [Unit(1000)], "test", DateTimeOffset.UnixEpoch);
        using (var memory = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches))
        {
            var indexes = Indexes(url);
            StringAssert.Contains(indexes, "units_pkey: CREATE UNIQUE INDEX units_pkey ON units USING btree (id)");
            var e = Assert.ThrowsExactly<MemoryException>(() => memory.AddDocument(Record("second"), Units(() => Terminate(url, memory)), "test", DateTimeOffset.UnixEpoch));
            StringAssert.Contains(e.Message, "nothing was written");
            Assert.AreEqual(indexes, Indexes(url), "the dropped indexes are back with the rollback");
        }
        Assert.AreEqual("0 documents, 0 units, 0 variants, 0 occurrences, 0 chunks, 0 postings", Contents(url));
        using var again = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches);
        Assert.AreEqual(new IngestOutcome(false, 100, 100, 100), again.AddDocument(Record("second"), Units(null), "test", DateTimeOffset.UnixEpoch));
        Assert.AreEqual("1 documents, 100 units, 100 variants, 100 occurrences", Summary(again));
        Assert.AreEqual(Indexes(reference), Indexes(url), "a bulk load builds every index again, as a memory written row by row has them");
    }

    [TestMethod]
    public void Ingest_ServerStoppedMidway_StoresNothingOfIt_AndTheRerunCompletesOnceItIsBack()
    {
        // A cluster of this test's own: it is stopped as a power cut would stop it (pg_ctl stop -m immediate).
        var dir = Path.Combine(Path.GetTempPath(), "aligntool-pgcrash-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, output, error) = PostgresServer.Cluster("start", dir);
        if (code != 0)
        {
            if (PostgresServer.Required) Assert.Fail("could not start a cluster of the test's own: " + error);
            Assert.Inconclusive("no PostgreSQL cluster could be started (.ci/pg-cluster): " + error.Trim());
        }
        try
        {
            var url = output.Trim();
            using (var first = PostgresTranslationMemory.Open(url, NoEnvironment)) first.AddDocument(Record("first"), [Unit(1000)], "test", DateTimeOffset.UnixEpoch);
            var before = Contents(url);
            using (var memory = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches))
            {
                void Crash() => Assert.AreEqual(0, PostgresServer.Cluster("crash", dir).Code);
                var e = Assert.ThrowsExactly<MemoryException>(() => memory.AddDocument(Record("second"), Units(Crash), "test", DateTimeOffset.UnixEpoch));
                Assert.IsFalse(e.Message.Contains('\n', StringComparison.Ordinal), e.Message);
            }
            // While it is down: one line, exit code 4.
            var down = CliRunner.Run("stats", "--tm", url);
            Assert.AreEqual((4, 1), (down.ExitCode, down.Err.Trim().Split('\n').Length), down.Err);
            Assert.AreEqual(0, PostgresServer.Cluster("restart", dir).Code);
            Assert.AreEqual(before, Contents(url), "nothing of the broken ingest is stored");
            using var again = PostgresTranslationMemory.Open(url, NoEnvironment, SmallBatches);
            Assert.AreEqual(new IngestOutcome(false, 100, 100, 100), again.AddDocument(Record("second"), Units(null), "test", DateTimeOffset.UnixEpoch));
            Assert.AreEqual("2 documents, 101 units, 101 variants, 101 occurrences", Summary(again));
        }
        finally
        {
            PostgresServer.Cluster("stop", dir);
        }
    }

    [TestMethod]
    public void Import_ClientKilledMidway_StoresNothingOfIt_AndTheRerunCompletes()
    {
        var url = NewMemoryUrl();
        using var dir = new TempDir();
        // A TMX file of 40,000 generated units, exported from a SQLite memory the memory benchmark makes.
        var source = dir.File("source.db");
        Assert.AreEqual(0, CliRunner.Run("bench", "memory", "--units", "40000", "--queries", "0", "--scan-queries", "0", "--keep", source).ExitCode);
        var tmx = dir.File("units.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", source, "--out", tmx).ExitCode);
        Assert.AreEqual(0, CliRunner.Run("stats", "--tm", url).ExitCode); // the schema made
        var before = Contents(url);

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(AlignTool.Cli.App).Assembly.Location, "import", tmx, "--tm", url }) psi.ArgumentList.Add(a);
        using (var child = Process.Start(psi)!)
        {
            // Killed once its transaction has written rows (it holds a transaction id then).
            using var admin = PostgresServer.Connect(url);
            var watch = Stopwatch.StartNew();
            bool writing = false;
            while (!writing && !child.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                using var busy = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE 'COPY%'", admin);
                writing = (long)busy.ExecuteScalar()! > 0;
                if (!writing) Thread.Sleep(10);
            }
            Assert.IsTrue(writing, "the import was caught writing");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        // The server ends the dead client's transaction when it sees the connection gone.
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var admin = PostgresServer.Connect(url);
            using var busy = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_xid IS NOT NULL", admin);
            if ((long)busy.ExecuteScalar()! == 0) break;
            Thread.Sleep(50);
        }
        Assert.AreEqual(before, Contents(url), "nothing of the killed import is stored");
        var rerun = CliRunner.Run("import", tmx, "--tm", url);
        Assert.AreEqual(0, rerun.ExitCode, rerun.Err);
        static string Counts(string tm) => string.Join("\n", CliRunner.Run("stats", "--tm", tm).OutLines.Where(l => !l.StartsWith("schema", StringComparison.Ordinal) && !l.StartsWith("documents", StringComparison.Ordinal)));
        var sqlite = dir.File("imported.db");
        Assert.AreEqual(0, CliRunner.Run("import", tmx, "--tm", sqlite).ExitCode);
        Assert.AreEqual(Counts(sqlite), Counts(url), "every unit of the file, once, as SQLite stores them");
    }

    [TestMethod]
    public void WrongPassword_OneLine_ExitCode4()
    {
        var url = new Uri(PostgresServer.Url);
        var wrong = $"postgresql://{url.UserInfo.Split(':')[0]}:not-the-password@{url.Host}:{url.Port}{url.AbsolutePath}";
        var r = CliRunner.Run("stats", "--tm", wrong);
        Assert.AreEqual(4, r.ExitCode);
        Assert.AreEqual(1, r.Err.Trim().Split('\n').Length, r.Err);
        StringAssert.StartsWith(r.Err, $"aligntool: error: postgresql://{url.UserInfo.Split(':')[0]}@{url.Host}:{url.Port}{url.AbsolutePath}: the server refused the login: ");
        Assert.IsFalse(r.Err.Contains("not-the-password", StringComparison.Ordinal), "the password is never shown");
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void PasswordFromPgpassword_AndFromThePasswordFile()
    {
        var url = new Uri(PostgresServer.Url);
        var (user, password) = (url.UserInfo.Split(':')[0], Uri.UnescapeDataString(url.UserInfo.Split(':')[1]));
        var bare = $"postgresql://{user}@{url.Host}:{url.Port}{url.AbsolutePath}";
        Assert.AreEqual(0, CliRunner.Run(new Dictionary<string, string?> { ["PGPASSWORD"] = password }, "stats", "--tm", bare).ExitCode);
        using var dir = new TempDir();
        var passfile = dir.Write("pgpass", $"{url.Host}:{url.Port}:*:{user}:{password}\n");
        File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var r = CliRunner.Run(new Dictionary<string, string?> { ["PGPASSFILE"] = passfile }, "stats", "--tm", bare);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var home = dir.File("home");
        Directory.CreateDirectory(home);
        File.Copy(passfile, Path.Combine(home, ".pgpass"));
        File.SetUnixFileMode(Path.Combine(home, ".pgpass"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.AreEqual(0, CliRunner.Run(new Dictionary<string, string?> { ["HOME"] = home }, "stats", "--tm", bare).ExitCode);
        Assert.AreEqual(4, CliRunner.Run(new Dictionary<string, string?> { ["HOME"] = dir.Path }, "stats", "--tm", bare).ExitCode, "no password anywhere");
    }

    [TestMethod]
    public void UnreachableServer_OneLine_ExitCode4()
    {
        // A port nothing listens on: bound, then closed.
        var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        int port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        var r = CliRunner.Run("lookup", "Human Rights Council", "--to", "zh", "--tm", $"postgresql://someone:secret@127.0.0.1:{port}/memory");
        Assert.AreEqual(4, r.ExitCode);
        Assert.AreEqual($"aligntool: error: postgresql://someone@127.0.0.1:{port}/memory: cannot reach the server: Connection refused", r.Err.Trim());
    }

    [TestMethod]
    public void NotAUrl_OneLine_ExitCode4()
    {
        var r = CliRunner.Run("stats", "--tm", "postgresql://@localhost/");
        Assert.AreEqual(4, r.ExitCode);
        Assert.AreEqual(1, r.Err.Trim().Split('\n').Length, r.Err);
    }
    private static string Summary(ITranslationMemory memory)
    {
        var s = memory.Stats();
        return $"{s.Documents} documents, {s.Units} units, {s.VariantsPerLanguage.Values.Sum()} variants, {s.Occurrences} occurrences";
    }
}
