namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// Scores how close a memory text is to a query, 0–100, as a translator would edit it: a weighted edit distance over
/// words (English, Arabic) or characters (Chinese) of normalized text, in which an inflection (<c>situations</c> for
/// <c>situation</c>) costs a quarter of its word, a function word or a mark of punctuation less than a content word,
/// and one number for another what a template match would re-render; then named penalties. Each score says why.
/// Fuzzy scores stay at or below <see cref="MaxFuzzy"/>, under exact, context and template matches.
/// </summary>
public static class FuzzyScorer
{
    /// <summary>Texts differ only in what normalization folds (case, spacing, quotes, diacritics, footnote markers).</summary>
    public const int PenaltyForFormatting = 1;

    /// <summary>Same text, another context: the match is sure of the words, less of their use.</summary>
    public const int PenaltyForOtherContext = 1;

    /// <summary>Per slot whose value differs from the memory's: the target is re-rendered, which can go wrong.</summary>
    public const int PenaltyForSlot = 1;

    /// <summary>Numbers in the query that the memory text lacks: a fuzzy target carries a number to change.</summary>
    public const int PenaltyForNumberMismatch = 2;

    /// <summary>The highest fuzzy score: below exact (100), context and formatting (99) and template (96 or more).</summary>
    public const int MaxFuzzy = 95;

    /// <summary>The fuzzy score of <paramref name="candidate"/> against <paramref name="query"/> (units of normalized
    /// text in <paramref name="lang"/>), with its reasons: the weighted edits, then the penalties.</summary>
    public static (int Score, List<string> Reasons) Score(IReadOnlyList<string> query, IReadOnlyList<string> candidate, string lang)
    {
        var reasons = new List<string>();
        var units = FuzzyUnits.For(lang);
        var q = units.Read(query);
        var c = units.Read(candidate);
        double wq = q.Sum(u => u.Weight), wc = c.Sum(u => u.Weight);
        double longest = Math.Max(wq, wc);
        if (longest == 0) return (0, reasons);
        var (distance, edits) = WeightedDistance(q, c);
        var (score, numbersMissing, capped) = Settle(distance, longest, q, c);
        if (edits.Count == 0) reasons.Add("the same words");
        else reasons.Add(string.Join("; ", edits.Take(6)) + (edits.Count > 6 ? $"; {edits.Count - 6} more edit(s)" : ""));
        if (numbersMissing)
        {
            var missing = q.Where(u => u.Kind == FuzzyUnits.Kind.Number).Select(u => u.Text).Distinct(StringComparer.Ordinal).Where(n => !c.Any(u => u.Text == n));
            reasons.Add($"-{PenaltyForNumberMismatch} numbers not in the memory: {string.Join(", ", missing)}");
        }
        if (capped) reasons.Add($"at most {MaxFuzzy} for a fuzzy match");
        return (score, reasons);
    }

    /// <summary>The score of a weighted distance, with the penalty for numbers of the query the memory text lacks and
    /// the cap of a fuzzy match: whether each applied.</summary>
    private static (int Score, bool NumbersMissing, bool Capped) Settle(double distance, double longest, FuzzyUnits.Unit[] q, FuzzyUnits.Unit[] c)
    {
        int score = (int)Math.Floor(100.0 * (longest - distance) / longest + 1e-9);
        bool numbersMissing = false;
        foreach (var u in q)
        {
            if (u.Kind != FuzzyUnits.Kind.Number) continue;
            bool found = false;
            foreach (var v in c) if (v.TextId == u.TextId) { found = true; break; }
            if (!found) { numbersMissing = true; break; }
        }
        if (numbersMissing) score -= PenaltyForNumberMismatch;
        bool capped = distance > 0 && score > MaxFuzzy;
        if (capped) score = MaxFuzzy;
        return (Math.Max(0, score), numbersMissing, capped);
    }

    /// <summary>
    /// The score alone, as <see cref="Score"/> gives it, of units already read: two rows of the edit distance and no
    /// reasons, for the many candidates a lookup weighs before it keeps a few (whose reasons <see cref="Score"/> then
    /// gives).
    /// </summary>
    internal static int Quick(FuzzyUnits.Unit[] q, double wq, FuzzyUnits.Unit[] c)
    {
        double wc = 0;
        foreach (var u in c) wc += u.Weight;
        double longest = Math.Max(wq, wc);
        if (longest == 0) return 0;
        int n = q.Length, m = c.Length;
        // The candidate's units as plain arrays: the inner loop compares numbers, not strings or structs.
        Span<int> cText = m <= 256 ? stackalloc int[m] : new int[m];
        Span<int> cStem = m <= 256 ? stackalloc int[m] : new int[m];
        Span<double> cWeight = m <= 256 ? stackalloc double[m] : new double[m];
        Span<FuzzyUnits.Kind> cKind = m <= 256 ? stackalloc FuzzyUnits.Kind[m] : new FuzzyUnits.Kind[m];
        for (int j = 0; j < m; j++) (cText[j], cStem[j], cWeight[j], cKind[j]) = (c[j].TextId, c[j].StemId, c[j].Weight, c[j].Kind);
        Span<double> prev = m + 1 <= 257 ? stackalloc double[m + 1] : new double[m + 1];
        Span<double> cur = m + 1 <= 257 ? stackalloc double[m + 1] : new double[m + 1];
        prev[0] = 0;
        for (int j = 1; j <= m; j++) prev[j] = prev[j - 1] + cWeight[j - 1];
        for (int i = 1; i <= n; i++)
        {
            ref readonly var x = ref q[i - 1];
            double xWeight = x.Weight;
            cur[0] = prev[0] + xWeight;
            for (int j = 1; j <= m; j++)
            {
                int k = j - 1;
                double sub = prev[k] + SubstitutionCost(x.TextId, x.StemId, x.Kind, xWeight, cText[k], cStem[k], cKind[k], cWeight[k]);
                double del = prev[j] + xWeight;
                double ins = cur[k] + cWeight[k];
                cur[j] = Math.Min(sub, Math.Min(del, ins));
            }
            var t = prev; prev = cur; cur = t;
        }
        return Settle(prev[m], longest, q, c).Score;
    }

