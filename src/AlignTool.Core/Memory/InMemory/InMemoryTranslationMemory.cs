using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.InMemory;

/// <summary>
/// The reference implementation of <see cref="ITranslationMemory"/>: plain collections, no file. It keeps the same
/// rows as the SQLite backend and answers with the same results in the same order (ids given as there: one above the
/// highest in use; postings and gram counts only ever grow, as there), so that a lookup through
/// <see cref="MemoryLookup"/> finds the same matches in either. Core's own tests of lookup, prefill and ingest run on
/// it. Thread-safe: one lock around every call; a document's units are read in full before any is stored, so an
/// exception while producing them stores nothing.
/// </summary>
public sealed class InMemoryTranslationMemory : ITranslationMemory
{
    /// <summary>What <see cref="MemoryStats.SchemaVersion"/> says: there is no schema.</summary>
    public const int NoSchema = 0;

    /// <summary>Occurrences read with a variant (the most recent), as the SQLite backend reads them.</summary>
    public const int OccurrencesPerVariant = 50;

    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Doc> _documents = [];
    private readonly SortedDictionary<long, Unit> _units = [];
    private readonly Dictionary<long, Variant> _variants = [];
    private readonly Dictionary<long, List<Unit>> _unitsByNorm = [];
    private readonly Dictionary<long, List<Unit>> _unitsByTemplate = [];
    private readonly Dictionary<(Language Lang, long Hash), List<Variant>> _variantsByNorm = [];
    private readonly Dictionary<(Language Lang, long Hash), List<Variant>> _variantsByTemplate = [];
    // Keyed by gram alone, as in SQLite: grams are salted with their language. Never shrink on a removal.
    private readonly Dictionary<long, List<long>> _postings = [];
    private readonly Dictionary<long, int> _gramCounts = [];
    private readonly GramCandidates _candidates = new();
    private readonly GramIndex _index;
    private string? _builtFrom;
    private long _lastOccurrence;

    public InMemoryTranslationMemory(string location = "(in memory)")
    {
        Location = location;
        _index = new GramIndex(_postings, _gramCounts);
    }

    public string Location { get; }

    public bool HasDocument(string contentHash)
    {
        lock (_lock) return _documents.Values.Any(d => d.Hash == contentHash);
    }

