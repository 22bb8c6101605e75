namespace AlignTool.Core.Alignment;

/// <summary>
/// Aligns two language versions sentence by sentence: dynamic programming over beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3,
/// 3-1, 2-3, 3-2, 1-4 and 4-1 in a band around the diagonal. A first pass uses the length model (ratio and variance
/// of the pair's own totals), the anchors and the word list known beforehand (the user's, the memory's); then the
/// length model and the bead priors are estimated again from the pair, a word list is induced from the first pass's
/// confident beads, and a second pass realigns in a corridor around the first path. Deterministic.
/// </summary>
public sealed class SentenceAligner(AlignOptions? options = null)
{
    private readonly AlignOptions _o = options ?? AlignOptions.Default;

    private static readonly (int S, int T)[] Shapes = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1)];

    /// <summary>Bead priors before the pair's own are estimated: Gale and Church's (0.89 1-1, 0.0099 deletions, 0.089
    /// 1-2 and 2-1, 0.011 2-2), with small shares for the rarer shapes literary translation makes.</summary>
    private static readonly Dictionary<(int, int), double> GenericPriors = new()
    {
        [(1, 1)] = 0.80, [(1, 0)] = 0.005, [(0, 1)] = 0.005, [(1, 2)] = 0.08, [(2, 1)] = 0.05, [(2, 2)] = 0.011,
        [(1, 3)] = 0.02, [(3, 1)] = 0.01, [(2, 3)] = 0.001, [(3, 2)] = 0.001, [(1, 4)] = 0.002, [(4, 1)] = 0.001,
    };

    /// <summary>Weight of the generic priors, in beads, when the pair's own are estimated: a short pair keeps them.</summary>
    private const double PriorStrength = 50;

    /// <summary>Fewest beads of a first pass from which a word list is induced: fewer would be noise.</summary>
    private const int MinBeadsToInduce = 50;

    /// <summary>Lowest confidence of a first-pass bead that teaches the induced word list.</summary>
    private const double InduceFrom = 0.3;

    /// <summary>Half-width of the realign pass's corridor around the first path, in sentences.</summary>
    private const int CorridorWidth = 16;

    public IReadOnlyList<Bead> Align(IReadOnlyList<string> source, string sourceLang, IReadOnlyList<string> target, string targetLang) =>
        AlignAndLearn(source, sourceLang, target, targetLang, null).Beads;

    /// <summary>Aligns with a length model learned elsewhere (the whole document's, for one of its parts).</summary>
    internal IReadOnlyList<Bead> Align(IReadOnlyList<string> source, string sourceLang, IReadOnlyList<string> target, string targetLang, LengthModel? learned) =>
        AlignAndLearn(source, sourceLang, target, targetLang, learned).Beads;

    /// <summary>The beads, and what the alignment learned of the pair: its length model and its word list (the known one
    /// with the induced one).</summary>
    internal (IReadOnlyList<Bead> Beads, LengthModel Length, BilingualLexicon Lexicon) AlignAndLearn(
        IReadOnlyList<string> source, string sourceLang, IReadOnlyList<string> target, string targetLang, LengthModel? learned)
    {
        var none = BilingualLexicon.Empty;
        if (source.Count == 0) return ([.. Enumerable.Range(0, target.Count).Select(j => new Bead([], [j], 0))], LengthModel.Initial(1), none);
        if (target.Count == 0) return ([.. Enumerable.Range(0, source.Count).Select(i => new Bead([i], [], 0))], LengthModel.Initial(1), none);
        var src = source.Select(s => SentenceFeatures.Of(s, sourceLang)).ToArray();
        var tgt = target.Select(t => SentenceFeatures.Of(t, targetLang)).ToArray();
        var known = _o.Lexicon ?? BilingualLexicon.Empty;
        if (_o.Dictionary is not null) known = known.Merge(BilingualLexicon.FromWordList(_o.Dictionary, sourceLang, targetLang));
        double ratio = Math.Max(1e-6, tgt.Sum(f => f.Length)) / Math.Max(1e-6, src.Sum(f => f.Length));
        var length = learned ?? LengthModel.Start(sourceLang, targetLang, ratio, Math.Min(source.Count, target.Count));
        // With a refining pass to come, the first reads lengths and anchors only: the known word list joins the induced
        // one in the refining pass, in its narrow corridor (reading it over the whole first band costs more than it helps).
        var model = new BeadCost(src, tgt, length, GenericPriors, _o, known.Count > 0 && !_o.Realign ? known : null);
        var beads = Search(model, null);
        var lexicon = known;
        if (!_o.Realign) return (beads, length, known);
        for (int pass = 0; pass < RefinePasses; pass++)
        {
            // The pair's own length model and bead priors, and a word list induced from its confident beads.
            var ones = beads.Where(b => b.Source.Count == 1 && b.Target.Count == 1)
                .Select(b => (BeadCost.Effective(src[b.Source[0]], 1 / length.Ratio), BeadCost.Effective(tgt[b.Target[0]], length.Ratio))).ToList();
            length = LengthModel.Estimate(ones, length);
            lexicon = known;
            if (beads.Count >= MinBeadsToInduce)
                lexicon = lexicon.Merge(BilingualLexicon.Induce(beads.Where(b => !b.IsDeletion && b.Confidence >= InduceFrom)
                    .Select(b => ((IReadOnlyList<string>)[.. b.Source.SelectMany(i => src[i].Tokens)], (IReadOnlyList<string>)[.. b.Target.SelectMany(j => tgt[j].Tokens)]))));
            model = new BeadCost(src, tgt, length, Priors(beads), _o, lexicon.Count > 0 ? lexicon : null);
            // A refining pass moves the path only locally: search a corridor around the last one.
            beads = Search(model, Path(beads, source.Count, target.Count));
        }
        return (beads, length, lexicon);
    }

    /// <summary>
    /// The pair's own bead priors: the shapes' shares among the last path's beads, smoothed toward the generic priors.
    /// Many-to-many shapes never rise above their generic prior: a pass that found a few would otherwise make them
    /// cheaper for the next, which finds more.
    /// </summary>
    private static Dictionary<(int, int), double> Priors(List<Bead> beads)
    {
        var priors = new Dictionary<(int, int), double>();
        foreach (var s in Shapes)
        {
            double share = (beads.Count(b => b.Source.Count == s.S && b.Target.Count == s.T) + PriorStrength * GenericPriors[s]) / (beads.Count + PriorStrength);
            priors[s] = s.S >= 2 && s.T >= 2 ? Math.Min(share, GenericPriors[s]) : share;
        }
        return priors;
    }

    /// <summary>Whether a many-to-many bead's evidence is below that of every split of it into two beads that both
    /// align something.</summary>
    private static bool BeatsSplits(BeadCost model, int i, int ds, int j, int dt, double evidence)
    {
        for (int a = 1; a < ds; a++)
            for (int b = 1; b < dt; b++)
                if (evidence >= model.Evidence(i, a, j, b) + model.Evidence(i + a, ds - a, j + b, dt - b)) return false;
        return true;
    }

    /// <summary>Refining passes after the first: each estimates the model again from the last path (a second one made
    /// the UN and Bible sets worse: the variance learned from a path shrinks, and merged beads grow cheaper).</summary>
    private const int RefinePasses = 1;

    /// <summary>For each source position, the target position the path passes through.</summary>
    private static int[] Path(List<Bead> beads, int n, int m)
    {
        var path = new int[n + 1];
        int pj = 0;
        foreach (var b in beads)
        {
            foreach (var i in b.Source) path[i] = pj;
            pj += b.Target.Count;
            foreach (var i in b.Source) path[i + 1] = pj;
        }
        path[n] = m;
        return path;
    }

    /// <summary>Searches in a band around the diagonal; when the best path runs along the band's edge the band was too
    /// narrow, and the search is done again with twice the width.</summary>
    private List<Bead> Search(BeadCost model, int[]? corridor)
    {
        int n = model.SourceCount, m = model.TargetCount;
        int band = corridor is null ? _o.Band + Math.Abs(n - m) / 20 : CorridorWidth;
        while (true)
        {
            var (beads, touched) = Search(model, band, corridor);
            if (!touched || band >= Math.Max(n, m)) return beads;
            band *= 2;
        }
    }

    private (List<Bead> Beads, bool TouchedEdge) Search(BeadCost model, int band, int[]? corridor)
    {
        int n = model.SourceCount, m = model.TargetCount;
        // Cost and back-pointers only within the band: rows of width 2·band+1 centred on the diagonal.
        int width = 2 * band + 1;
        var cost = new double[(n + 1) * width];
        var back = new byte[(n + 1) * width];
        Array.Fill(cost, double.PositiveInfinity);
        int Centre(int i) => corridor is null ? (int)((long)i * m / n) : corridor[i];
        int Index(int i, int j) { int k = j - Centre(i) + band; return k < 0 || k >= width ? -1 : i * width + k; }
        var priors = Shapes.Select(s => model.Prior(s.S, s.T)).ToArray();
        cost[Index(0, 0)] = 0;
        for (int i = 0; i <= n; i++)
        {
            int lo = Math.Max(0, Centre(i) - band), hi = Math.Min(m, Centre(i) + band);
            for (int j = lo; j <= hi; j++)
            {
                int here = Index(i, j);
                if (here < 0 || (i == 0 && j == 0)) continue;
                double best = double.PositiveInfinity;
                byte arg = 0;
                for (byte s = 0; s < Shapes.Length; s++)
                {
                    var (ds, dt) = Shapes[s];
                    int pi = i - ds, pj = j - dt;
                    if (pi < 0 || pj < 0) continue;
                    int prev = Index(pi, pj);
                    if (prev < 0 || double.IsInfinity(cost[prev])) continue;
                    double c = cost[prev] + priors[s];
                    if (c >= best) continue;
                    double evidence = model.Evidence(pi, ds, pj, dt);
                    // A many-to-many bead only where it beats the beads it joins (a 2-2 the two 1-1, a 2-3 a 1-1 and a
                    // 1-2): merging averages out length errors, so without this true pairs would merge whenever their
                    // deviations cancel.
                    if (ds >= 2 && dt >= 2 && !BeatsSplits(model, pi, ds, pj, dt, evidence)) continue;
                    c += evidence;
                    if (c < best) { best = c; arg = s; }
                }
                cost[here] = best;
                back[here] = arg;
            }
        }
        var beads = new List<Bead>();
        int bi = n, bj = m;
        if (Index(n, m) < 0 || double.IsInfinity(cost[Index(n, m)])) return ([], true);
        bool touched = false;
        while (bi > 0 || bj > 0)
        {
            if (Math.Abs(bj - Centre(bi)) > band * 3 / 4) touched = true;
            var (ds, dt) = Shapes[back[Index(bi, bj)]];
            int pi = bi - ds, pj = bj - dt;
            beads.Add(new Bead([.. Enumerable.Range(pi, ds)], [.. Enumerable.Range(pj, dt)], Confidence(model.Evidence(pi, ds, pj, dt), ds, dt)));
            bi = pi;
            bj = pj;
        }
        beads.Reverse();
        return (beads, touched);
    }

    /// <summary>A bead's evidence per sentence mapped to 0–1: a bead whose lengths, anchors and words agree is sure.
    /// Deletions are never sure.</summary>
    private static double Confidence(double evidence, int ds, int dt)
    {
        if (ds == 0 || dt == 0) return 0;
        double perSentence = evidence / (ds + dt);
        return Math.Round(Math.Exp(-perSentence / ConfidenceScale), 3);
    }

    /// <summary>Evidence per sentence at which confidence falls by a factor e. Measured on the UN sets, correct beads
    /// have an evidence per sentence of 1.5–2 at the median and below 3.4 for 95% of them: those get 0.5 or more.</summary>
    private const double ConfidenceScale = 4.5;

    public bool NeedsReview(Bead bead) => bead.Confidence < _o.ReviewBelow || bead.IsDeletion;
}
