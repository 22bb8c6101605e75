using AlignTool.Core.Text;
using System.Globalization;
using System.Text.Json;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// Writes one document's units inside the transaction that holds the write lock. Each unit is found or inserted
/// at once (a probe of the norm-hash index sees the rows written earlier in the same transaction, so a document of
/// a million units needs no table of its own in memory); new rows get their ids here, which the lock makes safe.
/// Postings of new texts are gathered in a <see cref="PostingBuffer"/> and appended as one chunk per gram when it
/// fills and at the end.
/// <para>A document that brings more than <see cref="SqliteMemoryOptions.BulkLoadAfter"/> new units, and at least as
/// many as the memory held (a large TMX import), is loaded in bulk: the indexes no write needs
/// (<see cref="Schema.BulkIndexes"/>) are dropped and units are found through a table of hashes in memory instead.
/// The rows commit without those indexes, and <see cref="SqliteTranslationMemory"/> builds them again in one sorted
/// pass right after, in a transaction of their own (<see cref="BulkIndexes"/>).</para>
/// </summary>
internal sealed class UnitWriter : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly long _documentId;
    private readonly string _stamp, _author;
    private readonly Statement _findUnit, _findVariant, _insertUnit, _insertVariant, _insertOccurrence, _touchUnit, _touchVariant;
    private readonly Statement _chunks, _loadChunk, _deleteChunk, _insertChunk, _countGram;
    private readonly PostingBuffer _postings = new();
    private readonly Statement _unitById;
    // In bulk: every unit's id by its norm hash (and the rare hashes shared by several units).
    private LongMap<long>? _unitsByHash;
    private readonly Dictionary<long, List<long>> _sharedHashes = [];
    private readonly List<(PreparedText Text, long Id)> _earlier = [];
    // Every variant this writer wrote, by a hash of its unit, language and text (Ambiguous where two share one): a
    // unit met again in the same ingest finds its variants here instead of through variants_unit and each candidate row.
    private readonly LongMap<long> _written = new(1 << 16);
    private const long Ambiguous = -1;
    // What this writer wrote, by id from its first: each unit's identity (the exact English and via) and each
    // variant's (unit, language, exact text), as hashes. A unit or variant met again is confirmed here instead of by
    // reading its row, which cost more than a quarter of a bulk load's finding and occurrences (a row read each).
    private readonly List<long> _unitIdentities = [];
    private readonly List<(long Unit, int Lang, long Text)> _variantIdentities = [];
    private readonly Dictionary<Language, int> _langCodes = [];
    private long _nextUnit, _nextVariant;
    // Rows from these ids on were written by this writer: their change stamp is already this ingest's.
    private readonly long _firstUnit, _firstVariant, _firstOccurrence;

    private readonly int _bulkLoadAfter, _postingsHeld;

    public int UnitsAdded, VariantsAdded, OccurrencesAdded;

    public UnitWriter(SqliteConnection db, long documentId, string stamp, string author, SqliteMemoryOptions options)
    {
        _postingsHeld = options.PostingsHeld;
        _db = db;
        _documentId = documentId;
        _stamp = stamp;
        _author = author;
        _nextUnit = Scalar("SELECT ifnull(max(id), 0) + 1 FROM units");
        _nextVariant = Scalar("SELECT ifnull(max(id), 0) + 1 FROM variants");
        (_firstUnit, _firstVariant) = (_nextUnit, _nextVariant);
        _firstOccurrence = Scalar("SELECT ifnull(max(id), 0) + 1 FROM occurrences");
        // The highest unit id stands for the memory's size (exact unless units were removed), without counting them.
        _bulkLoadAfter = (int)Math.Min(int.MaxValue, Math.Max(options.BulkLoadAfter, _firstUnit - 1));
        _findUnit = new Statement(db, "SELECT id, en FROM units WHERE norm_hash = ?1 AND ifnull(via, '') = ?2");
        _unitById = new Statement(db, "SELECT en, ifnull(via, '') FROM units WHERE id = ?1");
        _findVariant = new Statement(db, "SELECT id FROM variants WHERE unit_id = ?1 AND lang = ?2 AND text = ?3");
        _insertUnit = new Statement(db, "INSERT INTO units(id, en, norm_hash, template, template_hash, length, via, props, created, created_by, changed, changed_by, usage) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        _insertVariant = new Statement(db, "INSERT INTO variants(id, unit_id, lang, text, norm_hash, template, template_hash, length, props, created, created_by, changed, changed_by, usage, doc_id, zone, field, position, prev, next) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
        _insertOccurrence = new Statement(db, "INSERT INTO occurrences(variant_id, document_id, zone, field, position, prev, next) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        _touchUnit = new Statement(db, "UPDATE units SET changed = ?1, changed_by = ?2 WHERE id = ?3");
        _touchVariant = new Statement(db, "UPDATE variants SET changed = ?1, changed_by = ?2, usage = usage + ?3 WHERE id = ?4");
        _chunks = new Statement(db, "SELECT chunk, level, n FROM postings WHERE gram = ?1");
        _loadChunk = new Statement(db, "SELECT ids FROM postings WHERE gram = ?1 AND chunk = ?2");
        _deleteChunk = new Statement(db, "DELETE FROM postings WHERE gram = ?1 AND chunk = ?2");
        _insertChunk = new Statement(db, "INSERT INTO postings(gram, chunk, level, n, ids) VALUES(?1, ?2, ?3, ?4, ?5)");
        _countGram = new Statement(db, "INSERT INTO grams(gram, n) VALUES(?1, ?2) ON CONFLICT(gram) DO UPDATE SET n = n + excluded.n");
    }

    private long Scalar(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Add(PreparedUnit unit)
    {
        var en = unit.English;
        long unitId = FindUnit(en, unit.Via);
        bool isNew = unitId == 0;
        if (isNew)
        {
            unitId = _nextUnit++;
            _unitIdentities.Add(UnitIdentity(en, unit.Via));
            var m = unit.Meta;
            _insertUnit.Bind(1, unitId).Bind(2, en.Text).Bind(3, en.NormHash).Bind(4, en.TemplateSpans).Bind(5, en.TemplateHash).Bind(6, en.Length)
                .Bind(7, unit.Via).Bind(8, Json(unit.Props)).Bind(9, m?.Created ?? _stamp).Bind(10, m?.CreatedBy ?? _author)
                .Bind(11, m?.Changed ?? _stamp).Bind(12, m?.ChangedBy ?? _author).Bind(13, m?.Usage ?? 0).Run();
            _postings.Add(en.Grams, unitId);
            UnitsAdded++;
            if (_unitsByHash is not null) Remember(en.NormHash, unitId);
            else if (UnitsAdded == _bulkLoadAfter) EnterBulk();
        }
        else if (unitId < _firstUnit)
        {
            _touchUnit.Bind(1, _stamp).Bind(2, _author).Bind(3, unitId).Run();
        }
        _earlier.Clear();
        foreach (var variant in unit.Variants)
        {
            var t = variant.Text;
            // A new unit's variants need no probe: only the same text twice in one language can meet.
            long variantId = SameEarlier(_earlier, t);
            if (variantId == 0 && !isNew) variantId = FindVariant(unitId, t);
            var o = variant.Occurrence ?? Occurrence.Nowhere;
            if (variantId == 0)
            {
                // A new variant keeps its first occurrence in its own row.
                variantId = _nextVariant++;
                var m = variant.Meta;
                _insertVariant.Bind(1, variantId).Bind(2, unitId).Bind(3, t.Lang.Tag).Bind(4, t.Text).Bind(5, t.NormHash).Bind(6, t.TemplateSpans).Bind(7, t.TemplateHash)
                    .Bind(8, t.Length).Bind(9, Json(variant.Props)).Bind(10, m?.Created ?? _stamp).Bind(11, m?.CreatedBy ?? _author)
                    .Bind(12, m?.Changed ?? _stamp).Bind(13, m?.ChangedBy ?? _author).Bind(14, m?.Usage ?? 0)
                    .Bind(15, _documentId).Bind(16, o.ZoneName).Bind(17, o.FieldName).Bind(18, o.Position).Bind(19, o.Previous).Bind(20, o.Next).Run();
                _postings.Add(t.Grams, variantId);
                _earlier.Add((t, variantId));
                var identity = VariantIdentity(unitId, t);
                _variantIdentities.Add(identity);
                ref long written = ref _written.GetOrAdd(WrittenKey(identity), out bool taken);
                written = taken ? Ambiguous : variantId;
                VariantsAdded++;
            }
            else
            {
                // Duplicates merge: the usage they bring adds up. A variant this ingest wrote is not changed again by
                // meeting it a second time (boilerplate repeats in every document of a batch).
                int usage = variant.Meta?.Usage ?? 0;
                if (variantId < _firstVariant || usage != 0) _touchVariant.Bind(1, _stamp).Bind(2, _author).Bind(3, usage).Bind(4, variantId).Run();
                _insertOccurrence.Bind(1, variantId).Bind(2, _documentId).Bind(3, o.ZoneName).Bind(4, o.FieldName).Bind(5, o.Position).Bind(6, o.Previous).Bind(7, o.Next).Run();
            }
            OccurrencesAdded++;
        }
        if (_postings.Count >= _postingsHeld) Flush();
    }

    private long FindUnit(PreparedText en, string? via)
    {
        if (_unitsByHash is not null)
        {
            if (!_unitsByHash.TryGetValue(en.NormHash, out var id)) return 0;
            long identity = UnitIdentity(en, via);
            if (IsUnit(id, en.Text, via, identity)) return id;
            foreach (var other in _sharedHashes.GetValueOrDefault(en.NormHash) ?? []) if (IsUnit(other, en.Text, via, identity)) return other;
            return 0;
        }
        _findUnit.Bind(1, en.NormHash).Bind(2, via ?? "");
        long found = 0;
        while (_findUnit.Next())
        {
            if (found == 0 && _findUnit.TextEquals(1, en.Text)) found = _findUnit.Int64(0);
        }
        return found;
    }

    /// <summary>Whether unit <paramref name="id"/> (found by the hash of its normalized English) is this text: by its
    /// identity if this writer wrote it, else by its row.</summary>
    private bool IsUnit(long id, string english, string? via, long identity)
    {
        if (id >= _firstUnit) return _unitIdentities[(int)(id - _firstUnit)] == identity;
        _unitById.Bind(1, id);
        bool same = _unitById.Next() && _unitById.TextEquals(0, english) && _unitById.TextEquals(1, via ?? "");
        _unitById.Reset();
        return same;
    }

    private void Remember(long normHash, long unitId)
    {
        ref long first = ref _unitsByHash!.GetOrAdd(normHash, out bool taken);
        if (!taken)
        {
            first = unitId;
            return;
        }
        if (!_sharedHashes.TryGetValue(normHash, out var list)) _sharedHashes[normHash] = list = [];
        list.Add(unitId);
    }

    /// <summary>Switches to bulk loading: reads every unit's hash, then drops the indexes no write needs.</summary>
    private void EnterBulk()
    {
        _unitsByHash = new LongMap<long>(1 << 17);
        using (var all = new Statement(_db, "SELECT norm_hash, id FROM units"))
        {
            while (all.Next()) Remember(all.Int64(0), all.Int64(1));
        }
        BulkIndexes.Drop(_db);
        DroppedIndexes = true;
    }

    /// <summary>Whether this writer went over to bulk and dropped <see cref="Schema.BulkIndexes"/>: they are to be built
    /// again once its transaction commits.</summary>
    public bool DroppedIndexes { get; private set; }

    /// <summary>Writes what is still gathered.</summary>
    public void Complete()
    {
        Flush();
        CountGrams();
        _unitsByHash = null;
    }

    /// <summary>The ids of the variants this writer inserted (each with this document as its first occurrence), or
    /// nulls if it inserted none.</summary>
    public (long? First, long? Last) VariantIds => _nextVariant > _firstVariant ? (_firstVariant, _nextVariant - 1) : (null, null);

    /// <summary>The ids of the occurrences rows this writer inserted (each above every id before it), or nulls if it
    /// inserted none; read once its rows are written.</summary>
    public (long? First, long? Last) OccurrenceIds()
    {
        long last = Scalar("SELECT ifnull(max(id), 0) FROM occurrences");
        return last >= _firstOccurrence ? (_firstOccurrence, last) : (null, null);
    }

    private long FindVariant(long unitId, PreparedText t)
    {
        if (unitId >= _firstUnit)
        {
            // A unit of this writer's: each of its variants is in _written, so a text not there is not stored.
            var identity = VariantIdentity(unitId, t);
            if (!_written.TryGetValue(WrittenKey(identity), out long id)) return 0;
            if (id != Ambiguous && _variantIdentities[(int)(id - _firstVariant)] == identity) return id;
        }
        _findVariant.Bind(1, unitId).Bind(2, t.Lang.Tag).Bind(3, t.Text);
        long found = _findVariant.Next() ? _findVariant.Int64(0) : 0;
        _findVariant.Reset();
        return found;
    }

    /// <summary>A unit's identity: its exact English and the catalogue row it comes from.</summary>
    private static long UnitIdentity(PreparedText en, string? via) =>
        unchecked(TextHash(en) ^ (via is null ? 0 : TextIdentity.Of(via) * -7046029254386353131L));

    /// <summary>A variant's identity: its unit and language (a code this writer gives each language) and its exact
    /// text.</summary>
    private (long Unit, int Lang, long Text) VariantIdentity(long unitId, PreparedText t)
    {
        ref int code = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_langCodes, t.Lang, out bool known);
        if (!known) code = _langCodes.Count;
        return (unitId, code, TextHash(t));
    }

    private static long WrittenKey((long Unit, int Lang, long Text) identity) =>
        unchecked(identity.Text ^ (identity.Unit * -7046029254386353131L) ^ ((long)identity.Lang << 56));

    private static long TextHash(PreparedText t) => t.TextHash != 0 ? t.TextHash : TextIdentity.Of(t.Text);

    /// <summary>The id given to an earlier variant of this unit with the same language and text, or 0.</summary>
    private static long SameEarlier(List<(PreparedText Text, long Id)> earlier, PreparedText t)
    {
        foreach (var (e, id) in earlier)
        {
            if (e.Lang == t.Lang && string.Equals(e.Text, t.Text, StringComparison.Ordinal)) return id;
        }
        return 0;
    }

    /// <summary>The chunks a gram has (read from the memory the first time the gram is flushed, then kept here),
    /// and the texts it was added to by this writer, which are counted in <c>grams</c> once, at the end.</summary>
    private sealed class GramState
    {
        public readonly List<(long Chunk, int Level, int N)> Chunks = [];
        public int Added;
    }

    private readonly Dictionary<long, GramState> _gramStates = [];

    private GramState StateOf(long gram)
    {
        ref var state = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_gramStates, gram, out bool known);
        if (known) return state!;
        state = new GramState();
        _chunks.Bind(1, gram);
        while (_chunks.Next()) state.Chunks.Add((_chunks.Int64(0), (int)_chunks.Int64(1), (int)_chunks.Int64(2)));
        return state;
    }

    /// <summary>
    /// Appends the gathered postings as one new chunk per gram; four chunks of one size class are merged into one
    /// (log-structured), so a gram never has more than a few chunks per class.
    /// </summary>
    private void Flush()
    {
        var merged = new List<long>();
        var runs = new List<(int Start, int Count)>();
        foreach (var (gram, ids) in _postings.Drain())
        {
            var state = StateOf(gram);
            state.Added += ids.Count;
            var existing = state.Chunks;
            long nextChunk = 0;
            foreach (var e in existing) nextChunk = Math.Max(nextChunk, e.Chunk + 1);
            ArraySegment<long> pending = ids;
            if (!IsAscending(pending))
            {
                var copy = pending.ToArray();
                Array.Sort(copy);
                pending = copy;
            }
            int level = PostingCodec.Level(pending.Count);
            while (true)
            {
                int same = 0;
                foreach (var e in existing) if (e.Level == level) same++;
                if (same < 3) break;
                // The pending ids and each chunk's, decoded side by side, then put in order as a lookup reads them.
                runs.Clear();
                int count = pending.Count;
                Reserve(count);
                pending.AsSpan().CopyTo(_merging);
                runs.Add((0, count));
                for (int k = existing.Count - 1; k >= 0; k--)
                {
                    if (existing[k].Level != level) continue;
                    _loadChunk.Bind(1, gram).Bind(2, existing[k].Chunk);
                    if (_loadChunk.Next())
                    {
                        var chunk = _loadChunk.Blob(0);
                        Reserve(count + chunk.Length); // at most one id a byte
                        int n = PostingCodec.Decode(chunk, _merging.AsSpan(count));
                        runs.Add((count, n));
                        count += n;
                    }
                    _loadChunk.Reset();
                    _deleteChunk.Bind(1, gram).Bind(2, existing[k].Chunk).Run();
                    existing.RemoveAt(k);
                }
                merged.Clear();
                PostingCodec.Ascending(_merging, runs, merged);
                pending = merged.ToArray();
                int next = PostingCodec.Level(pending.Count);
                level = next > level ? next : level + 1;
            }
            int max = PostingCodec.MaxBytes(pending.Count);
            if (_encoded.Length < max) _encoded = new byte[Math.Max(max, _encoded.Length * 2)];
            int bytes = PostingCodec.Encode(pending.AsSpan(), _encoded);
            _insertChunk.Bind(1, gram).Bind(2, nextChunk).Bind(3, level).Bind(4, pending.Count).Bind(5, _encoded.AsSpan(0, bytes)).Run();
            existing.Add((nextChunk, level, pending.Count));
        }
    }

    /// <summary>Adds the texts each gram gained to its frequency, once per gram.</summary>
    private void CountGrams()
    {
        foreach (var (gram, state) in _gramStates)
        {
            if (state.Added > 0) _countGram.Bind(1, gram).Bind(2, state.Added).Run();
        }
        _gramStates.Clear();
    }

    private long[] _merging = new long[1024];
    private byte[] _encoded = new byte[1 << 16];

    private void Reserve(int ids)
    {
        if (_merging.Length < ids) Array.Resize(ref _merging, Math.Max(ids, _merging.Length * 2));
    }

    private static bool IsAscending(ReadOnlySpan<long> ids)
    {
        for (int i = 1; i < ids.Length; i++) if (ids[i] <= ids[i - 1]) return false;
        return true;
    }

    private static string? Json(IReadOnlyDictionary<string, string>? props) =>
        props is null || props.Count == 0 ? null : JsonSerializer.Serialize(props);

    public void Dispose()
    {
        foreach (var s in new[] { _unitById, _findUnit, _findVariant, _insertUnit, _insertVariant, _insertOccurrence, _touchUnit, _touchVariant, _chunks, _loadChunk, _deleteChunk, _insertChunk, _countGram })
            s.Dispose();
    }
}
