using AlignTool.Core.Documents;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// The translation memory's storage: documents, English-keyed units with their variants and occurrences, and the
/// candidates of a fuzzy query. Matching and scoring are Core's (<see cref="Lookup.MemoryLookup"/>); an implementation only
/// stores and retrieves. Implementations: <c>AlignTool.Memory.Sqlite</c>, and the reference in Core
/// (<see cref="InMemory.InMemoryTranslationMemory"/>); both pass the same contract suite.
/// </summary>
public interface ITranslationMemory : IDisposable
{
    /// <summary>Where the memory lives (a file path), for messages.</summary>
    string Location { get; }

    bool HasDocument(string contentHash);

    /// <summary>Stores a document and its units in one transaction: all or nothing. A document already present
    /// (same content hash) adds nothing. The units are read as a stream, so that a million fit in bounded memory;
    /// an exception while producing them rolls everything back.</summary>
    IngestOutcome AddDocument(DocumentRecord document, IEnumerable<PreparedUnit> units, string author, DateTimeOffset now);

    /// <summary>Removes a document (by name or content hash) and what only it contributed. Null when not found.</summary>
    int? RemoveDocument(string nameOrHash);

    /// <summary>Units whose text in <paramref name="lang"/> (the English key, or a variant) has this normalized hash.</summary>
    IReadOnlyList<StoredUnit> FindByNorm(Language lang, long normHash, UnitDetail detail = UnitDetail.Full);

    /// <summary>Units whose text in <paramref name="lang"/> has this template hash, catalogue rows first, then the most
    /// used and most recent, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredUnit> FindByTemplate(Language lang, long templateHash, int limit, UnitDetail detail = UnitDetail.Full);

    /// <summary>Candidates for a fuzzy query: ids of the texts of <see cref="CandidateQuery.Lang"/> (unit ids for
    /// English, variant ids otherwise) most alike the query by its grams, the best first, at most
    /// <see cref="CandidateQuery.MaxCandidates"/>; Core scores them. A backend with a gram index finds them with
    /// <see cref="Lookup.GramCandidates"/>.</summary>
    IReadOnlyList<long> FuzzyCandidates(CandidateQuery query);

    /// <summary>Ids of the texts of <paramref name="lang"/> that may contain every one of these grams (a superset:
    /// the caller checks the text), for a concordance; may hold ids of removed texts.</summary>
    IReadOnlyList<long> TextsContaining(Language lang, IReadOnlyCollection<long> grams);

    /// <summary>The source texts with these ids in <paramref name="lang"/> and their lengths, without their units:
    /// the cheap first read of fuzzy candidates. <c>IsTemplate</c>: the text is a catalogue template.</summary>
    IReadOnlyList<(long TextId, string Text, int Length, bool IsTemplate)> LoadSourceTexts(Language lang, IReadOnlyCollection<long> textIds);

    /// <summary>The units of the texts with these ids in <paramref name="lang"/>, with their variants' occurrences
    /// as <paramref name="detail"/> says.</summary>
    IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(Language lang, IReadOnlyCollection<long> textIds, UnitDetail detail = UnitDetail.Full);

    /// <summary>Whether a variant was ever seen in this context (each part that is not null must be equal): the
    /// occurrences a unit is loaded with are only the most recent.</summary>
    bool SeenInContext(long variantId, CoverField? field, string? previous, string? next);

    MemoryStats Stats();

    IReadOnlyList<DocumentInfo> Documents();

    /// <summary>The content hash of the <c>tm-data</c> the memory was last brought in step with
    /// (<see cref="Ingest.Ingestor.SyncTmData"/>), or null for a memory never built from it.</summary>
    string? BuiltFrom { get; }

    /// <summary>Records the content hash of the <c>tm-data</c> the memory is now in step with.</summary>
    void MarkBuiltFrom(string tmDataHash);

    /// <summary>Every unit in id order, streamed (or the catalogue's rows: <paramref name="scope"/>);
    /// <paramref name="changedSince"/> (<c>yyyy-MM-ddTHH:mm:ssZ</c>) keeps those changed since.</summary>
    IEnumerable<ExportedUnit> Export(string? changedSince, ExportScope scope = ExportScope.Units);

    /// <summary>Counts a use of a variant (a match taken into a draft).</summary>
    void RecordUsage(long variantId);
}
