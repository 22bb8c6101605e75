using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// The gram index as <see cref="Core.Memory.Lookup.GramCandidates"/> reads it for one fuzzy query, in two round trips to
/// the server instead of one a gram: the frequencies of the query's grams, then, in one query, the postings of every
/// gram the candidate search will read (the rarest first, as long as they fit the posting budget: the same grams
/// it reads). A gram it did not foresee is read from the server as usual.
/// </summary>
internal sealed class PrefetchedGrams(PostgresTranslationMemory memory) : IGramIndex
{
    private readonly Dictionary<long, List<long>> _postings = [];
    private CandidateQuery? _query;

    public void Begin(CandidateQuery query)
    {
        _query = query;
        _postings.Clear();
    }

    public IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams)
    {
        var df = memory.GramFrequencies(lang, grams);
        if (_query is { } q && ReferenceEquals(grams, q.Grams))
        {
            // The grams GramCandidates reads: in ascending frequency, the first always, the others while they fit the budget.
            var read = new List<long>();
            long budget = q.PostingBudget;
            foreach (var g in grams.Where(g => df.GetValueOrDefault(g) > 0).OrderBy(g => df[g]))
            {
                if (read.Count >= 1 && df[g] > budget) break;
                budget -= df[g];
                read.Add(g);
            }
            if (read.Count > 0) memory.ReadPostings(read, _postings);
            foreach (var g in read) _postings.TryAdd(g, []);
        }
        return df;
    }

    public void ReadPostings(Language lang, long gram, List<long> into)
    {
        if (_postings.TryGetValue(gram, out var ids)) into.AddRange(ids);
        else memory.ReadPostings(lang, gram, into);
    }
}