    public IngestOutcome AddDocument(DocumentRecord document, IEnumerable<PreparedUnit> units, string author, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_documents.Values.Any(d => d.Hash == document.ContentHash)) return new IngestOutcome(true, 0, 0, 0);
        }
        // All or nothing: the units are read in full before anything is stored (producing them may throw).
        var all = units.ToList();
        lock (_lock)
        {
            if (_documents.Values.Any(d => d.Hash == document.ContentHash)) return new IngestOutcome(true, 0, 0, 0);
            var stamp = TextMeta.Stamp(now);
            var doc = new Doc(NextId(_documents), document.Name, document.ContentHash, document.Symbol, document.Job, document.Date,
                document.Languages, document.Origin, stamp, author);
            _documents[doc.Id] = doc;
            long firstUnit = NextId(_units), firstVariant = _variants.Count == 0 ? 1 : _variants.Keys.Max() + 1;
            long nextUnit = firstUnit, nextVariant = firstVariant;
            int unitsAdded = 0, variantsAdded = 0, occurrencesAdded = 0;
            foreach (var pu in all)
            {
                var en = pu.English;
                var unit = _unitsByNorm.GetValueOrDefault(en.NormHash)?.FirstOrDefault(u => u.Via == pu.Via && u.Text == en.Text);
                if (unit is null)
                {
                    var m = pu.Meta;
                    unit = new Unit(nextUnit++, en, pu.Via, Props(pu.Props), m?.Created ?? stamp, m?.CreatedBy ?? author)
                    { Changed = m?.Changed ?? stamp, ChangedBy = m?.ChangedBy ?? author, Usage = m?.Usage ?? 0 };
                    _units[unit.Id] = unit;
                    Index(_unitsByNorm, en.NormHash, unit);
                    if (en.TemplateHash is { } th) Index(_unitsByTemplate, th, unit);
                    Post(en.Grams, unit.Id);
                    unitsAdded++;
                }
                else if (unit.Id < firstUnit)
                {
                    (unit.Changed, unit.ChangedBy) = (stamp, author);
                }
                foreach (var pv in pu.Variants)
                {
                    var t = pv.Text;
                    var o = pv.Occurrence ?? new Occurrence(null, null, 0, null, null);
                    var variant = unit.Variants.FirstOrDefault(v => v.Lang == t.Lang && v.Text == t.Text);
                    if (variant is null)
                    {
                        var m = pv.Meta;
                        variant = new Variant(nextVariant++, unit, t, Props(pv.Props), m?.Created ?? stamp, m?.CreatedBy ?? author)
                        { Changed = m?.Changed ?? stamp, ChangedBy = m?.ChangedBy ?? author, Usage = m?.Usage ?? 0, FirstDocument = doc.Id, First = o };
                        unit.Variants.Add(variant);
                        _variants[variant.Id] = variant;
                        Index(_variantsByNorm, (t.Lang, t.NormHash), variant);
                        if (t.TemplateHash is { } th) Index(_variantsByTemplate, (t.Lang, th), variant);
                        Post(t.Grams, variant.Id);
                        doc.Variants.Add(variant);
                        variantsAdded++;
                    }
                    else
                    {
                        // Duplicates merge: the usage they bring adds up; one this ingest wrote is not changed again.
                        int usage = pv.Meta?.Usage ?? 0;
                        if (variant.Id < firstVariant || usage != 0)
                        {
                            (variant.Changed, variant.ChangedBy) = (stamp, author);
                            variant.Usage += usage;
                        }
                        variant.Later.Add((++_lastOccurrence, doc.Id, o));
                        doc.Variants.Add(variant);
                    }
                    occurrencesAdded++;
                }
            }
            // The languages an import learns as it reads.
            doc.Languages = document.Languages;
            return new IngestOutcome(false, unitsAdded, variantsAdded, occurrencesAdded);
        }
    }

    public int? RemoveDocument(string nameOrHash)
    {
        lock (_lock)
        {
            var found = _documents.Values.Where(d => d.Hash == nameOrHash).Take(1).ToList();
            if (found.Count == 0) found = _documents.Values.Where(d => d.Name == nameOrHash).ToList();
            if (found.Count == 0) return null;
            if (found.Count > 1) throw new AmbiguousDocumentException(nameOrHash, found.Count);
            var doc = found[0];
            var variants = doc.Variants.Distinct().ToList();
            foreach (var v in variants)
            {
                if (v.FirstDocument == doc.Id) (v.FirstDocument, v.First) = (null, null);
                v.Later.RemoveAll(o => o.Document == doc.Id);
            }
            _documents.Remove(doc.Id);
            var emptied = new HashSet<Unit>();
            foreach (var v in variants)
            {
                if (v.FirstDocument is not null || v.Later.Count > 0) continue;
                _variants.Remove(v.Id);
                v.Unit.Variants.Remove(v);
                Unindex(_variantsByNorm, (v.Lang, v.NormHash), v);
                if (v.TemplateHash is { } th) Unindex(_variantsByTemplate, (v.Lang, th), v);
            }
            foreach (var u in variants.Select(v => v.Unit).Distinct())
            {
                if (u.Variants.Count > 0 || !_units.Remove(u.Id)) continue;
                Unindex(_unitsByNorm, u.NormHash, u);
                if (u.TemplateHash is { } th) Unindex(_unitsByTemplate, th, u);
                emptied.Add(u);
            }
            return emptied.Count;
        }
    }

    public IReadOnlyList<StoredUnit> FindByNorm(Language lang, long normHash, UnitDetail detail = UnitDetail.Full)
    {
        lock (_lock)
        {
            var units = lang.IsEnglish
                ? (_unitsByNorm.GetValueOrDefault(normHash) ?? []).OrderBy(u => u.Id).ToList()
                : (_variantsByNorm.GetValueOrDefault((lang, normHash)) ?? []).OrderBy(v => v.Id).Select(v => v.Unit).Distinct().ToList();
            return units.Select(u => Stored(u, detail)).ToList();
        }
    }

    public IReadOnlyList<StoredUnit> FindByTemplate(Language lang, long templateHash, int limit, UnitDetail detail = UnitDetail.Full)
    {
        lock (_lock)
        {
            IEnumerable<Unit> units;
            if (lang.IsEnglish)
            {
                var all = _unitsByTemplate.GetValueOrDefault(templateHash) ?? [];
                // Catalogue rows first, then the newest, as the SQLite backend reads them.
                units = all.Where(u => u.Via is not null).OrderBy(u => u.Id).Take(limit).Concat(all.OrderByDescending(u => u.Id).Take(limit));
            }
            else
            {
                units = (_variantsByTemplate.GetValueOrDefault((lang, templateHash)) ?? []).OrderByDescending(v => v.Id).Take(limit).Select(v => v.Unit);
            }
            return units.Distinct().Select(u => Stored(u, detail)).ToList();
        }
    }

    public IReadOnlyList<long> FuzzyCandidates(CandidateQuery query)
    {
        lock (_lock) return _candidates.Fuzzy(_index, query);
    }

    public IReadOnlyList<long> TextsContaining(Language lang, IReadOnlyCollection<long> grams)
    {
        lock (_lock) return GramCandidates.Containing(_index, lang, grams);
    }

    public IReadOnlyList<(long TextId, string Text, int Length, bool IsTemplate)> LoadSourceTexts(Language lang, IReadOnlyCollection<long> textIds)
    {
        lock (_lock)
        {
            var list = new List<(long, string, int, bool)>();
            foreach (var id in textIds)
            {
                if (lang.IsEnglish)
                {
                    if (_units.TryGetValue(id, out var u)) list.Add((u.Id, u.Text, u.Length, u.Via is not null));
                }
                else if (_variants.TryGetValue(id, out var v))
                {
                    list.Add((v.Id, v.Text, v.Length, v.Unit.Via is not null));
                }
            }
            return list;
        }
    }

    public IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(Language lang, IReadOnlyCollection<long> textIds, UnitDetail detail = UnitDetail.Full)
    {
        lock (_lock)
        {
            var list = new List<(long, StoredUnit)>();
            var loaded = new Dictionary<long, StoredUnit>();
            StoredUnit Load(Unit u) => loaded.TryGetValue(u.Id, out var s) ? s : loaded[u.Id] = Stored(u, detail);
            foreach (var id in textIds)
            {
                if (lang.IsEnglish)
                {
                    if (_units.TryGetValue(id, out var u)) list.Add((id, Load(u)));
                }
                else if (_variants.TryGetValue(id, out var v))
                {
                    list.Add((id, Load(v.Unit)));
                }
            }
            return list;
        }
    }

    public bool SeenInContext(long variantId, CoverField? field, string? previous, string? next)
    {
        bool Same(Occurrence o) => (field is not { } f || o.IsWholeOf(f)) && (previous is null || o.Previous == previous) && (next is null || o.Next == next);
        lock (_lock)
        {
            if (!_variants.TryGetValue(variantId, out var v)) return false;
            return (v.First is { } first && Same(first)) || v.Later.Any(o => Same(o.Occurrence));
        }
    }

    public MemoryStats Stats()
    {
        lock (_lock)
        {
            var perLang = new SortedDictionary<Language, int>();
            foreach (var v in _variants.Values) perLang[v.Lang] = perLang.GetValueOrDefault(v.Lang) + 1;
            int occurrences = _variants.Values.Sum(v => v.Later.Count + (v.FirstDocument is null ? 0 : 1));
            int templates = _units.Values.Count(u => u.Via is not null);
            return new MemoryStats(_documents.Count, _units.Count - templates, templates, perLang, occurrences, NoSchema);
        }
    }

    public IReadOnlyList<DocumentInfo> Documents()
    {
        lock (_lock)
        {
            return _documents.Values.Select(d => new DocumentInfo(d.Id, d.Name, d.Hash, d.Symbol, d.Job, d.Languages, d.Origin, UnitsOf(d), d.Added)).ToList();
        }
    }

    private static int UnitsOf(Doc d) =>
        d.Variants.Where(v => v.FirstDocument == d.Id || v.Later.Any(o => o.Document == d.Id)).Select(v => v.Unit).Distinct().Count();

    public string? BuiltFrom
    {
        get { lock (_lock) return _builtFrom; }
    }

    public void MarkBuiltFrom(string tmDataHash)
    {
        lock (_lock) _builtFrom = tmDataHash;
    }

    public IEnumerable<ExportedUnit> Export(string? changedSince, ExportScope scope = ExportScope.Units)
    {
        bool catalogue = scope == ExportScope.Catalogue;
        // Pages by id, each read under the lock: a writer may go on between pages, as with SQLite.
        long after = 0;
        while (true)
        {
            List<ExportedUnit> page;
            lock (_lock)
            {
                page = _units.Values.Where(u => u.Id > after && (u.Via is not null) == catalogue && (changedSince is null || string.CompareOrdinal(u.Changed, changedSince) >= 0))
                    .Take(1000).Select(Exported).ToList();
            }
            if (page.Count == 0) yield break;
            after = page[^1].Id;
            foreach (var u in page) yield return u;
        }
    }

    public void RecordUsage(long variantId)
    {
        lock (_lock)
        {
            if (_variants.TryGetValue(variantId, out var v)) v.Usage++;
        }
    }

    public void Dispose()
    {
    }

    private ExportedUnit Exported(Unit u) => new(u.Id, u.Text, u.Meta, u.Props,
        u.Variants.OrderBy(v => v.Id).Select(v =>
        {
            (long Document, Occurrence Occurrence)? first = v.FirstDocument is { } fd ? (fd, v.First!) : v.Later.Count > 0 ? (v.Later[0].Document, v.Later[0].Occurrence) : null;
            var doc = first is { } f ? _documents.GetValueOrDefault(f.Document) : null;
            return new ExportedVariant(v.Id, v.Lang, v.Text, v.Meta, v.Props,
                doc is null ? null : first!.Value.Occurrence, doc?.Name, doc?.Symbol);
        }).ToList(), u.Via);

    private StoredUnit Stored(Unit u, UnitDetail detail = UnitDetail.Full) => new(u.Id, u.Text, u.TemplateSpans, u.Length, u.Via,
        u.Variants.OrderBy(v => v.Id).Select(v =>
        {
            var occurrences = new List<(string Document, Occurrence Occurrence)>();
            if (v.FirstDocument is { } fd && _documents.TryGetValue(fd, out var first)) occurrences.Add((first.Name, v.First!));
            var later = detail == UnitDetail.Origin
                ? v.Later.Take(occurrences.Count == 0 ? 1 : 0)
                : v.Later.Skip(Math.Max(0, v.Later.Count - OccurrencesPerVariant));
            foreach (var (_, d, o) in later)
                if (_documents.TryGetValue(d, out var doc)) occurrences.Add((doc.Name, o));
            return new StoredVariant(v.Id, v.Lang, v.Text, v.TemplateSpans, v.Usage,
                occurrences.Select(o => o.Document).Distinct().ToList(), occurrences.Select(o => o.Occurrence).ToList());
        }).ToList());

    private static IReadOnlyDictionary<string, string> Props(IReadOnlyDictionary<string, string>? props) =>
        props is null ? new Dictionary<string, string>() : new Dictionary<string, string>(props);

    private static long NextId<T>(SortedDictionary<long, T> rows) => rows.Count == 0 ? 1 : rows.Keys.Last() + 1;

    private void Post(IReadOnlyCollection<long> grams, long id)
    {
        foreach (var g in grams)
        {
            if (!_postings.TryGetValue(g, out var ids)) _postings[g] = ids = [];
            ids.Add(id);
            _gramCounts[g] = _gramCounts.GetValueOrDefault(g) + 1;
        }
    }

    private static void Index<TKey, TRow>(Dictionary<TKey, List<TRow>> index, TKey key, TRow row) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(row);
    }

    private static void Unindex<TKey, TRow>(Dictionary<TKey, List<TRow>> index, TKey key, TRow row) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) return;
        list.Remove(row);
        if (list.Count == 0) index.Remove(key);
    }

    /// <summary>The postings and gram counts as <see cref="GramCandidates"/> reads them, under the memory's lock.</summary>
    private sealed class GramIndex(Dictionary<long, List<long>> postings, Dictionary<long, int> counts) : IGramIndex
    {
        public IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams)
        {
            var result = new Dictionary<long, int>();
            foreach (var g in grams)
                if (counts.TryGetValue(g, out int n)) result[g] = n;
            return result;
        }

        public void ReadPostings(Language lang, long gram, List<long> into)
        {
            if (!postings.TryGetValue(gram, out var ids)) return;
            int from = into.Count;
            into.AddRange(ids);
            // Ids are given in ascending order, but one freed by a removal may be given again.
            into.Sort(from, ids.Count, null);
        }
    }

    private sealed class Doc(long id, string name, string hash, string? symbol, string? job, string? date, IReadOnlyList<Language> languages, string origin, string added, string author)
    {
        public long Id { get; } = id;
        public string Name { get; } = name;
        public string Hash { get; } = hash;
        public string? Symbol { get; } = symbol;
        public string? Job { get; } = job;
        public string? Date { get; } = date;
        public IReadOnlyList<Language> Languages { get; set; } = languages;
        public string Origin { get; } = origin;
        public string Added { get; } = added;
        public string Author { get; } = author;

        /// <summary>The variants this document occurs in (first or later occurrence; may repeat).</summary>
        public List<Variant> Variants { get; } = [];
    }

    /// <summary>What a unit (its English) and a variant keep alike: the text as prepared, its props, dates and usage.</summary>
    private abstract class TextRow(long id, PreparedText text, IReadOnlyDictionary<string, string> props, string created, string createdBy)
    {
        public long Id { get; } = id;
        public string Text { get; } = text.Text;
        public long NormHash { get; } = text.NormHash;
        public string? TemplateSpans { get; } = text.TemplateSpans;
        public long? TemplateHash { get; } = text.TemplateHash;
        public int Length { get; } = text.Length;
        public IReadOnlyDictionary<string, string> Props { get; } = props;
        public string Created { get; } = created;
        public string CreatedBy { get; } = createdBy;
        public required string Changed { get; set; }
        public required string ChangedBy { get; set; }
        public required int Usage { get; set; }

        public TextMeta Meta => new(Created, CreatedBy, Changed, ChangedBy, Usage);
    }

    private sealed class Unit(long id, PreparedText english, string? via, IReadOnlyDictionary<string, string> props, string created, string createdBy)
        : TextRow(id, english, props, created, createdBy)
    {
        public string? Via { get; } = via;
        public List<Variant> Variants { get; } = [];
    }

    private sealed class Variant(long id, Unit unit, PreparedText text, IReadOnlyDictionary<string, string> props, string created, string createdBy)
        : TextRow(id, text, props, created, createdBy)
    {
        public Unit Unit { get; } = unit;
        public Language Lang { get; } = text.Lang;

        /// <summary>The document of the first occurrence, kept with the variant; null once that document is removed.</summary>
        public long? FirstDocument { get; set; }

        public Occurrence? First { get; set; }

        /// <summary>The later occurrences, oldest first.</summary>
        public List<(long Id, long Document, Occurrence Occurrence)> Later { get; } = [];
    }
}
