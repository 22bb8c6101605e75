using System.Diagnostics;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Postgres;
using AlignTool.Memory.Sqlite;
using AlignTool.Server;
using AlignTool.Server.Storage;

namespace AlignTool.Cli.Bench;

/// <summary>
/// <c>bench serve</c>: lookups over HTTP on loopback against a memory of generated units (<see cref="MemoryBench"/>'s),
/// served by the real server in this process: a number of clients at an offered rate in all (latency counted from the
/// moment each request was due, so that a server falling behind shows in it), then back to back (the highest
/// throughput). One column per backend: SQLite, and PostgreSQL when <c>--tm</c> names a server (the same generated
/// units loaded into a schema of the run's own, as <c>bench memory --tm</c> loads them, dropped after).
/// </summary>
internal sealed class ServeBench(CliContext context)
{
    public sealed record Settings(int Units, int Seconds, int Clients, int Rate, string? Tm, int Seed);

    /// <summary>A backend the benchmark serves: its name and how a handle on its memory is opened.</summary>
    private sealed record Backend(string Name, Func<ITranslationMemory> Open);

    private static Backend Sqlite(string path) => new("SQLite", () => SqliteTranslationMemory.Open(path, new SqliteMemoryOptions { ReadOnlyWhenNotWritable = true }));

    private static Backend Postgres(PostgresLocation pg) => new("PostgreSQL", () => PostgresTranslationMemory.Open(pg));

    private sealed record Figures(int Requests, int Errors, double Seconds, double P50, double P95, double P99);

    public int Run(Settings s)
    {
        var o = context.Out;
        var pg = s.Tm is not null && PostgresLocation.IsUrl(s.Tm) ? new MemoryBench(context).Location(s.Tm) : null;
        var file = pg is null ? s.Tm : null;
        var path = file ?? Path.Combine(Path.GetTempPath(), $"aligntool-bench-serve-{Environment.ProcessId}.db");
        try
        {
            int units = s.Units;
            if (file is null)
            {
                // The memory benchmark's generated units, ingested as it ingests them (its own figures go to stderr),
                // into PostgreSQL too when a server is given (its schema kept for this run, dropped below).
                var quiet = new CliContext(context.Err, context.Err, context.Environment);
                new MemoryBench(quiet).Run(new MemoryBench.Settings(s.Units, 0, 0, path, s.Seed, Tm: pg is null ? null : s.Tm, KeepTm: true));
            }
            else
            {
                using var m = SqliteTranslationMemory.Open(file);
                units = m.Stats().Units;
            }
            Backend[] backends = pg is null ? [Sqlite(path)] : [Sqlite(path), Postgres(pg)];
            var texts = MemoryBench.LookupTexts(units, s.Seed, 4096);
            o.WriteLine($"## Serve benchmark: {units:N0} units, {s.Clients} clients on loopback, {s.Seconds} s at {s.Rate} requests/s offered, then {s.Seconds} s back to back");
            o.WriteLine($"lookups: GET /api/lookup (top 5, min 70), into Chinese and Arabic in turn, {texts.Count} texts made as 'bench memory' makes them");
            var results = backends.Select(b => (b.Name, Measure(b, texts, s))).ToList();
            o.WriteLine();
            o.WriteLine("| measure | " + string.Join(" | ", results.Select(r => r.Name)) + " |");
            o.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
            Row("offered rate: requests (errors)", results.Select(r => $"{r.Item2.Offered.Requests:N0} ({r.Item2.Offered.Errors})"));
            Row("offered rate: p50 / p95 / p99", results.Select(r => Latency(r.Item2.Offered)));
            Row("offered rate: achieved", results.Select(r => $"{r.Item2.Offered.Requests / r.Item2.Offered.Seconds:N0} requests/s"));
            Row("back to back: throughput (errors)", results.Select(r => $"{r.Item2.Flat.Requests / r.Item2.Flat.Seconds:N0} requests/s ({r.Item2.Flat.Errors})"));
            Row("back to back: p50 / p95 / p99", results.Select(r => Latency(r.Item2.Flat)));
            return results.All(r => r.Item2.Offered.Errors == 0 && r.Item2.Flat.Errors == 0) ? ExitCodes.Success : ExitCodes.ProblemsFound;
        }
        finally
        {
            if (file is null)
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            if (pg is not null) PostgresTranslationMemory.DropSchema(pg);
        }

        void Row(string name, IEnumerable<string> cells) => o.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
    }

    private static string Latency(Figures f) => $"{f.P50:F1} / {f.P95:F1} / {f.P99:F1} ms";

    private (Figures Offered, Figures Flat) Measure(Backend backend, List<string> texts, Settings s)
    {
        var options = ServeOptions.Default with { Port = 0, MaxHandles = Math.Max(s.Clients, Environment.ProcessorCount * 2) };
        using var pool = new MemoryPool(backend.Open, options.MaxHandles);
        var app = ApiServer.Build(options, pool, new ServerLog(line => context.Err.WriteLine(line)));
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            var url = app.Urls.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = s.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromSeconds(30),
            };
            // Warm-up: every handle opened and the compiler's first passes done.
            Run(http, texts, s.Clients, TimeSpan.FromSeconds(Math.Min(5, s.Seconds)), rate: null, offset: texts.Count / 2);
            context.Err.WriteLine($"{backend.Name}: offered rate…");
            var offered = Run(http, texts, s.Clients, TimeSpan.FromSeconds(s.Seconds), s.Rate, 0);
            context.Err.WriteLine($"{backend.Name}: back to back…");
            var flat = Run(http, texts, s.Clients, TimeSpan.FromSeconds(s.Seconds), rate: null, offset: texts.Count / 4);
            return (offered, flat);
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// <paramref name="clients"/> clients for <paramref name="duration"/>. With a rate, request k is due at k / rate
    /// seconds and is sent by client k mod clients when due (an open schedule: a slow answer delays that client's later
    /// requests, and their latency, counted from when they were due, shows it); without one, each client sends its next
    /// request as soon as it has its answer.
    /// </summary>
    private static Figures Run(HttpClient http, List<string> texts, int clients, TimeSpan duration, int? rate, int offset)
    {
        var latencies = new List<double>[clients];
        int errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            for (long k = c; ; k += clients)
            {
                double due;
                if (rate is { } r)
                {
                    due = k / (double)r;
                    if (due >= duration.TotalSeconds) break;
                    var wait = due - clock.Elapsed.TotalSeconds;
                    if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait));
                }
                else
                {
                    due = clock.Elapsed.TotalSeconds;
                    if (due >= duration.TotalSeconds) break;
                }
                var text = texts[(int)((k + offset) % texts.Count)];
                var to = k % 2 == 0 ? "zh" : "ar";
                try
                {
                    using var response = await http.GetAsync($"/api/lookup?to={to}&text={Uri.EscapeDataString(text)}");
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add((clock.Elapsed.TotalSeconds - due) * 1000);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, duration.TotalSeconds);
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        return new Figures(all.Count, errors, seconds, P(0.50), P(0.95), P(0.99));
    }
}
