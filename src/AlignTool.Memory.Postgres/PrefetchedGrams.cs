using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// The gram index as <see cref="Core.Memory.Lookup.GramCandidates"/> reads it for one fuzzy query, in one round trip to
/// the server instead of one a gram: the frequencies of the query's grams come with the postings of every gram the
/// candidate search will read (the rarest first, as long as they fit the posting budget: the same grams it reads,
/// chosen by the server). A gram it did not foresee is read from the server as usual.
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

    public IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams) =>
        _query is { } q && ReferenceEquals(grams, q.Grams) && lang == q.Lang
            ? memory.GramsWithPostings(q, _postings)
            : memory.GramFrequencies(lang, grams);

    /// <summary>Grams read one by one because the server did not send them with the frequencies: none, as long as
    /// the server's choice of grams is <see cref="Core.Memory.Lookup.GramCandidates"/>'s.</summary>
    public int Unforeseen { get; private set; }

    public void ReadPostings(Language lang, long gram, List<long> into)
    {
        if (_postings.TryGetValue(gram, out var ids))
        {
            into.AddRange(ids);
            return;
        }
        Unforeseen++;
        memory.ReadPostings(lang, gram, into);
    }
}
