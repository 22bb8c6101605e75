using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>A bead: source sentence ids and target sentence ids aligned together, with its confidence (0–1).</summary>
public sealed record Bead(IReadOnlyList<int> Source, IReadOnlyList<int> Target, double Confidence)
{
    public bool IsDeletion => Source.Count == 0 || Target.Count == 0;

    public string Shape => $"{Source.Count}-{Target.Count}";
}

/// <summary>How the aligner works; every weight is named, with its reason.</summary>
public sealed record AlignOptions
{
    public static readonly AlignOptions Default = new();

    /// <summary>Half-width of the search band around the diagonal, in sentences (at least; it widens with the
    /// difference in counts): memory stays linear in the length of the pair.</summary>
    public int Band { get; init; } = 120;

    /// <summary>Weight of a mismatch of sentence-final and quoting punctuation (? ! : ; quotes) between the sides:
    /// no length model sees it, and translators keep it.</summary>
    public double PunctuationWeight { get; init; } = 1.5;

    /// <summary>Weight of numbers (digits in any numeral system) present on one side only.</summary>
    public double NumberWeight { get; init; } = 2.0;

    /// <summary>Weight of the lexical score (bilingual word list, or the one induced from the first pass).</summary>
    public double LexicalWeight { get; init; } = 6.0;

    /// <summary>Induce a word list from the confident beads of a first pass and realign with it (as hunalign's realign).</summary>
    public bool Realign { get; init; } = true;

    /// <summary>Beads below this confidence are flagged for review.</summary>
    public double ReviewBelow { get; init; } = 0.5;

    /// <summary>A bilingual word list: source word → target words (optional).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Dictionary { get; init; }
}

/// <summary>
/// Aligns two language versions sentence by sentence: dynamic programming over beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2,
/// 1-3, 3-1 in a band around the diagonal. The cost of a bead is a length model (Gale–Church, with the length ratio
/// and the bead priors estimated from the document pair itself), plus anchors that no length model sees (numbers,
/// punctuation), plus a lexical score from a bilingual word list, given or induced from a first pass.
/// </summary>
public sealed class SentenceAligner(AlignOptions? options = null)
{
    private readonly AlignOptions _o = options ?? AlignOptions.Default;