    /// <summary>The weighted edit distance and the edits, in the query's order, each with its reason.</summary>
    private static (double Distance, List<string> Edits) WeightedDistance(FuzzyUnits.Unit[] q, FuzzyUnits.Unit[] c)
    {
        int n = q.Length, m = c.Length;
        var d = new double[(n + 1) * (m + 1)];
        int W = m + 1;
        for (int i = 1; i <= n; i++) d[i * W] = d[(i - 1) * W] + q[i - 1].Weight;
        for (int j = 1; j <= m; j++) d[j] = d[j - 1] + c[j - 1].Weight;
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++)
            {
                double sub = d[(i - 1) * W + j - 1] + Substitution(q[i - 1], c[j - 1]);
                double del = d[(i - 1) * W + j] + q[i - 1].Weight;
                double ins = d[i * W + j - 1] + c[j - 1].Weight;
                d[i * W + j] = Math.Min(sub, Math.Min(del, ins));
            }
        var edits = new List<string>();
        int a = n, b = m;
        while (a > 0 || b > 0)
        {
            double here = d[a * W + b];
            if (a > 0 && b > 0 && Near(here, d[(a - 1) * W + b - 1] + Substitution(q[a - 1], c[b - 1])))
            {
                var (x, y) = (q[a - 1], c[b - 1]);
                if (x.Text != y.Text) edits.Add($"{y.Text}→{x.Text}: {Why(x, y)}");
                a--; b--;
            }
            else if (a > 0 && Near(here, d[(a - 1) * W + b] + q[a - 1].Weight))
            {
                edits.Add($"+{q[a - 1].Text}: {Name(q[a - 1].Kind)} added");
                a--;
            }
            else
            {
                edits.Add($"-{c[b - 1].Text}: {Name(c[b - 1].Kind)} dropped");
                b--;
            }
        }
        edits.Reverse();
        return (d[n * W + m], edits);
    }

    private static bool Near(double x, double y) => Math.Abs(x - y) < 1e-9;

    private static double Substitution(FuzzyUnits.Unit x, FuzzyUnits.Unit y) =>
        SubstitutionCost(x.TextId, x.StemId, x.Kind, x.Weight, y.TextId, y.StemId, y.Kind, y.Weight);

    /// <summary>What one unit standing for another costs: nothing for the same text, <see cref="FuzzyUnits.NumberChange"/>
    /// for one number for another, <see cref="FuzzyUnits.InflectionShare"/> of the word for the same stem, else the
    /// heavier unit's weight.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double SubstitutionCost(int xText, int xStem, FuzzyUnits.Kind xKind, double xWeight, int yText, int yStem, FuzzyUnits.Kind yKind, double yWeight)
    {
        if (xText == yText) return 0;
        if (xKind == FuzzyUnits.Kind.Number && yKind == FuzzyUnits.Kind.Number) return FuzzyUnits.NumberChange;
        if (xStem == yStem && xKind == yKind) return FuzzyUnits.InflectionShare * xWeight;
        return Math.Max(xWeight, yWeight);
    }

    private static string Why(FuzzyUnits.Unit x, FuzzyUnits.Unit y) =>
        x.Kind == FuzzyUnits.Kind.Number && y.Kind == FuzzyUnits.Kind.Number ? "number"
        : x.Stem == y.Stem && x.Kind == y.Kind ? "inflection"
        : x.Kind == FuzzyUnits.Kind.Function && y.Kind == FuzzyUnits.Kind.Function ? "function word"
        : x.Kind == FuzzyUnits.Kind.Punctuation && y.Kind == FuzzyUnits.Kind.Punctuation ? "punctuation"
        : "another word";

    private static string Name(FuzzyUnits.Kind kind) => kind switch
    {
        FuzzyUnits.Kind.Function => "function word",
        FuzzyUnits.Kind.Number => "number",
        FuzzyUnits.Kind.Punctuation => "punctuation",
        _ => "word",
    };

    /// <summary>The most a candidate of <paramref name="candidateLength"/> units can score against a query of
    /// <paramref name="queryLength"/>: the length filter that prunes candidates before any edit distance.</summary>
    public static int UpperBound(int queryLength, int candidateLength)
    {
        int longest = Math.Max(queryLength, candidateLength);
        if (longest == 0) return 0;
        return (int)Math.Floor(100.0 * Math.Min(queryLength, candidateLength) / longest);
    }

    private static bool IsNumber(string unit) => unit.Length > 0 && unit.All(char.IsDigit);
}
