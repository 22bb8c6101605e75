using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// An inverted index of grams, as a backend that keeps one exposes it to <see cref="Lookup.GramCandidates"/>, which finds a
/// fuzzy query's candidates in it. Not part of <see cref="ITranslationMemory"/>: a backend may find candidates
/// another way (a database's own text index).
/// </summary>
public interface IGramIndex
{
    /// <summary>How many texts of <paramref name="lang"/> contain each gram (an upper bound after removals); grams
    /// no text contains are left out.</summary>
    IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams);

    /// <summary>Appends to <paramref name="into"/> the ids of the texts of <paramref name="lang"/> containing
    /// <paramref name="gram"/> (unit ids for English, variant ids otherwise), in ascending order; may hold ids of
    /// removed texts.</summary>
    void ReadPostings(Language lang, long gram, List<long> into);
}