    private static readonly (int S, int T)[] Shapes = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)];

    /// <summary>Bead priors before the pair's own are estimated (Gale–Church's, with room for the splits Chinese and
    /// Arabic translations make).</summary>
    private static readonly Dictionary<(int, int), double> GenericPriors = new()
    {
        [(1, 1)] = 0.80, [(1, 0)] = 0.005, [(0, 1)] = 0.005, [(1, 2)] = 0.08, [(2, 1)] = 0.05, [(2, 2)] = 0.03, [(1, 3)] = 0.02, [(3, 1)] = 0.01,
    };

    public IReadOnlyList<Bead> Align(IReadOnlyList<string> source, string sourceLang, IReadOnlyList<string> target, string targetLang)
    {
        if (source.Count == 0) return [.. Enumerable.Range(0, target.Count).Select(j => new Bead([], [j], 0))];
        if (target.Count == 0) return [.. Enumerable.Range(0, source.Count).Select(i => new Bead([i], [], 0))];
        var src = source.Select(s => Features.Of(s, sourceLang)).ToArray();
        var tgt = target.Select(t => Features.Of(t, targetLang)).ToArray();
        double ratio = Math.Max(1e-6, tgt.Sum(f => f.Length)) / Math.Max(1e-6, src.Sum(f => f.Length));
        var model = new CostModel(src, tgt, ratio, GenericPriors, _o, Lexicon.From(_o.Dictionary));
        var beads = Search(model, null);
        // The ratio from the totals is skewed when a version has sentences the other lacks: estimate it again from the
        // 1-1 beads, and search again when it moved.
        var ones = beads.Where(b => b.Source.Count == 1 && b.Target.Count == 1).ToList();
        if (ones.Count > 0)
        {
            double refined = Math.Max(1e-6, ones.Sum(b => tgt[b.Target[0]].Length)) / Math.Max(1e-6, ones.Sum(b => src[b.Source[0]].Length));
            if (Math.Abs(refined / ratio - 1) > 0.1)
            {
                ratio = refined;
                model = new CostModel(src, tgt, ratio, GenericPriors, _o, model.Lexicon);
                beads = Search(model, null);
            }
        }
        // A word list induced from a handful of beads would be noise: realign long texts only.
        if (_o.Realign && (_o.Dictionary is not null || beads.Count >= MinBeadsToRealign))
        {
            // The pair's own bead priors, and a word list induced from the confident 1-1 beads.
            var priors = Shapes.ToDictionary(s => s, s => (beads.Count(b => b.Source.Count == s.S && b.Target.Count == s.T) + 1.0) / (beads.Count + Shapes.Length));
            var lexicon = _o.Dictionary is null ? Lexicon.Induce(beads, src, tgt) : model.Lexicon;
            model = new CostModel(src, tgt, ratio, priors, _o, lexicon);
            // The second pass moves the path only locally: search a corridor around the first one.
            var path = new int[source.Count + 1];
            int pj = 0;
            foreach (var b in beads)
            {
                foreach (var i in b.Source) path[i] = pj;
                pj += b.Target.Count;
                foreach (var i in b.Source) path[i + 1] = pj;
            }
            path[source.Count] = target.Count;
            beads = Search(model, path);
        }
        return beads;
    }

    /// <summary>Fewest beads of a first pass from which a word list is induced.</summary>
    private const int MinBeadsToRealign = 50;

    /// <summary>Searches in a band around the diagonal; when the best path runs along the band's edge the band was too
    /// narrow, and the search is done again with twice the width.</summary>
    private List<Bead> Search(CostModel model, int[]? corridor)
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

    /// <summary>Half-width of the realign pass's corridor around the first path, in sentences.</summary>
    private const int CorridorWidth = 16;

    private (List<Bead> Beads, bool TouchedEdge) Search(CostModel model, int band, int[]? corridor)
    {
        int n = model.SourceCount, m = model.TargetCount;
        // Cost and back-pointers only within the band: rows of width 2·band+1 centred on the diagonal.
        int width = 2 * band + 1;
        var cost = new double[(n + 1) * width];
        var back = new byte[(n + 1) * width];
        Array.Fill(cost, double.PositiveInfinity);
        int Centre(int i) => corridor is null ? (int)((long)i * m / n) : corridor[i];
        int Index(int i, int j) { int k = j - Centre(i) + band; return k < 0 || k >= width ? -1 : i * width + k; }
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
                    double c = cost[prev] + model.Cost(pi, ds, pj, dt);
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
            double c = model.Cost(pi, ds, pj, dt);
            beads.Add(new Bead([.. Enumerable.Range(pi, ds)], [.. Enumerable.Range(pj, dt)], Confidence(c, ds, dt)));
            bi = pi;
            bj = pj;
        }
        beads.Reverse();
        return (beads, touched);
    }

    /// <summary>A bead's cost per sentence mapped to 0–1: cheap beads are sure.</summary>
    private static double Confidence(double cost, int ds, int dt)
    {
        double perSentence = cost / Math.Max(1, ds + dt);
        return Math.Round(Math.Exp(-perSentence / 3.0), 3);
    }

    public bool NeedsReview(Bead bead) => bead.Confidence < _o.ReviewBelow || bead.IsDeletion;

    /// <summary>What the cost model reads of a sentence.</summary>
    internal sealed record Features(double Length, int[] Punctuation, string[] Numbers, string[] Words, string Text)
    {
        public static Features Of(string text, string lang)
        {
            double length = 0;
            var punct = new int[5];
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c)) length += Scripts.IsHan(c) ? 1 : 1;
                switch (c)
                {
                    case '?' or '？' or '؟': punct[0]++; break;
                    case '!' or '！': punct[1]++; break;
                    case ':' or '：': punct[2]++; break;
                    case ';' or '；' or '؛': punct[3]++; break;
                    case '“' or '”' or '"' or '「' or '」' or '『' or '』' or '«' or '»': punct[4]++; break;
                }
            }
            var numbers = Numerals.Find(text);
            var words = lang == LanguageTag.Chinese
                ? text.Where(Scripts.IsHan).Select(c => c.ToString()).Distinct().ToArray()
                : text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Distinct().ToArray();
            return new Features(length, punct, numbers, words, text);
        }

        private static readonly char[] Separators = [.. " \t,.;:!?()[]{}\"'“”‘’«»-—–/،؛؟".ToCharArray()];
    }

    private sealed class CostModel
    {
        private readonly Features[] _src, _tgt;
        private readonly double _ratio;
        private readonly Dictionary<(int, int), double> _priors;
        private readonly AlignOptions _o;
        private readonly double[] _ls, _lt;
        private readonly int[][] _ps, _pt;
        private readonly int[] _ns, _nt;
        private readonly int[][] _srcKnown;
        private readonly HashSet<int>[] _tgtIds;

        public CostModel(Features[] src, Features[] tgt, double ratio, Dictionary<(int, int), double> priors, AlignOptions o, Lexicon? lexicon)
        {
            _src = src; _tgt = tgt; _ratio = ratio; _priors = priors; _o = o; Lexicon = lexicon;
            // Prefix sums: a bead's length, punctuation and number counts in constant time.
            (_ls, _ps, _ns) = Prefix(src);
            (_lt, _pt, _nt) = Prefix(tgt);
            _variance = 6.8 * Math.Max(ratio, 1 / Math.Max(ratio, 1e-6)) / 4.0;
            if (lexicon is not null) (_srcKnown, _tgtIds) = lexicon.Index(src, tgt);
            else (_srcKnown, _tgtIds) = ([], []);
        }

        private static (double[], int[][], int[]) Prefix(Features[] f)
        {
            var len = new double[f.Length + 1];
            var punct = new int[5][];
            for (int p = 0; p < 5; p++) punct[p] = new int[f.Length + 1];
            var nums = new int[f.Length + 1];
            for (int k = 0; k < f.Length; k++)
            {
                len[k + 1] = len[k] + f[k].Length;
                for (int p = 0; p < 5; p++) punct[p][k + 1] = punct[p][k] + f[k].Punctuation[p];
                nums[k + 1] = nums[k] + f[k].Numbers.Length;
            }
            return (len, punct, nums);
        }

        /// <summary>Gale–Church variance per unit of length, scaled by the ratio of the two languages' lengths.</summary>
        private readonly double _variance;

        /// <summary>Cost of leaving a sentence unaligned (1-0, 0-1), besides its prior.</summary>
        private const double DeletionCost = 2.0;

        public int SourceCount => _src.Length;

        public int TargetCount => _tgt.Length;

        public Lexicon? Lexicon { get; }

        public double Cost(int i, int ds, int j, int dt)
        {
            double prior = -Math.Log(_priors.GetValueOrDefault((ds, dt), 1e-4));
            if (ds == 0 || dt == 0) return prior + DeletionCost * (ds + dt);
            double ls = _ls[i + ds] - _ls[i], lt = _lt[j + dt] - _lt[j];
            double mean = (ls + lt / _ratio) / 2;
            double delta = (lt - ls * _ratio) / Math.Sqrt(Math.Max(1, mean) * _variance * _ratio);
            double lengthCost = -Math.Log(Math.Max(1e-12, 2 * (1 - Phi(Math.Abs(delta)))));
            double punct = 0;
            for (int p = 0; p < 5; p++) punct += Math.Abs((_ps[p][i + ds] - _ps[p][i]) - (_pt[p][j + dt] - _pt[p][j]));
            double numbers = 0;
            if (_ns[i + ds] - _ns[i] + _nt[j + dt] - _nt[j] > 0)
            {
                var ns = new HashSet<string>(Enumerable.Range(i, ds).SelectMany(k => _src[k].Numbers));
                var nt = new HashSet<string>(Enumerable.Range(j, dt).SelectMany(k => _tgt[k].Numbers));
                numbers = ns.Count + nt.Count - 2 * ns.Intersect(nt).Count();
            }
            double lexical = Lexicon is null ? 0 : 1 - Coverage(i, ds, j, dt);
            return prior + lengthCost + _o.PunctuationWeight * punct + _o.NumberWeight * numbers + _o.LexicalWeight * lexical;
        }

        /// <summary>Share of the bead's known source words with a translation on the target side.</summary>
        private double Coverage(int i, int ds, int j, int dt)
        {
            int known = 0, found = 0;
            for (int k = i; k < i + ds; k++)
            {
                foreach (var word in _srcKnown[k])
                {
                    known++;
                    var translations = Lexicon!.TranslationIds[word];
                    bool hit = false;
                    for (int l = j; l < j + dt && !hit; l++)
                        foreach (var t in translations) if (_tgtIds[l].Contains(t)) { hit = true; break; }
                    if (hit) found++;
                }
            }
            return known == 0 ? 0.5 : (double)found / known;
        }

        /// <summary>Standard normal distribution function (Abramowitz–Stegun 26.2.17).</summary>
        private static double Phi(double x)
        {
            double t = 1 / (1 + 0.2316419 * Math.Abs(x));
            double d = 0.3989423 * Math.Exp(-x * x / 2);
            double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
            return x >= 0 ? 1 - p : p;
        }
    }

    /// <summary>A bilingual word list: given as TSV, or induced from the confident beads of a first pass by the Dice
    /// association of source words and target words (Chinese characters).</summary>
    internal sealed class Lexicon(Dictionary<string, HashSet<string>> translations)
    {
        public static Lexicon? From(IReadOnlyDictionary<string, IReadOnlyList<string>>? dictionary)
        {
            if (dictionary is null) return null;
            return new Lexicon(dictionary.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value.ToHashSet(StringComparer.Ordinal)));
        }

        private const long PairBase = 1_000_003;

        public static Lexicon Induce(List<Bead> beads, Features[] src, Features[] tgt)
        {
            // Words as ints, pairs as longs: a few million counts in a fraction of a second.
            var sIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var tIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var sCount = new List<int>();
            var tCount = new List<int>();
            var pairCount = new Dictionary<long, int>();
            int Id(Dictionary<string, int> ids, List<int> counts, string w)
            {
                if (!ids.TryGetValue(w, out var id)) { id = ids[w] = counts.Count; counts.Add(0); }
                return id;
            }
            foreach (var b in beads.Where(b => b.Source.Count == 1 && b.Target.Count >= 1 && b.Confidence >= 0.3))
            {
                var sw = src[b.Source[0]].Words.Select(w => Id(sIds, sCount, w)).ToArray();
                var tw = b.Target.SelectMany(t => tgt[t].Words).Distinct().Select(w => Id(tIds, tCount, w)).ToArray();
                foreach (var w in sw) sCount[w]++;
                foreach (var w in tw) tCount[w]++;
                foreach (var a in sw)
                    foreach (var c in tw)
                    {
                        long key = (long)a * PairBase + c; // (a << 32 | c) would hash to a ^ c: all collisions
                        pairCount[key] = pairCount.GetValueOrDefault(key) + 1;
                    }
            }
            var sWords = sIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
            var tWords = tIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
            var translations = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var group in pairCount.Where(kv => kv.Value >= 3).GroupBy(kv => (int)(kv.Key / PairBase)))
            {
                var best = group.Select(kv => (Word: (int)(kv.Key % PairBase), Dice: 2.0 * kv.Value / (sCount[group.Key] + tCount[(int)(kv.Key % PairBase)])))
                                .Where(x => x.Dice >= 0.2).OrderByDescending(x => x.Dice).Take(3).Select(x => tWords[x.Word]).ToHashSet(StringComparer.Ordinal);
                if (best.Count > 0) translations[sWords[group.Key]] = best;
            }
            return new Lexicon(translations);
        }

        private readonly Dictionary<string, int> _targetIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _sourceIds = new(StringComparer.Ordinal);

        /// <summary>For each source word id, the ids of its translations.</summary>
        public List<int[]> TranslationIds { get; } = [];

        /// <summary>Numbers every word: for each source sentence the ids of the words the list knows, for each target
        /// sentence the ids of its words (and of the list's multi-character translations it contains).</summary>
        public (int[][] Source, HashSet<int>[] Target) Index(Features[] src, Features[] tgt)
        {
            foreach (var (word, ts) in translations)
            {
                _sourceIds[word] = TranslationIds.Count;
                TranslationIds.Add(ts.Select(t => _targetIds.TryGetValue(t, out var id) ? id : _targetIds[t] = _targetIds.Count).ToArray());
            }
            var source = src.Select(f => f.Words.Where(_sourceIds.ContainsKey).Select(w => _sourceIds[w]).ToArray()).ToArray();
            var multi = _targetIds.Keys.Where(t => t.Length > 1).ToList();
            var target = tgt.Select(f =>
            {
                var set = new HashSet<int>(f.Words.Where(_targetIds.ContainsKey).Select(w => _targetIds[w]));
                foreach (var t in multi) if (f.Text.Contains(t, StringComparison.Ordinal)) set.Add(_targetIds[t]);
                return set;
            }).ToArray();
            return (source, target);
        }
    }
}
