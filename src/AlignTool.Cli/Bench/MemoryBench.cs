using AlignTool.Core.Text;
using System.Diagnostics;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Placeables;
using AlignTool.Core.Segmentation;
using AlignTool.Memory.Postgres;
using AlignTool.Memory.Sqlite;

namespace AlignTool.Cli.Bench;

/// <summary>
/// Memory benchmark: a generated memory of realistic units (catalogue boilerplate with varied slots, and the seeds'
/// sentences with varied words and numbers, in English, Arabic and Chinese); ingest rate, bytes per unit, fuzzy
/// lookup latency (p50/p95/p99, top 5) and the same lookups by a linear scan of every unit, as OmegaT does.
/// With a PostgreSQL memory (<see cref="Settings.Tm"/>) the same units go into it too, in a schema of the run's own
/// (dropped after), and both memories are measured side by side: lookups by one client, by 16 clients at an offered
/// rate (200 lookups/s in all, each timed from when it was due), and by 16 clients back to back (throughput).
/// </summary>
internal sealed class MemoryBench(CliContext context)
{
    /// <param name="PrepareOnly">Time reading and preparing the generated units alone, nothing stored: the other half
    /// of the ingest's pipeline, which the writer waits on when it is the slower.</param>
    /// <param name="Tm">A PostgreSQL memory's URL to measure beside SQLite.</param>
    /// <param name="PgTrgm">With <paramref name="Tm"/>: this many of the lookups' texts (the first) also find their fuzzy
    /// candidates through pg_trgm beside the gram index, both measured for recall and latency.</param>
    /// <param name="KeepTm">Leave the PostgreSQL memory's schema for the caller to drop (<c>bench serve</c> serves it).</param>
    public sealed record Settings(int Units, int Queries, int ScanQueries, string? Path, int Seed, bool PrepareOnly = false, string? Tm = null, int PgTrgm = 0, bool KeepTm = false);

    /// <summary>Clients of the concurrent runs, and the rate all of them offer together.</summary>
    public const int Clients = 16;

    public const double OfferedRate = 200;

    public int Run(Settings s)
    {
        BenchLeftovers.Remove(context.Err);
        if (s.Path is not null) OutputFiles.Check(s.Path);
        var path = s.Path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aligntool-bench-{Environment.ProcessId}.db");
        Delete(path);
        PostgresLocation? pg = null;
        if (s.PgTrgm > 0 && s.Tm is null) throw new CliException(ExitCodes.Usage, null, "--pg-trgm measures candidates in a PostgreSQL memory: give --tm URL too");
        if (s.Tm is not null)
        {
            if (!PostgresLocation.IsUrl(s.Tm)) throw new CliException(ExitCodes.Usage, null, "--tm takes a PostgreSQL memory's URL (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB); SQLite is always measured");
            pg = Location(s.Tm);
        }
        try
        {
            return Measure(s, path, pg);
        }
        finally
        {
            if (pg is not null && !s.KeepTm) PostgresTranslationMemory.DropSchema(pg);
            // The generated units, and the memory unless it is kept: nearly a gigabyte at the default size, whichever
            // way the run ends.
            File.Delete(UnitsFile(path));
            if (s.Path is null) Delete(path);
        }
    }

    private static void Delete(string memory)
    {
        foreach (var f in new[] { memory, memory + "-wal", memory + "-shm" }) File.Delete(f);
    }

    private static string UnitsFile(string memory) => memory + ".units";

    /// <summary>The PostgreSQL memory a benchmark's <c>--tm</c> URL names: the schema it gives (never <c>public</c>), else
    /// one of the run's own. <c>bench serve</c> reads the same URL the same way.</summary>
    internal PostgresLocation Location(string tm)
    {
        var url = tm.Contains('?', StringComparison.Ordinal) ? tm : tm + $"?schema=aligntool_bench_{Environment.ProcessId}";
        PostgresLocation pg;
        try
        {
            pg = PostgresLocation.Parse(url, Variables());
        }
        catch (FormatException e)
        {
            throw new CliException(ExitCodes.MemoryError, tm, e.Message);
        }
        if (pg.Schema == "public") throw new CliException(ExitCodes.Usage, null, "the benchmark writes its memory into a schema of its own, which it drops: give ?schema=NAME, not public");
        return pg;
    }

