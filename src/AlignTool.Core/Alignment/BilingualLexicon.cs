namespace AlignTool.Core.Alignment;

/// <summary>
/// A bilingual word list over <see cref="LexicalTokens"/>: for each source token, the target tokens it translates to.
/// Given (a user's TSV), or induced from sentence pairs by the Dice association of their tokens: the confident beads of
/// a first alignment pass, or the pairs a memory already holds (units and variants, the catalogue, the glossary).
/// </summary>
public sealed class BilingualLexicon
{
    private readonly Dictionary<string, HashSet<string>> _forward;

    private BilingualLexicon(Dictionary<string, HashSet<string>> forward) => _forward = forward;

    public static BilingualLexicon Empty { get; } = new([]);

    /// <summary>A prime above any count of distinct tokens: pair keys a·P + c.</summary>
    private const long PairBase = 1_000_003;

    /// <summary>Source tokens the list knows.</summary>
    public int Count => _forward.Count;

    /// <summary>The entries: source token → target tokens.</summary>
    public IEnumerable<KeyValuePair<string, HashSet<string>>> Entries => _forward;

    public bool TryGet(string sourceToken, out HashSet<string> targets) => _forward.TryGetValue(sourceToken, out targets!);

    /// <summary>A word list of whole words or phrases (source → targets), read through each language's tokens: every
    /// source token of an entry maps to every target token of its translations.</summary>
    public static BilingualLexicon FromWordList(IReadOnlyDictionary<string, IReadOnlyList<string>> list, string sourceLang, string targetLang)
    {
        var s = LexicalTokens.For(sourceLang);
        var t = LexicalTokens.For(targetLang);
        var forward = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (word, translations) in list)
            foreach (var token in s.Of(word))
            {
                if (!forward.TryGetValue(token, out var set)) forward[token] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tr in translations) set.UnionWith(t.Of(tr));
            }
        return new BilingualLexicon(forward);
    }

    /// <summary>
    /// Induces a word list from token lists of sentence pairs: a source token keeps the target tokens (at most
    /// <see cref="LexiconInduction.MaxTranslations"/>) whose Dice coefficient with it reaches the minimum, over pairs it
    /// shares at least <see cref="LexiconInduction.MinPairs"/> times. Tokens present in more than
    /// <see cref="LexiconInduction.MaxShare"/> of the pairs (function words, the commonest characters) are left out:
    /// they associate with everything. Deterministic.
    /// </summary>
    public static BilingualLexicon Induce(IEnumerable<(IReadOnlyList<string> Source, IReadOnlyList<string> Target)> pairs, LexiconInduction? settings = null)
    {
        var o = settings ?? LexiconInduction.Default;
        var sIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sCount = new List<int>();
        var tCount = new List<int>();
        var sentences = new List<(int[] S, int[] T)>();
        static int Id(Dictionary<string, int> ids, List<int> counts, string w)
        {
            if (!ids.TryGetValue(w, out var id)) { id = ids[w] = counts.Count; counts.Add(0); }
            return id;
        }
        foreach (var (source, target) in pairs)
        {
            var sw = source.Select(w => Id(sIds, sCount, w)).Distinct().ToArray();
            var tw = target.Select(w => Id(tIds, tCount, w)).Distinct().ToArray();
            foreach (var w in sw) sCount[w]++;
            foreach (var w in tw) tCount[w]++;
            sentences.Add((sw, tw));
        }
        int n = sentences.Count;
        if (n == 0) return Empty;
        double maxCount = Math.Max(o.MinPairs, o.MaxShare * n);
        // Words as ints, pairs as longs: a few million counts in a fraction of a second.
        var pairCount = new Dictionary<long, int>();
        foreach (var (sw, tw) in sentences)
            foreach (var a in sw)
            {
                if (sCount[a] < o.MinPairs || sCount[a] > maxCount) continue;
                foreach (var c in tw)
                {
                    if (tCount[c] < o.MinPairs || tCount[c] > maxCount) continue;
                    long key = (long)a * PairBase + c; // (a << 32 | c) would hash to a ^ c: all collisions
                    pairCount[key] = pairCount.GetValueOrDefault(key) + 1;
                }
            }
        var sWords = new string[sIds.Count];
        foreach (var (w, id) in sIds) sWords[id] = w;
        var tWords = new string[tIds.Count];
        foreach (var (w, id) in tIds) tWords[id] = w;
        var best = new Dictionary<int, List<(int Word, double Dice)>>();
        foreach (var (key, count) in pairCount)
        {
            if (count < o.MinPairs) continue;
            int a = (int)(key / PairBase), c = (int)(key % PairBase);
            double dice = 2.0 * count / (sCount[a] + tCount[c]);
            if (dice < o.MinDice) continue;
            if (!best.TryGetValue(a, out var list)) best[a] = list = [];
            list.Add((c, dice));
        }
        var forward = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, list) in best.OrderBy(kv => kv.Key))
            forward[sWords[a]] = list.OrderByDescending(x => x.Dice).ThenBy(x => x.Word).Take(o.MaxTranslations)
                                     .Select(x => tWords[x.Word]).ToHashSet(StringComparer.Ordinal);
        return new BilingualLexicon(forward);
    }

    /// <summary>Both word lists in one: a source token keeps the translations of either.</summary>
    public BilingualLexicon Merge(BilingualLexicon other)
    {
        if (other.Count == 0) return this;
        if (Count == 0) return other;
        var forward = _forward.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (k, v) in other._forward)
            if (forward.TryGetValue(k, out var set)) set.UnionWith(v);
            else forward[k] = new HashSet<string>(v, StringComparer.Ordinal);
        return new BilingualLexicon(forward);
    }
}
