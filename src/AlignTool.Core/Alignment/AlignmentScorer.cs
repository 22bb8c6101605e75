namespace AlignTool.Core.Alignment;

/// <summary>Strict and lax precision, recall and F1 of predicted beads against gold beads.</summary>
public sealed record AlignmentScore(double StrictPrecision, double StrictRecall, double LaxPrecision, double LaxRecall, int Predicted, int Gold)
{
    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double LaxF1 => F1(LaxPrecision, LaxRecall);

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// The scorer of Sennrich &amp; Volk (2011) as in Vecalign: a predicted bead is a strict hit when it equals a gold bead,
/// a lax hit when it shares a source–target link with one; precision over predicted beads (deletions excluded),
/// recall over gold beads. When the gold follows verses, consecutive predicted beads inside one verse are merged first.
/// </summary>
public static class AlignmentScorer
{
    public static AlignmentScore Score(IReadOnlyList<Bead> predicted, IReadOnlyList<(int[] Source, int[] Target)> gold, IReadOnlyList<string>? sourceVerse = null, IReadOnlyList<string>? targetVerse = null)
    {
        var beads = sourceVerse is null || targetVerse is null
            ? predicted.Select(b => (Source: b.Source.ToArray(), Target: b.Target.ToArray())).ToList()
            : MergeWithinVerses(predicted, sourceVerse, targetVerse);
        var pred = beads.Where(b => b.Source.Length > 0 && b.Target.Length > 0).ToList();
        var goldKeys = gold.Select(Key).ToHashSet();
        int strict = pred.Count(b => goldKeys.Contains(Key(b)));
        var goldLinks = new Dictionary<(int, int), int>();
        for (int g = 0; g < gold.Count; g++)
            foreach (var s in gold[g].Source) foreach (var t in gold[g].Target) goldLinks[(s, t)] = g;
        var goldHit = new HashSet<int>();
        int laxPred = 0;
        foreach (var b in pred)
        {
            bool hit = false;
            foreach (var s in b.Source)
                foreach (var t in b.Target)
                    if (goldLinks.TryGetValue((s, t), out var g)) { hit = true; goldHit.Add(g); }
            if (hit) laxPred++;
        }
        double P(int x, int n) => n == 0 ? 0 : (double)x / n;
        return new AlignmentScore(P(strict, pred.Count), P(strict, gold.Count), P(laxPred, pred.Count), P(goldHit.Count, gold.Count), pred.Count, gold.Count);
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
