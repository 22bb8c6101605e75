using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;

namespace AlignTool.Cli.Bench;

/// <summary>
/// One alignment test: two versions one sentence a line, the gold beads (<c>[src ids]:[tgt ids]</c>), the verses when
/// the gold follows verses, and the pairs a memory would hold for the same languages (when the set is measured with
/// lexical evidence from a memory).
/// </summary>
internal sealed record AlignSet(
    string Name, string Kind, string[] Source, string SourceLang, string[] Target, string TargetLang,
    IReadOnlyList<(int[] Source, int[] Target)> Gold, string[]? SourceVerses = null, string[]? TargetVerses = null,
    IReadOnlyList<(string English, string Other)>? Memory = null, int? DocumentSize = null)
{
    /// <summary>Every set the benchmark knows, by name, built from <c>shared/bench/align</c>; a folder given with
    /// <c>--set</c> is added as <c>custom</c>.</summary>
    public static IReadOnlyList<(string Name, Func<AlignSet> Load)> All(string? custom)
    {
        var sets = new List<(string, Func<AlignSet>)>
        {
            ("bible-en-zh-verses", () => Bible(verses: true)),
            ("bible-en-zh", () => Bible(verses: false)),
        };
        foreach (var lang in new[] { "ar", "zh" })
        {
            sets.Add(($"un-en-{lang}", () => Folder($"un-en-{lang}", "public, perturbed", Dir($"un-2015/en-{lang}"), "en", lang)));
            sets.Add(($"un-en-{lang}-memory", () => Folder($"un-en-{lang}-memory", "public, perturbed, memory of devset lines 1001–2000", Dir($"un-2015/en-{lang}"), "en", lang) with { Memory = Devset(lang, 1000, 1000) }));
            sets.Add(($"un-en-{lang}-1to1", () => OneToOne($"un-en-{lang}-1to1", lang, 0, 1000)));
            sets.Add(($"un-en-{lang}-1to1-short", () => OneToOne($"un-en-{lang}-1to1-short", lang, 0, 1000) with { Kind = "public lines, unperturbed, as 40 documents of 25 lines", DocumentSize = 25 }));
            sets.Add(($"un-en-{lang}-1to1-short-memory", () => OneToOne($"un-en-{lang}-1to1-short-memory", lang, 0, 1000) with { Kind = "the same, memory of devset lines 1001–2000", DocumentSize = 25, Memory = Devset(lang, 1000, 1000) }));
            sets.Add(($"heldout-un-en-{lang}", () => Perturbed($"heldout-un-en-{lang}", lang, 1000, 1000, 29)));
            sets.Add(($"heldout-un-en-{lang}-1to1", () => OneToOne($"heldout-un-en-{lang}-1to1", lang, 1000, 1000)));
        }
        if (custom is not null) sets.Add(("custom", () => Folder("custom", custom, custom, null, null)));
        return sets;
    }

    private static string Dir(string relative) =>
        BenchPaths.Find("align/" + relative) ?? throw CliException.BadInput("../shared/bench/align/" + relative, "the benchmark set is not there (is shared/ beside the repository?)");

    private static string[] Lines(string path) =>
        File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToArray();

    private static AlignSet Bible(bool verses)
    {
        var dir = Dir("bible-en-zh/001");
        string F(string n) => Path.Combine(dir, n);
        return new AlignSet(verses ? "bible-en-zh-verses" : "bible-en-zh", verses ? "tuning set, verse-merged" : "tuning set, no verse merging",
            Lines(F("src.txt")), "en", Lines(F("tgt.txt")), "zh", AlignmentScorer.ParseGold(File.ReadAllText(F("gold.txt"))),
            verses ? Lines(F("src.verse")) : null, verses ? Lines(F("tgt.verse")) : null);
    }

    private static AlignSet Folder(string name, string kind, string dir, string? sourceLang, string? targetLang)
    {
        string F(string n) => Path.Combine(dir, n);
        foreach (var f in new[] { "src.txt", "tgt.txt", "gold.txt" })
            if (!File.Exists(F(f))) throw CliException.BadInput(F(f), "a gold set folder holds src.txt, tgt.txt and gold.txt");
        var src = Lines(F("src.txt"));
        var tgt = Lines(F("tgt.txt"));
        string Lang(string[] lines) => Core.Text.LanguageDetector.Count(string.Join(' ', lines.Take(200))).Language;
        return new AlignSet(name, kind, src, sourceLang ?? Lang(src), tgt, targetLang ?? Lang(tgt), AlignmentScorer.ParseGold(File.ReadAllText(F("gold.txt"))));
    }

    /// <summary>Lines <paramref name="start"/>.. of the UN development set, English and <paramref name="lang"/>, 1-1.</summary>
    private static (string[] En, string[] Other) DevsetLines(string lang, int start, int count)
    {
        var dir = Dir("un-2015");
        var en = File.ReadAllText(Path.Combine(dir, "devset-a.en")).Split('\n').Skip(start).Take(count).ToArray();
        var other = File.ReadAllText(Path.Combine(dir, $"devset-a.{lang}")).Split('\n').Skip(start).Take(count).ToArray();
        return (en, other);
    }

    private static IReadOnlyList<(string, string)> Devset(string lang, int start, int count)
    {
        var (en, other) = DevsetLines(lang, start, count);
        return en.Zip(other).ToList();
    }

    private static AlignSet OneToOne(string name, string lang, int start, int count)
    {
        var (en, other) = DevsetLines(lang, start, count);
        return new AlignSet(name, start == 0 ? "public lines, unperturbed" : "held-out lines, unperturbed", en, "en", other, lang,
            [.. Enumerable.Range(0, en.Length).Select(i => (new[] { i }, new[] { i }))]);
    }

    /// <summary>
    /// A test built as <c>make_bench.py</c> builds the public ones, from lines that no public set uses: about 3% of
    /// target sentences deleted and 3% of adjacent source pairs merged into one line, never beside a deleted line.
    /// </summary>
    private static AlignSet Perturbed(string name, string lang, int start, int count, int seed)
    {
        var (s, t) = DevsetLines(lang, start, count);
        int n = s.Length;
        var rng = new Random(seed);
        int k = Math.Max(1, (int)Math.Round(0.03 * n));
        var deleted = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k).ToHashSet();
        var candidates = Enumerable.Range(0, n - 1).Where(i => !deleted.Contains(i) && !deleted.Contains(i + 1)).OrderBy(_ => rng.Next()).ToList();
        var merged = new HashSet<int>();
        foreach (var i in candidates)
        {
            if (merged.Count >= k) break;
            if (merged.Contains(i - 1) || merged.Contains(i + 1) || merged.Contains(i)) continue;
            merged.Add(i);
        }
        var src = new List<string>();
        var tgt = new List<string>();
        var map = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
            if (!deleted.Contains(i)) { map[i] = tgt.Count; tgt.Add(t[i]); }
        var gold = new List<(int[], int[])>();
        for (int i = 0; i < n; i++)
        {
            if (merged.Contains(i))
            {
                src.Add(s[i].TrimEnd() + " " + s[i + 1].TrimStart());
                gold.Add(([src.Count - 1], [map[i], map[i + 1]]));
                i++;
            }
            else
            {
                src.Add(s[i]);
                gold.Add(([src.Count - 1], map.TryGetValue(i, out var j) ? [j] : []));
            }
        }
        return new AlignSet(name, "held-out lines, perturbed", [.. src], "en", [.. tgt], lang, gold);
    }
}
