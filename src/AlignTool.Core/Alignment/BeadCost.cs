using System.Numerics;

namespace AlignTool.Core.Alignment;

/// <summary>
/// The cost of a bead: −log of its shape's prior, the length model, anchors no length model sees (numbers, punctuation)
/// and the lexical score. Every evidence term is a sum over the bead's sentences or a deviation of its totals, so that
/// merging two beads into one is never cheaper on evidence alone: a 2-2 bead has to beat the two 1-1 beads it joins.
/// </summary>
internal sealed class BeadCost
{
    private readonly SentenceFeatures[] _src, _tgt;
    private readonly LengthModel _length;
    private readonly IReadOnlyDictionary<(int, int), double> _priors;
    private readonly AlignOptions _o;
    private readonly double[] _ls, _lt;
    private readonly int[][] _ps, _pt;
    private readonly int[] _ns, _nt;
    private readonly int[][] _srcNumbers, _tgtNumbers;
    private readonly LexicalIndex? _lexical;

    /// <summary>Cost of leaving a sentence unaligned (1-0, 0-1), besides its prior.</summary>
    private const double DeletionCost = 2.0;

    public BeadCost(SentenceFeatures[] src, SentenceFeatures[] tgt, LengthModel length, IReadOnlyDictionary<(int, int), double> priors, AlignOptions o, BilingualLexicon? lexicon)
    {
        _src = src; _tgt = tgt; _length = length; _priors = priors; _o = o;
        Lexicon = lexicon;
        // Letters borrowed from another script are written alike in both versions: in the other side's unit.
        (_ls, _ps, _ns) = Prefix(src, 1 / length.Ratio);
        (_lt, _pt, _nt) = Prefix(tgt, length.Ratio);
        var numberIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] NumberIds(SentenceFeatures f) => f.Numbers.Select(x => numberIds.TryGetValue(x, out var id) ? id : numberIds[x] = numberIds.Count).Distinct().ToArray();
        _srcNumbers = src.Select(NumberIds).ToArray();
        _tgtNumbers = tgt.Select(NumberIds).ToArray();
        if (lexicon is { Count: > 0 }) _lexical = new LexicalIndex(src, tgt, lexicon);
    }

    public int SourceCount => _src.Length;

    public int TargetCount => _tgt.Length;

    public BilingualLexicon? Lexicon { get; }

    public LengthModel Length => _length;

    private static (double[], int[][], int[]) Prefix(SentenceFeatures[] f, double borrowedScale)
    {
        var len = new double[f.Length + 1];
        var punct = new int[SentenceFeatures.PunctuationKinds][];
        for (int p = 0; p < punct.Length; p++) punct[p] = new int[f.Length + 1];
        var nums = new int[f.Length + 1];
        for (int k = 0; k < f.Length; k++)
        {
            len[k + 1] = len[k] + Effective(f[k], borrowedScale);
            for (int p = 0; p < punct.Length; p++) punct[p][k + 1] = punct[p][k] + f[k].Punctuation[p];
            nums[k + 1] = nums[k] + f[k].Numbers.Length;
        }
        return (len, punct, nums);
    }

    /// <summary>A sentence's length in its own side's unit, letters borrowed from the other side's script included.</summary>
    public static double Effective(SentenceFeatures f, double borrowedScale) => f.Length + borrowedScale * f.Borrowed;

    public double Prior(int ds, int dt) => -Math.Log(_priors.GetValueOrDefault((ds, dt), 1e-5));

    /// <summary>The bead's cost: prior plus evidence.</summary>
    public double Cost(int i, int ds, int j, int dt) => Prior(ds, dt) + Evidence(i, ds, j, dt);

    /// <summary>What the bead's sentences say against it, apart from how common its shape is.</summary>
    public double Evidence(int i, int ds, int j, int dt)
    {
        if (ds == 0 || dt == 0) return DeletionCost * (ds + dt);
        double lengthCost = _length.Cost(_ls[i + ds] - _ls[i], _lt[j + dt] - _lt[j]);
        double punct = 0;
        for (int p = 0; p < _ps.Length; p++) punct += Math.Abs((_ps[p][i + ds] - _ps[p][i]) - (_pt[p][j + dt] - _pt[p][j]));
        double numbers = 0;
        if (_ns[i + ds] - _ns[i] + _nt[j + dt] - _nt[j] > 0) numbers = Unmatched(_srcNumbers, i, ds, _tgtNumbers, j, dt);
        double lexical = _lexical is null ? 0 : _lexical.Unexplained(i, ds, j, dt);
        return lengthCost + _o.PunctuationWeight * punct + _o.NumberWeight * numbers + _o.LexicalWeight / 2 * lexical;
    }

    /// <summary>How many distinct numbers of the bead stand on one side only.</summary>
    private static int Unmatched(int[][] src, int i, int ds, int[][] tgt, int j, int dt)
    {
        int Count(int[][] side, int from, int count, int[][] other, int oFrom, int oCount)
        {
            int alone = 0;
            for (int k = from; k < from + count; k++)
                foreach (var x in side[k])
                {
                    bool repeated = false;
                    for (int e = from; e < k && !repeated; e++) repeated = Array.IndexOf(side[e], x) >= 0;
                    if (repeated) continue;
                    bool found = false;
                    for (int l = oFrom; l < oFrom + oCount && !found; l++) found = Array.IndexOf(other[l], x) >= 0;
                    if (!found) alone++;
                }
            return alone;
        }
        return Count(src, i, ds, tgt, j, dt) + Count(tgt, j, dt, src, i, ds);
    }

    /// <summary>
    /// For each sentence, which of its known words have a translation in each sentence of the other side, as bit masks
    /// computed once per pair of sentences that the search asks about.
    /// </summary>
    private sealed class LexicalIndex
    {
        private readonly int[][] _srcKnown, _tgtKnown;
        private readonly int[][][] _srcTranslations, _tgtTranslations;
        private readonly HashSet<int>[] _srcSets, _tgtSets;
        private readonly MaskCache _srcMasks, _tgtMasks;

        public LexicalIndex(SentenceFeatures[] src, SentenceFeatures[] tgt, BilingualLexicon lexicon)
        {
            var sIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var tIds = new Dictionary<string, int>(StringComparer.Ordinal);
            int Id(Dictionary<string, int> ids, string w) => ids.TryGetValue(w, out var id) ? id : ids[w] = ids.Count;
            var forward = new Dictionary<int, int[]>();
            var reverse = new Dictionary<int, List<int>>();
            foreach (var (s, ts) in lexicon.Entries)
            {
                int sid = Id(sIds, s);
                var tids = ts.Select(t => Id(tIds, t)).ToArray();
                forward[sid] = tids;
                foreach (var t in tids)
                {
                    if (!reverse.TryGetValue(t, out var l)) reverse[t] = l = [];
                    l.Add(sid);
                }
            }
            var rev = reverse.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
            (_srcKnown, _srcTranslations) = Known(src, sIds, forward);
            (_tgtKnown, _tgtTranslations) = Known(tgt, tIds, rev);
            _srcSets = src.Select(f => Set(f, sIds)).ToArray();
            _tgtSets = tgt.Select(f => Set(f, tIds)).ToArray();
            _srcMasks = new MaskCache(src.Length, (k, l) => Mask(_srcTranslations[k], _tgtSets[l]));
            _tgtMasks = new MaskCache(tgt.Length, (l, k) => Mask(_tgtTranslations[l], _srcSets[k]));
        }

        private static HashSet<int> Set(SentenceFeatures f, Dictionary<string, int> ids) =>
            f.Tokens.Where(ids.ContainsKey).Select(t => ids[t]).ToHashSet();

        /// <summary>Known words of each sentence (at most 63), and their translations.</summary>
        private static (int[][], int[][][]) Known(SentenceFeatures[] f, Dictionary<string, int> ids, Dictionary<int, int[]> translations)
        {
            var known = new int[f.Length][];
            var tr = new int[f.Length][][];
            for (int k = 0; k < f.Length; k++)
            {
                known[k] = f[k].Tokens.Where(ids.ContainsKey).Select(t => ids[t]).Where(translations.ContainsKey).Take(63).ToArray();
                tr[k] = known[k].Select(w => translations[w]).ToArray();
            }
            return (known, tr);
        }

        private static ulong Mask(int[][] translations, HashSet<int> other)
        {
            ulong mask = 0;
            for (int w = 0; w < translations.Length; w++)
                foreach (var t in translations[w])
                    if (other.Contains(t)) { mask |= 1UL << w; break; }
            return mask;
        }


        /// <summary>Smoothed share of a sentence's known words without a translation in the other side of its bead,
        /// summed over the bead's sentences: ½ for a sentence without known words.</summary>
        public double Unexplained(int i, int ds, int j, int dt)
        {
            // In a many-to-many bead a sentence is credited with what its best single partner explains: crossing links
            // must show in the lengths, or a bead joining two true pairs would explain more than the two pairs do.
            bool single = ds >= 2 && dt >= 2;
            return Side(i, ds, j, dt, single, _srcKnown, _srcMasks) + Side(j, dt, i, ds, single, _tgtKnown, _tgtMasks);
        }

        /// <summary>The unexplained shares of one side's sentences of the bead, each against the other side's.</summary>
        private static double Side(int from, int count, int otherFrom, int otherCount, bool single, int[][] known, MaskCache masks)
        {
            double sum = 0;
            for (int k = from; k < from + count; k++)
            {
                int best = 0;
                ulong m = 0;
                for (int l = otherFrom; l < otherFrom + otherCount; l++)
                {
                    ulong one = masks.Get(k, l);
                    m |= one;
                    best = Math.Max(best, BitOperations.PopCount(one));
                }
                sum += Share(known[k].Length, single ? best : BitOperations.PopCount(m));
            }
            return sum;
        }

        private static double Share(int known, int found) => (known - found + 0.5) / (known + 1.0);
    }

    /// <summary>
    /// Masks of one side's sentences against the other side's, kept for a window of the other side around where each
    /// sentence was first asked about (the search asks about neighbours of the diagonal only): memory linear in the
    /// length of the pair. A mask outside the window is computed again.
    /// </summary>
    private sealed class MaskCache(int count, Func<int, int, ulong> compute)
    {
        private const int Window = 512;
        private readonly ulong[]?[] _masks = new ulong[]?[count];
        private readonly int[] _base = new int[count];

        public ulong Get(int k, int l)
        {
            var row = _masks[k];
            if (row is null)
            {
                _masks[k] = row = new ulong[Window];
                _base[k] = Math.Max(0, l - Window / 2);
            }
            int at = l - _base[k];
            if (at < 0 || at >= Window) return compute(k, l);
            ulong m = row[at];
            if (m == 0) row[at] = m = compute(k, l) | Computed;
            return m & ~Computed;
        }

        /// <summary>The top bit marks a computed mask (a sentence has at most 63 known words that count).</summary>
        private const ulong Computed = 1UL << 63;
    }
}
