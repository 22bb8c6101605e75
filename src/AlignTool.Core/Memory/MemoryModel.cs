namespace AlignTool.Core.Memory;

/// <summary>A document as the memory records it.</summary>
/// <param name="Origin">Where it came from: <c>tm-data</c> (the default corpus), <c>user</c> (ingested), <c>tmx</c>, <c>catalog</c>.</param>
/// <param name="Languages">Read again when the document's units are all stored: an import learns them as it reads.</param>
public sealed record DocumentRecord(string Name, string ContentHash, string? Symbol, string? Job, string? Date, IReadOnlyList<string> Languages, string Origin);

/// <summary>Where a variant was seen: its zone and cover field, its position, and its context (the English of the
/// segments before and after it).</summary>
public sealed record Occurrence(string? Zone, string? Field, int Position, string? Previous, string? Next);

/// <summary>A text as the memory keeps and indexes it: raw, normalized, its template form and its index grams.</summary>
/// <param name="Template">The template form, when the text has placeables (or is a catalogue template).</param>
/// <param name="TemplateSpans">The same template as the memory stores it: the offsets of its slots in the text
/// (<see cref="Memory.TemplateSpans"/>).</param>
public sealed record PreparedText(string Lang, string Text, string Norm, long NormHash, string? Template, long? TemplateHash, IReadOnlyCollection<long> Grams, int Length, string? TemplateSpans = null)
{
    /// <summary><see cref="TextIdentity"/> of <see cref="Text"/>, computed where texts are prepared (in parallel, for
    /// an ingest); 0 when not computed.</summary>
    public long TextHash { get; init; }
}

/// <summary>Dates (<c>yyyy-MM-ddTHH:mm:ssZ</c>), authors and usage a text brings with it (from a TMX file); when absent
/// the memory stamps the time and author of the write.</summary>
public sealed record TextMeta(string? Created, string? CreatedBy, string? Changed, string? ChangedBy, int Usage)
{
    /// <summary>The memory's form of an instant: <c>yyyy-MM-ddTHH:mm:ssZ</c>, which sorts as it reads.</summary>
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record PreparedVariant(PreparedText Text, Occurrence? Occurrence, IReadOnlyDictionary<string, string>? Props = null, TextMeta? Meta = null);

/// <summary>An English-keyed unit to store, with its variants in other languages.</summary>
/// <param name="Via">For a catalogue template, the catalogue row id.</param>
public sealed record PreparedUnit(PreparedText English, IReadOnlyList<PreparedVariant> Variants, string? Via = null, IReadOnlyDictionary<string, string>? Props = null, Occurrence? EnglishOccurrence = null, TextMeta? Meta = null);

/// <summary>A variant as exported: its text, dates, authors, usage, props and first occurrence.</summary>
public sealed record ExportedVariant(long Id, string Lang, string Text, TextMeta Meta, IReadOnlyDictionary<string, string> Props, Occurrence? Occurrence, string? Document, string? Symbol);

/// <summary>A unit as exported, with every variant.</summary>
/// <param name="Via">For a catalogue row, its id (its texts are templates, with or without slots).</param>
public sealed record ExportedUnit(long Id, string English, TextMeta Meta, IReadOnlyDictionary<string, string> Props, IReadOnlyList<ExportedVariant> Variants, string? Via = null);

public sealed record StoredVariant(long Id, string Lang, string Text, string Norm, string? Template, int Usage, IReadOnlyList<string> Documents, IReadOnlyList<Occurrence> Occurrences);

public sealed record StoredUnit(long Id, string English, string EnglishNorm, string? EnglishTemplate, int EnglishLength, string? Via, IReadOnlyList<StoredVariant> Variants);

/// <summary>What one document's ingest did.</summary>
public sealed record IngestOutcome(bool AlreadyPresent, int UnitsAdded, int VariantsAdded, int OccurrencesAdded);

public sealed record DocumentInfo(long Id, string Name, string? Symbol, string? Job, string Languages, string Origin, int Units, string Added);

public sealed record MemoryStats(int Documents, int Units, int TemplateUnits, IReadOnlyDictionary<string, int> VariantsPerLanguage, int Occurrences, int SchemaVersion);

/// <summary>
/// The translation memory's storage: documents, English-keyed units with their variants and occurrences, and the
/// candidates of a fuzzy query. Matching and scoring are Core's (<see cref="MemoryLookup"/>); an implementation only
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
    IReadOnlyList<StoredUnit> FindByNorm(string lang, long normHash);

    /// <summary>Units whose text in <paramref name="lang"/> has this template hash, catalogue rows first, then the most
    /// used and most recent, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredUnit> FindByTemplate(string lang, long templateHash, int limit);

    /// <summary>Candidates for a fuzzy query: ids of the texts of <see cref="CandidateQuery.Lang"/> (unit ids for
    /// English, variant ids otherwise) most alike the query by its grams, the best first, at most
    /// <see cref="CandidateQuery.MaxCandidates"/>; Core scores them. A backend with a gram index finds them with
    /// <see cref="GramCandidates"/>.</summary>
    IReadOnlyList<long> FuzzyCandidates(CandidateQuery query);

    /// <summary>Ids of the texts of <paramref name="lang"/> that may contain every one of these grams (a superset:
    /// the caller checks the text), for a concordance; may hold ids of removed texts.</summary>
    IReadOnlyList<long> TextsContaining(string lang, IReadOnlyCollection<long> grams);

    /// <summary>The source texts with these ids in <paramref name="lang"/> and their lengths, without their units:
    /// the cheap first read of fuzzy candidates. <c>IsTemplate</c>: the text is a catalogue template.</summary>
    IReadOnlyList<(long TextId, string Text, int Length, bool IsTemplate)> LoadSourceTexts(string lang, IReadOnlyCollection<long> textIds);

    /// <summary>The units of the texts with these ids in <paramref name="lang"/>.</summary>
    IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(string lang, IReadOnlyCollection<long> textIds);

    /// <summary>Whether a variant was ever seen in this context (each part that is not null must be equal): the
    /// occurrences a unit is loaded with are only the most recent.</summary>
    bool SeenInContext(long variantId, string? field, string? previous, string? next);

    MemoryStats Stats();

    IReadOnlyList<DocumentInfo> Documents();

    /// <summary>The content hash of a document, by id.</summary>
    string? DocumentHash(long documentId);

    string? GetMeta(string key);

    void SetMeta(string key, string value);

    /// <summary>Every unit in id order, streamed (or the catalogue's rows: <paramref name="scope"/>);
    /// <paramref name="changedSince"/> (<c>yyyy-MM-ddTHH:mm:ssZ</c>) keeps those changed since.</summary>
    IEnumerable<ExportedUnit> Export(string? changedSince, ExportScope scope = ExportScope.Units);

    /// <summary>Counts a use of a variant (a match taken into a draft).</summary>
    void RecordUsage(long variantId);
}
