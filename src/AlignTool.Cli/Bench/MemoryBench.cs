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
using AlignTool.Memory.Sqlite;

namespace AlignTool.Cli.Bench;

/// <summary>
/// Memory benchmark: a generated memory of realistic units (catalogue boilerplate with varied slots, and the seeds'
/// sentences with varied words and numbers, in English, Arabic and Chinese); ingest rate, bytes per unit, fuzzy
/// lookup latency (p50/p95/p99, top 5) and the same lookups by a linear scan of every unit, as OmegaT does.
/// </summary>
internal sealed class MemoryBench(CliContext context)
{
    /// <param name="PrepareOnly">Time reading and preparing the generated units alone, nothing stored: the other half
    /// of the ingest's pipeline, which the writer waits on when it is the slower.</param>
    public sealed record Settings(int Units, int Queries, int ScanQueries, string? Path, int Seed, bool PrepareOnly = false);

    public int Run(Settings s)
    {
        BenchLeftovers.Remove(context.Err);
        if (s.Path is not null) OutputFiles.Check(s.Path);
        var path = s.Path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aligntool-bench-{Environment.ProcessId}.db");
        Delete(path);
        try
        {
            return Measure(s, path);
        }
        finally
        {
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

    private int Measure(Settings s, string path)
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
        var cpu = Environment.CpuUsage.TotalTime;
        if (s.PrepareOnly)
        {
            int prepared = Prepared().Count();
            var wall = sw.Elapsed;
            cpu = Environment.CpuUsage.TotalTime - cpu;
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
        cpu = Environment.CpuUsage.TotalTime - cpu;
        File.Delete(unitsFile);
        long bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        o.WriteLine($"ingest: {s.Units / ingest.TotalSeconds:N0} units/s ({ingest.TotalSeconds:F1} s wall, one transaction; read from the file, prepared by {PreparationOptions.Default.Workers} worker(s) and by the writer while it waits, stored by the writer)");
        // How busy the machine was: a rate near cores / (CPU per unit) cannot be raised by spreading the work wider.
        o.WriteLine($"ingest cpu: {cpu.TotalSeconds:F1} s on {Environment.ProcessorCount} core(s) ({cpu.TotalSeconds / ingest.TotalSeconds:F2} busy on average), {cpu.TotalMicroseconds / s.Units:F0} µs a unit");
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
        return ExitCodes.Success;
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
