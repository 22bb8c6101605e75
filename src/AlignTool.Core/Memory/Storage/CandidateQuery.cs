using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// What a memory is asked for the candidates of a fuzzy lookup (<see cref="ITranslationMemory.FuzzyCandidates"/>):
/// the query's index grams, prepared once in Core, and the limits of the search.
/// </summary>
/// <param name="Lang">The language of the query: candidates are texts of this language.</param>
/// <param name="Grams">The query's distinct index grams (<see cref="PreparedText.Grams"/>).</param>
/// <param name="MinScore">The lowest score a match may have (0–100): a candidate shares at least this share of the
/// query's grams, so it holds one of the rarest (the prefix filter).</param>
/// <param name="MaxCandidates">Most candidates returned.</param>
/// <param name="PostingBudget">Most postings read; past it only the rarest grams are read, and of the rarest only
/// its newest texts count.</param>
public sealed record CandidateQuery(Language Lang, IReadOnlyCollection<long> Grams, int MinScore, int MaxCandidates, int PostingBudget);