    /// <summary>The environment the URL's password is looked up in (PGPASSWORD, PGPASSFILE, ~/.pgpass), as for the commands.</summary>
    private Dictionary<string, string> Variables()
    {
        var variables = context.Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        variables.TryAdd("HOME", System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));
        return variables;
    }

    private int Measure(Settings s, string path, PostgresLocation? pg)
    {
        var o = context.Out;
        var rng = new Random(s.Seed);
        var corpus = new Generator();
        o.WriteLine(s.PrepareOnly
            ? $"## Memory benchmark: {s.Units:N0} generated units (en + ar + zh), preparation only, seed {s.Seed}"
            : $"## Memory benchmark: {s.Units:N0} generated units (en + ar + zh), {s.Queries} lookups, seed {s.Seed}");

        // Unit i is drawn from a generator seeded with (seed, i): the same on every run. The units are written to a
        // file before the clock starts (rendering boilerplate through ICU and drawing words is the benchmark's work,
        // not an ingest's), and the timed ingest reads them from it, as `aligntool import` reads a large TMX file.
        Random For(int i) => new(unchecked(s.Seed * 1_000_003 + i));
        var unitsFile = UnitsFile(path);
        var generation = Stopwatch.StartNew();
        using (var stream = File.Create(unitsFile))
        {
            using (var file = new BinaryWriter(new BufferedStream(stream, 1 << 20), System.Text.Encoding.UTF8, leaveOpen: true))
            {
                for (int i = 0; i < s.Units; i++)
                {
                    var (en, ar, zh) = corpus.Next(For(i), i);
                    file.Write(en);
                    file.Write(ar);
                    file.Write(zh);
                }
            }
            // On disk before the clock starts: the kernel writing it back would take the disk, and CPU, from the timed
            // ingest.
            stream.Flush(flushToDisk: true);
        }
        o.WriteLine($"generated in {generation.Elapsed.TotalSeconds:F1} s ({new FileInfo(unitsFile).Length / 1e6:F0} MB of UTF-8, not timed)");

        // The units read back and prepared (normalized, masked, gram-hashed) on the other cores, in order.
        IEnumerable<PreparedUnit> Prepared() => ParallelPreparation.Prepare(Read(unitsFile, s.Units), (preparer, item) =>
        {
            var (i, en, ar, zh) = item;
            var occurrence = new Occurrence(AlignTool.Core.Documents.Zone.AnnexBody, null, i, null, null);
            return new PreparedUnit(preparer.Prepare(en, Language.English),
                [new PreparedVariant(preparer.Prepare(ar, Language.Arabic), occurrence), new PreparedVariant(preparer.Prepare(zh, Language.Chinese), occurrence)]);
        });
        var sw = Stopwatch.StartNew();
        var cpu = System.Environment.CpuUsage.TotalTime;
        if (s.PrepareOnly)
        {
            int prepared = Prepared().Count();
            var wall = sw.Elapsed;
            cpu = System.Environment.CpuUsage.TotalTime - cpu;
            o.WriteLine($"preparation alone: {prepared / wall.TotalSeconds:N0} units/s ({wall.TotalSeconds:F1} s wall, cpu {cpu.TotalSeconds:F1} s; read from the file, prepared by {PreparationOptions.Default.Workers} worker(s) and by the reading thread while it waits, nothing stored)");
            return ExitCodes.Success;
        }

        // Ingest: the texts read back as one document, as `aligntool import` stores a large TMX file: prepared on the
        // other cores (and by the writer while it waits) while the memory stores the units already prepared.
        using (var memory = SqliteTranslationMemory.Open(path, new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing }))
        {
            int done = 0;
            var units = Prepared();
            var progress = units.Select(u =>
            {
                if (++done % 10_000 == 0 && context.ErrorIsTerminal) context.Err.Write($"\ringested {done:N0} / {s.Units:N0}");
                return u;
            });
            memory.AddDocument(new DocumentRecord("bench", $"bench-{s.Seed}-{s.Units}", null, null, null, Language.All, "bench"), progress, "bench", DateTimeOffset.UnixEpoch);
            if (context.ErrorIsTerminal) context.Err.WriteLine();
        }
        var ingest = sw.Elapsed;
        cpu = System.Environment.CpuUsage.TotalTime - cpu;
        (double Seconds, long Bytes)? pgIngest = null;
        if (pg is not null)
        {
            var pgClock = Stopwatch.StartNew();
            using var memory = PostgresTranslationMemory.Open(pg);
            memory.AddDocument(new DocumentRecord("bench", $"bench-{s.Seed}-{s.Units}", null, null, null, Language.All, "bench"), Prepared(), "bench", DateTimeOffset.UnixEpoch);
            pgIngest = (pgClock.Elapsed.TotalSeconds, memory.StorageBytes());
        }
        File.Delete(unitsFile);
        long bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        o.WriteLine($"ingest: {s.Units / ingest.TotalSeconds:N0} units/s ({ingest.TotalSeconds:F1} s wall, one transaction; read from the file, prepared by {PreparationOptions.Default.Workers} worker(s) and by the writer while it waits, stored by the writer)");
        // How busy the machine was: a rate near cores / (CPU per unit) cannot be raised by spreading the work wider.
        o.WriteLine($"ingest cpu: {cpu.TotalSeconds:F1} s on {Environment.ProcessorCount} core(s) ({cpu.TotalSeconds / ingest.TotalSeconds:F2} busy on average), {cpu.TotalMicroseconds / s.Units:F0} µs a unit");
        if (pgIngest is { } p) o.WriteLine($"postgresql ingest: {s.Units / p.Seconds:N0} units/s ({p.Seconds:F1} s wall, one transaction, rows and postings by binary COPY); {p.Bytes / 1e6:F0} MB on the server, {p.Bytes / (double)s.Units:F0} bytes per unit");
        o.WriteLine($"database: {bytes / 1e6:F0} MB, {bytes / (double)s.Units:F0} bytes per unit (three languages, occurrences and index included)");

        if (s.Queries == 0) return ExitCodes.Success;

        // Lookups: a mix of memory sentences with words changed (fuzzy), sentences as stored (exact) and boilerplate with other slots (template).
        using var tm = SqliteTranslationMemory.Open(path);
        var lookup = new MemoryLookup(tm);
        // A query is made from a stored unit (drawn again from its seed) as stored, with words changed, or as other boilerplate.
        string Query(int i)
        {
            int stored = rng.Next(s.Units);
            return corpus.Query(rng, corpus.Next(For(stored), stored).En, i);
        }
        var queries = Enumerable.Range(0, s.Queries).Select(Query).ToList();
        // Warm up on queries of their own (100), so that the figures are those of a running prefill, not of the
        // just-in-time compiler's first passes.
        foreach (var q in Enumerable.Range(0, 100).Select(Query)) lookup.Lookup(q, Language.English, Language.Chinese);
        var times = new List<double>();
        var kinds = new Dictionary<MatchKind, int>();
        var byKind = new Dictionary<MatchKind, List<double>>();
        foreach (var q in queries)
        {
            var t = Stopwatch.StartNew();
            var m = lookup.Lookup(q, Language.English, Language.Chinese, new LookupOptions { Limit = 5, MinScore = 70 });
            times.Add(t.Elapsed.TotalMilliseconds);
            var best = m.Count == 0 ? MatchKind.None : m[0].Kind;
            kinds[best] = kinds.GetValueOrDefault(best) + 1;
            if (!byKind.TryGetValue(best, out var list)) byKind[best] = list = [];
            list.Add(times[^1]);
        }
        times.Sort();
        o.WriteLine($"fuzzy lookup, top 5, min 70: p50 {P(times, 50):F2} ms, p95 {P(times, 95):F2} ms, p99 {P(times, 99):F2} ms, max {times[^1]:F2} ms");
        o.WriteLine($"best match kinds (count, p50 ms): {string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key.Name()} {k.Value.Count} ({P(k.Value.Order().ToList(), 50):F2})"))}");

        // The same lookups by a linear scan of every unit (tokens held in memory, as OmegaT holds its TMs).
        if (s.ScanQueries > 0)
        {
            var tokens = new Tokens();
            var all = tm.ScanUnits().Select(u => tokens.Units(TextNormalizer.Normalize(u.Text), "en")).ToList();
            var scanTimes = new List<double>();
            foreach (var q in queries.Take(s.ScanQueries))
            {
                var qUnits = tokens.Units(TextNormalizer.Normalize(q), "en");
                var t = Stopwatch.StartNew();
                int found = 0;
                foreach (var u in all)
                {
                    if (FuzzyScorer.Score(qUnits, u, "en").Score >= 70) found++;
                }
                scanTimes.Add(t.Elapsed.TotalMilliseconds);
            }
            scanTimes.Sort();
            double scan = P(scanTimes, 50);
            o.WriteLine($"linear scan of {all.Count:N0} units: p50 {scan:F0} ms per lookup ({s.ScanQueries} lookups); the index is {scan / P(times, 50):N0}× faster at p50, {scan / P(times, 95):N0}× at p95");
        }
        if (pg is null) return ExitCodes.Success;

        // Side by side: one client, 16 clients at the offered rate, 16 clients back to back; each client its own
        // connection (its own memory handle), as 16 translators' prefills would be.
        var warm = Enumerable.Range(0, 100).Select(Query).ToList();
        foreach (var (name, open) in new (string, Func<ITranslationMemory>)[]
        {
            ("sqlite", () => SqliteTranslationMemory.Open(path)),
            ("postgresql", () => PostgresTranslationMemory.Open(pg)),
        })
        {
            using (var one = open())
            {
                var single = new MemoryLookup(one);
                foreach (var q in warm) single.Lookup(q, Language.English, Language.Chinese);
                var t1 = new List<double>();
                foreach (var q in queries)
                {
                    var t = Stopwatch.StartNew();
                    single.Lookup(q, Language.English, Language.Chinese, new LookupOptions { Limit = 5, MinScore = 70 });
                    t1.Add(t.Elapsed.TotalMilliseconds);
                }
                t1.Sort();
                o.WriteLine($"{name}, 1 client: p50 {P(t1, 50):F2} ms, p95 {P(t1, 95):F2} ms, p99 {P(t1, 99):F2} ms, max {t1[^1]:F2} ms");
            }
            var (offered, offeredWall) = Concurrent(open, warm, queries, Clients, OfferedRate);
            o.WriteLine($"{name}, {Clients} clients at {OfferedRate:F0} lookups/s offered: p50 {P(offered, 50):F2} ms, p95 {P(offered, 95):F2} ms, p99 {P(offered, 99):F2} ms, max {offered[^1]:F2} ms (timed from when each was due; {queries.Count / offeredWall:F0} lookups/s achieved)");
            var (busy, busyWall) = Concurrent(open, warm, queries, Clients, null);
            o.WriteLine($"{name}, {Clients} clients back to back: {queries.Count / busyWall:F0} lookups/s, p50 {P(busy, 50):F2} ms, p95 {P(busy, 95):F2} ms, p99 {P(busy, 99):F2} ms");
        }
        if (s.PgTrgm > 0) CompareTrigrams(pg, tm, queries.Take(s.PgTrgm).ToList());
        return ExitCodes.Success;
    }

    /// <summary>
    /// Fuzzy candidates of the same queries on the same PostgreSQL memory, from the gram index (what lookups use) and
    /// from pg_trgm (a GIN index of the English on its trigrams, similarity ≥ 0.3, most similar first): the time of
    /// the candidate query alone, and recall: of the matches a lookup should return (the top 5 at score ≥ 70 of a
    /// linear scan of every unit, scored as lookups score), the share the 25 candidates hold (a match counts as found
    /// when the candidates' match of that rank scores as much).
    /// </summary>
    private void CompareTrigrams(PostgresLocation pg, SqliteTranslationMemory scanned, List<string> queries)
    {
        var o = context.Out;
        using var memory = PostgresTranslationMemory.Open(pg);
        var build = memory.AddTrigramIndex();
        long bytes = memory.StorageBytes();
        o.WriteLine($"pg_trgm: GIN index of the units' English built in {build.TotalSeconds:F1} s; the memory is {bytes / 1e6:F0} MB on the server with it");
        // What a lookup should find: the linear scan's best five at 70 or more, by text.
        var tokens = new Tokens();
        var all = scanned.ScanUnits().Select(u => (u.Text, Units: tokens.Units(TextNormalizer.Normalize(u.Text), "en"))).ToList();
        var preparer = new TextPreparer();
        var options = new LookupOptions();
        var grams = (Times: new List<double>(), Found: 0, Candidates: 0);
        var trgm = (Times: new List<double>(), Found: 0, Candidates: 0);
        int expected = 0;
        // Warm-up of both paths (plans, caches) on the last queries.
        foreach (var q in queries.TakeLast(20))
        {
            memory.FuzzyCandidates(new CandidateQuery(Language.English, preparer.Prepare(q, Language.English).Grams, options.MinScore, options.MaxCandidates, options.PostingBudget));
            memory.TrigramCandidates(q, options.MaxCandidates);
        }
        foreach (var q in queries)
        {
            var qUnits = tokens.Units(TextNormalizer.Normalize(q), "en");
            var scores = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var u in all)
            {
                int score = FuzzyScorer.Score(qUnits, u.Units, "en").Score;
                if (score >= options.MinScore) scores[u.Text] = Math.Max(score, scores.GetValueOrDefault(u.Text));
            }
            var truth = scores.Values.OrderDescending().Take(options.Limit).ToList();
            expected += truth.Count;
            var prepared = preparer.Prepare(q, Language.English);
            var t = Stopwatch.StartNew();
            var byGrams = memory.FuzzyCandidates(new CandidateQuery(Language.English, prepared.Grams, options.MinScore, options.MaxCandidates, options.PostingBudget));
            grams.Times.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            var byTrigrams = memory.TrigramCandidates(q, options.MaxCandidates);
            trgm.Times.Add(t.Elapsed.TotalMilliseconds);
            // The i-th best of the scan is found when the candidates' i-th best scores as much (ties are many among
            // boilerplate: any of the equals will do).
            int Found(IReadOnlyList<long> ids)
            {
                var best = memory.LoadSourceTexts(Language.English, ids).Select(x => scores.GetValueOrDefault(x.Text)).OrderDescending().Take(options.Limit).ToList();
                return truth.Select((score, i) => i < best.Count && best[i] >= score).Count(f => f);
            }
            grams = (grams.Times, grams.Found + Found(byGrams), grams.Candidates + byGrams.Count);
            trgm = (trgm.Times, trgm.Found + Found(byTrigrams), trgm.Candidates + byTrigrams.Count);
        }
        foreach (var (name, r) in new[] { ("gram index", grams), ("pg_trgm", trgm) })
        {
            r.Times.Sort();
            o.WriteLine($"candidates by the {name}, {queries.Count} queries: p50 {P(r.Times, 50):F2} ms, p95 {P(r.Times, 95):F2} ms, p99 {P(r.Times, 99):F2} ms; "
                + $"{r.Candidates / (double)queries.Count:F1} candidates a query; recall {(expected == 0 ? 1 : r.Found / (double)expected):P1} of the {expected} matches a linear scan finds (top 5, score ≥ {options.MinScore})");
        }
    }

    /// <summary>
    /// The queries shared among <paramref name="clients"/> threads, each with a memory of its own: at
    /// <paramref name="rate"/> lookups a second in all (query j due at j / rate seconds; its time counts from then, so
    /// that a lookup kept waiting behind a slow one is not hidden), or back to back. The sorted times and the wall time.
    /// </summary>
    private static (List<double> Times, double Wall) Concurrent(Func<ITranslationMemory> open, List<string> warm, List<string> queries, int clients, double? rate)
    {
        var memories = Enumerable.Range(0, clients).Select(_ => open()).ToList();
        try
        {
            var times = new double[queries.Count];
            using var ready = new Barrier(clients + 1);
            var clock = new Stopwatch();
            var threads = Enumerable.Range(0, clients).Select(c => new Thread(() =>
            {
                var lookup = new MemoryLookup(memories[c]);
                for (int k = c; k < warm.Count; k += clients) lookup.Lookup(warm[k], Language.English, Language.Chinese);
                ready.SignalAndWait();
                for (int j = c; j < queries.Count; j += clients)
                {
                    double due = rate is { } r ? j / r * 1000 : clock.Elapsed.TotalMilliseconds;
                    double wait = due - clock.Elapsed.TotalMilliseconds;
                    if (wait > 0) Thread.Sleep(TimeSpan.FromMilliseconds(wait));
                    lookup.Lookup(queries[j], Language.English, Language.Chinese, new LookupOptions { Limit = 5, MinScore = 70 });
                    times[j] = clock.Elapsed.TotalMilliseconds - due;
                }
            }) { IsBackground = true }).ToList();
            foreach (var t in threads) t.Start();
            ready.SignalAndWait();
            clock.Start();
            foreach (var t in threads) t.Join();
            double wall = clock.Elapsed.TotalSeconds;
            var sorted = times.ToList();
            sorted.Sort();
            return (sorted, wall);
        }
        finally
        {
            foreach (var m in memories) m.Dispose();
        }
    }

    /// <summary>The units of the generated file, in order, read on the consumer's thread (the writer's): each text is
    /// decoded from one buffer kept for the whole file, where <c>BinaryReader.ReadString</c> took a builder and two
    /// buffers for every text over 128 bytes.</summary>
    private static IEnumerable<(int I, string En, string Ar, string Zh)> Read(string file, int count)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(file), 1 << 20));
        var bytes = new byte[4096];
        string Next()
        {
            int n = reader.Read7BitEncodedInt(); // as BinaryWriter.Write(string) wrote it: the UTF-8 length, then the bytes
            if (bytes.Length < n) bytes = new byte[Math.Max(n, bytes.Length * 2)];
            reader.BaseStream.ReadExactly(bytes, 0, n);
            return System.Text.Encoding.UTF8.GetString(bytes, 0, n);
        }
        for (int i = 0; i < count; i++) yield return (i, Next(), Next(), Next());
    }

    private static double P(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Realistic units from the seeds and the catalogue, varied so that they are many and distinct.</summary>
    /// <summary>Lookup texts as this benchmark makes them for a memory it generated with <paramref name="units"/> and
    /// <paramref name="seed"/>: stored sentences as they are, with words changed, and boilerplate with other slots.</summary>
    internal static List<string> LookupTexts(int units, int seed, int count)
    {
        var rng = new Random(seed + 1);
        var corpus = new Generator();
        return Enumerable.Range(0, count).Select(i =>
        {
            int stored = rng.Next(units);
            return corpus.Query(rng, corpus.Next(new Random(unchecked(seed * 1_000_003 + stored)), stored).En, i);
        }).ToList();
    }

    private sealed class Generator
    {
        private readonly List<string> _english = [], _arabic = [], _chinese = [];
        private readonly List<string> _words;
        private readonly List<CatalogEntry> _boilerplate;
        private readonly string[] _countries = ["AZ", "AM", "CH", "SY", "KR", "FR", "CN", "EG", "SA", "DZ", "IQ", "QA", "MA", "PK", "TR", "GE", "UA", "DE", "JP", "IN", "BR", "CU", "MX", "NG", "ZA", "YE", "JO", "LB", "TN"];

        public Generator()
        {
            var parser = new DocumentParser();
            var segmenter = new Segmenter();
            foreach (var (name, source) in TmData.Corpus())
            {
                foreach (var b in parser.Parse(name, source).Blocks)
                {
                    var list = b.Lang switch { "en" => _english, "ar" => _arabic, "zh" => _chinese, _ => null };
                    if (list is null) continue;
                    foreach (var span in segmenter.Segment(b.Text, b.Lang)) list.Add(span.Of(b.Text));
                }
            }
            _words = _english.SelectMany(s => s.Split(' ')).Where(w => w.Length > 3 && w.All(char.IsLetter)).Distinct().ToList();
            _boilerplate = Catalog.Default.Entries.Where(e => e.Template("ar") is not null && e.Template("zh") is not null).ToList();
        }

        public (string En, string Ar, string Zh) Next(Random rng, int i)
        {
            if (i % 10 < 3)
            {
                var e = _boilerplate[rng.Next(_boilerplate.Count)];
                var values = Values(rng, e.Template("en")!);
                var p = PlaceableSet.Default;
                var en = e.Template("en")!.Render("en", values, p);
                var ar = e.Template("ar")!.Render("ar", values, p);
                var zh = e.Template("zh")!.Render("zh", values, p);
                if (en is not null && ar is not null && zh is not null) return (en, ar, zh);
            }
            // A seed sentence with three words changed, and a number now and then (resolution 822, 60.000 inhabitants).
            var words = _english[rng.Next(_english.Count)].Split(' ');
            for (int k = 0; k < 3; k++) words[rng.Next(words.Length)] = _words[rng.Next(_words.Count)];
            if (rng.Next(3) == 0) words[rng.Next(words.Length)] = rng.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sentence = string.Join(' ', words);
            string number = rng.Next(3) == 0 ? " " + rng.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            return (sentence, _arabic[rng.Next(_arabic.Count)] + number, _chinese[rng.Next(_chinese.Count)] + number.Trim());
        }

        public string Query(Random rng, string stored, int i)
        {
            switch (i % 4)
            {
                case 0: return stored; // as stored: exact
                case 1:
                {
                    var words = stored.Split(' ');
                    words[rng.Next(words.Length)] = _words[rng.Next(_words.Count)];
                    return string.Join(' ', words);
                }
                case 2:
                {
                    var e = _boilerplate[rng.Next(_boilerplate.Count)];
                    return e.Template("en")!.Render("en", Values(rng, e.Template("en")!), PlaceableSet.Default) ?? stored;
                }
                default:
                {
                    var words = stored.Split(' ').ToList();
                    if (words.Count > 4) words.RemoveAt(rng.Next(words.Count));
                    words.Insert(rng.Next(words.Count), _words[rng.Next(_words.Count)]);
                    return string.Join(' ', words);
                }
            }
        }

        private List<SlotValue> Values(Random rng, SlotTemplate t)
        {
            var values = new List<SlotValue>();
            foreach (var slot in t.Slots)
            {
                var day = new DateOnly(2000 + rng.Next(26), 1 + rng.Next(12), 1 + rng.Next(28));
                values.Add(slot.Kind switch
                {
                    SlotKind.Date => new DateValue(day),
                    SlotKind.DateRange => new DateRangeValue(day, day.AddDays(7 + rng.Next(20))),
                    SlotKind.SessionOrdinal or SlotKind.YearOrdinal => new OrdinalValue(slot.Kind, 1 + rng.Next(100)),
                    SlotKind.Agenda => new AgendaValue(rng.Next(3) == 0 ? [$"{1 + rng.Next(150)}", $"{1 + rng.Next(150)}"] : [$"{1 + rng.Next(150)}"]),
                    SlotKind.Country => new CountryValue(_countries[rng.Next(_countries.Length)], CountryForm.Short),
                    SlotKind.Job => new JobValue($"GE.{20 + rng.Next(6)}-{rng.Next(100000):D5}", 'E'),
                    SlotKind.Barcode => new TextValue(SlotKind.Barcode, "* 2 0 0 6 4 3 3 *"),
                    SlotKind.Person => new TextValue(SlotKind.Person, "Yashar Aliyev"),
                    SlotKind.CalendarYear => new TextValue(SlotKind.CalendarYear, $"{2000 + rng.Next(30)}"),
                    _ => new TextValue(SlotKind.Symbol, $"A/HRC/{30 + rng.Next(30)}/G/{1 + rng.Next(20)}"),
                });
            }
            return values;
        }
    }
}
