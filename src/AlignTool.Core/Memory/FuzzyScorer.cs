namespace AlignTool.Core.Memory;

/// <summary>
/// Scores how close a memory text is to a query, 0–100: edit distance over words (English, Arabic) or characters
/// (Chinese), both normalized, then named penalties. Each score carries its reasons.
/// </summary>
public static class FuzzyScorer
{
    /// <summary>Texts differ only in what normalization folds (case, spacing, quotes, diacritics, footnote markers).</summary>
    public const int PenaltyForFormatting = 1;

    /// <summary>Same text, another context: the match is sure of the words, less of their use.</summary>
    public const int PenaltyForOtherContext = 1;

    /// <summary>Per slot whose value differs from the memory's: the target is re-rendered, which can go wrong.</summary>
    public const int PenaltyForSlot = 1;

    /// <summary>Numbers in the query that the memory text lacks: a fuzzy target would carry a wrong number.</summary>
    public const int PenaltyForNumberMismatch = 5;

    /// <summary>Edit distance between two unit sequences (Levenshtein, two rows). The units are numbered first, so
    /// that the quadratic part compares integers, not strings: a 90-word text against 25 candidates is 200,000
    /// cells.</summary>
    public static int Distance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0) return b.Count;
        if (b.Count == 0) return a.Count;
        var numbers = new Dictionary<string, int>(a.Count + b.Count, StringComparer.Ordinal);
        int Number(string unit)
        {
            if (!numbers.TryGetValue(unit, out var n)) numbers[unit] = n = numbers.Count;
            return n;
        }
        var x = new int[a.Count];
        for (int i = 0; i < x.Length; i++) x[i] = Number(a[i]);
        var y = new int[b.Count];
        for (int j = 0; j < y.Length; j++) y[j] = Number(b[j]);
        var prev = new int[y.Length + 1];
        var cur = new int[y.Length + 1];
        for (int j = 0; j <= y.Length; j++) prev[j] = j;
        for (int i = 1; i <= x.Length; i++)
        {
            cur[0] = i;
            int xi = x[i - 1];
            for (int j = 1; j <= y.Length; j++)
            {
                int cost = xi == y[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[y.Length];
    }

    /// <summary>The fuzzy score of <paramref name="candidate"/> against <paramref name="query"/> (units of normalized text).</summary>
    public static (int Score, List<string> Reasons) Score(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        var reasons = new List<string>();
        int longest = Math.Max(query.Count, candidate.Count);
        if (longest == 0) return (0, reasons);
        int distance = Distance(query, candidate);
        int score = (int)Math.Floor(100.0 * (longest - distance) / longest);
        reasons.Add($"{distance} edit(s) over {longest} unit(s)");
        var queryNumbers = query.Where(IsNumber).ToHashSet(StringComparer.Ordinal);
        var missing = queryNumbers.Where(n => !candidate.Contains(n, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            score -= PenaltyForNumberMismatch;
            reasons.Add($"-{PenaltyForNumberMismatch} numbers not in the memory: {string.Join(", ", missing)}");
        }
        if (distance > 0) score = Math.Min(score, 99);
        return (Math.Max(0, score), reasons);
    }

    /// <summary>The most a candidate of <paramref name="candidateLength"/> units can score against a query of
    /// <paramref name="queryLength"/>: the length filter that prunes candidates before any edit distance.</summary>
    public static int UpperBound(int queryLength, int candidateLength)
    {
        int longest = Math.Max(queryLength, candidateLength);
        if (longest == 0) return 0;
        return (int)Math.Floor(100.0 * Math.Min(queryLength, candidateLength) / longest);
    }

    /// <summary>
    /// An upper bound of <see cref="Score"/> from shared units alone: an edit distance is at least the longer length
    /// less the units both share, so the score is at most shared / longer. Cheap; lets the best candidates be scored
    /// first and the rest skipped.
    /// </summary>
    public static int OverlapBound(IReadOnlyList<string> query, Dictionary<string, int> queryCounts, IReadOnlyList<string> candidate)
    {
        int longest = Math.Max(query.Count, candidate.Count);
        if (longest == 0) return 0;
        var left = new Dictionary<string, int>(queryCounts, StringComparer.Ordinal);
        int shared = 0;
        foreach (var u in candidate)
        {
            if (left.TryGetValue(u, out var n) && n > 0)
            {
                left[u] = n - 1;
                shared++;
            }
        }
        return (int)Math.Floor(100.0 * shared / longest);
    }

    public static Dictionary<string, int> Counts(IReadOnlyList<string> units)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units) d[u] = d.GetValueOrDefault(u) + 1;
        return d;
    }

    private static bool IsNumber(string unit) => unit.Length > 0 && unit.All(char.IsDigit);
}
