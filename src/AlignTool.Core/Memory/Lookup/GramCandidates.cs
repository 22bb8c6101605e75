using AlignTool.Core.Text;
using System.Runtime.InteropServices;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// Candidate generation over a gram index (<see cref="IGramIndex"/>), for the backends that keep one: the rarest grams
/// of the query (prefix filter), a budget of postings and an early cut-off choose the texts Core then scores. Never a
/// scan of every text. Keeps its buffers from one query to the next: not thread-safe.
/// </summary>
public sealed class GramCandidates
{
    private readonly IdCounter _counter = new();
    private readonly List<long> _postings = [];

    /// <summary>The texts sharing the most of the query's grams, the most first (the newest on a tie).</summary>
    public IReadOnlyList<long> Fuzzy(IGramIndex index, CandidateQuery query)
    {
        if (query.Grams.Count == 0) return [];
        double t = Math.Clamp(query.MinScore / 100.0, 0.01, 1.0);
        // Prefix filter: a text sharing a fraction t of the query's grams contains one of its n - ceil(t n) + 1 rarest.
        var df = index.GramFrequencies(query.Lang, query.Grams);
        var ordered = query.Grams.Where(g => df.GetValueOrDefault(g) > 0).OrderBy(g => df[g]).ToList();
        if (ordered.Count == 0) return [];
        int n = query.Grams.Count;
        int prefix = Math.Clamp(n - (int)Math.Ceiling(t * n) + 1, 1, ordered.Count);
        long budget = query.PostingBudget;
        _counter.Reset();
        for (int i = 0; i < ordered.Count; i++)
        {
            // Past the prefix, grams only add to the counts of texts already found. Once the budget is spent, stop.
            // The rarest gram is always read, whatever its size, but only its newest texts up to the budget count:
            // a short query of common words ("the Council") would otherwise count most of the memory.
            long size = df[ordered[i]];
            if (i >= 1 && size > budget) break;
            budget -= size;
            _postings.Clear();
            index.ReadPostings(query.Lang, ordered[i], _postings);
            var postings = CollectionsMarshal.AsSpan(_postings);
            if (i == 0 && postings.Length > query.PostingBudget) postings = postings[^query.PostingBudget..];
            if (i < prefix) foreach (var id in postings) _counter.Add(id);
            else foreach (var id in postings) _counter.AddIfPresent(id);
        }
        return _counter.Top(query.MaxCandidates);
    }

    /// <summary>The texts that may contain every one of <paramref name="grams"/>: those of the rarest (none when a
    /// gram occurs nowhere). A superset: the caller checks each text.</summary>
    public static IReadOnlyList<long> Containing(IGramIndex index, Language lang, IReadOnlyCollection<long> grams)
    {
        if (grams.Count == 0) return [];
        var df = index.GramFrequencies(lang, grams);
        if (grams.Any(g => df.GetValueOrDefault(g) == 0)) return []; // a gram occurs nowhere
        var ids = new List<long>();
        index.ReadPostings(lang, grams.OrderBy(g => df[g]).First(), ids);
        return ids;
    }
}
