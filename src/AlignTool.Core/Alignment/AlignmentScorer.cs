namespace AlignTool.Core.Alignment;

/// <summary>Strict and lax precision, recall and F1 of predicted beads against gold beads.</summary>
public sealed record AlignmentScore(double StrictPrecision, double StrictRecall, double LaxPrecision, double LaxRecall, int Predicted, int Gold)
{
    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double LaxF1 => F1(LaxPrecision, LaxRecall);

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// The scorer of Sennrich &amp; Volk (2011) as in Vecalign's (and <c>shared/bench/align/score.py</c>, the reference):
/// a predicted bead is a strict hit when it equals a gold bead, a lax hit when it shares a source–target link with one.
/// Precision is over every predicted bead (a deletion that the gold also has is a strict hit, and never a lax one);
/// recall is over the gold beads that are not deletions, each found strictly when a predicted bead equals it and laxly
/// when a predicted bead that is not a deletion shares a link with it. When the gold follows verses, consecutive
/// predicted beads inside one verse are merged first.
/// </summary>
public static class AlignmentScorer
{
    public static AlignmentScore Score(IReadOnlyList<Bead> predicted, IReadOnlyList<(int[] Source, int[] Target)> gold, IReadOnlyList<string>? sourceVerse = null, IReadOnlyList<string>? targetVerse = null)
    {
        var beads = sourceVerse is null || targetVerse is null
            ? predicted.Select(b => (Source: b.Source.ToArray(), Target: b.Target.ToArray())).ToList()
            : MergeWithinVerses(predicted, sourceVerse, targetVerse);
        var pred = Distinct(beads.Where(b => b.Source.Length > 0 || b.Target.Length > 0));
        var goldAll = Distinct(gold.Where(b => b.Source.Length > 0 || b.Target.Length > 0));
        var (ps, pl) = Hits(goldAll, pred);
        var goldLinked = Distinct(gold.Where(b => b.Source.Length > 0 && b.Target.Length > 0));
        var (rs, rl) = Hits(Distinct(pred.Where(b => b.Source.Length > 0 && b.Target.Length > 0)), goldLinked);
        double P(int x, int n) => n == 0 ? 0 : (double)x / n;
        return new AlignmentScore(P(ps, pred.Count), P(rs, goldLinked.Count), P(pl, pred.Count), P(rl, goldLinked.Count), pred.Count, goldLinked.Count);
    }

    private static List<(int[] Source, int[] Target)> Distinct(IEnumerable<(int[] Source, int[] Target)> beads)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return beads.Where(b => seen.Add(Key(b))).ToList();
    }

    /// <summary>How many of <paramref name="test"/> equal a bead of <paramref name="reference"/> (strict), and how many
    /// equal one or share a link with one (lax).</summary>
    private static (int Strict, int Lax) Hits(List<(int[] Source, int[] Target)> reference, List<(int[] Source, int[] Target)> test)
    {
        var keys = reference.Select(Key).ToHashSet(StringComparer.Ordinal);
        var links = new Dictionary<int, HashSet<int>>();
        foreach (var (s, t) in reference)
            foreach (var a in s)
            {
                if (!links.TryGetValue(a, out var set)) links[a] = set = [];
                set.UnionWith(t);
            }
        int strict = 0, lax = 0;
        foreach (var b in test)
        {
            if (keys.Contains(Key(b))) { strict++; lax++; continue; }
            if (b.Source.Any(a => links.TryGetValue(a, out var set) && b.Target.Any(set.Contains))) lax++;
        }
        return (strict, lax);
    }

    private static string Key((int[] Source, int[] Target) b) => string.Join(",", b.Source) + ":" + string.Join(",", b.Target);

    private static List<(int[] Source, int[] Target)> MergeWithinVerses(IReadOnlyList<Bead> beads, IReadOnlyList<string> sv, IReadOnlyList<string> tv)
    {
        var result = new List<(int[] Source, int[] Target)>();
        List<int>? s = null, t = null;
        string? verse = null;
        foreach (var b in beads)
        {
            var verses = b.Source.Select(i => sv[i]).Concat(b.Target.Select(j => tv[j])).Distinct().ToList();
            string? v = verses.Count == 1 ? verses[0] : null;
            if (v is not null && v == verse && s is not null && t is not null)
            {
                s.AddRange(b.Source);
                t.AddRange(b.Target);
                continue;
            }
            if (s is not null && t is not null) result.Add((s.ToArray(), t.ToArray()));
            s = [.. b.Source];
            t = [.. b.Target];
            verse = v;
        }
        if (s is not null && t is not null) result.Add((s.ToArray(), t.ToArray()));
        return result;
    }

    /// <summary>Reads gold beads written <c>[0,1]:[0]</c>, one a line.</summary>
    public static List<(int[] Source, int[] Target)> ParseGold(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':'))
            .Select(p => (Ids(p[0]), Ids(p[1])))
            .ToList();

    private static int[] Ids(string s) =>
        s.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
