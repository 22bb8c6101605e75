using System.Globalization;
using System.Text.Json;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// Writes one document's units inside the transaction that holds the memory's write lock, a batch at a time: the
/// units of the memory a batch may meet again are read in one query (and their variants in a second), each unit is
/// then found or given the next id in order, and the batch's new rows go in with binary COPY, on another thread while
/// this one reads and numbers the next batch. Rows this writer wrote are found again through their identities (hashes
/// of the exact text) kept here, as in the SQLite writer. Postings of new texts are gathered in a
/// <see cref="PostingBuffer"/> and written as one chunk per gram (COPY) when it fills and at the end; a gram's chunks
/// are merged into one when there are more than <see cref="PostgresMemoryOptions.ChunksPerGram"/>. Into an empty
/// memory, a document of more than a batch is loaded in bulk: the tables' indexes are dropped before its first row
/// and built again after its last (<see cref="BulkIndexes"/>), all in the one transaction.
/// </summary>
internal sealed class UnitWriter
{
    private readonly NpgsqlConnection _db;
    private readonly NpgsqlTransaction _tx;
    private readonly long _documentId;
    private readonly string _stamp, _author;
    private readonly PostgresMemoryOptions _options;
    private readonly PostingBuffer _postings = new();
    private readonly long _firstUnit, _firstVariant;
    private long _nextUnit, _nextVariant, _nextOccurrence;
    // Units by identity (exact English and via), those this writer wrote or met; variants this writer wrote or met
    // by (unit, language, exact text).
    private readonly Dictionary<long, long> _units = [];
    private readonly Dictionary<(long Unit, string Lang, long Text), long> _variants = [];
    private readonly HashSet<long> _touchedUnits = [];
    private readonly Dictionary<long, int> _deferredUsage = [];
    private bool _begun;
    private BulkIndexes? _bulk;
    private Task? _copying;

    public int UnitsAdded, VariantsAdded, OccurrencesAdded;

    /// <summary>Whether the document was loaded in bulk (its tables' indexes dropped and built again).</summary>
    public bool LoadedInBulk => _bulk is not null;

    public UnitWriter(NpgsqlConnection db, NpgsqlTransaction tx, long documentId, string stamp, string author, PostgresMemoryOptions options)
    {
        _db = db;
        _tx = tx;
        _documentId = documentId;
        _stamp = stamp;
        _author = author;
        _options = options;
        _nextUnit = _firstUnit = Scalar("SELECT coalesce(max(id), 0) + 1 FROM units");
        _nextVariant = _firstVariant = Scalar("SELECT coalesce(max(id), 0) + 1 FROM variants");
        _nextOccurrence = Scalar("SELECT coalesce(max(id), 0) + 1 FROM occurrences");
    }

    private long Scalar(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _db, _tx);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Write(IEnumerable<PreparedUnit> units)
    {
        try
        {
            var batch = new List<PreparedUnit>(_options.Batch);
            foreach (var unit in units)
            {
                batch.Add(unit);
                if (batch.Count == _options.Batch)
                {
                    WriteBatch(batch);
                    batch = new List<PreparedUnit>(_options.Batch);
                }
            }
            WriteBatch(batch);
            Finish();
            FlushPostings();
            if (_bulk is not null)
            {
                _bulk.Restore();
                Touch(_deferredUsage);
            }
        }
        finally
        {
            // Never leave the connection to a COPY still running when an error ends the ingest: it is the
            // transaction's, which is rolled back next.
            if (_copying is { } running)
            {
                _copying = null;
                try
                {
                    running.Wait();
                }
                catch (AggregateException)
                {
                    // The error that ends the ingest is already on its way.
                }
            }
        }
    }

    private sealed class Rows
    {
        public readonly List<(long Id, PreparedUnit Unit)> Units = [];
        public readonly List<(long Id, long Unit, PreparedVariant Variant)> Variants = [];
        public readonly List<(long Id, long Variant, Occurrence Occurrence)> Occurrences = [];
        public readonly Dictionary<long, int> TouchedVariants = [];
        public readonly List<long> TouchedUnits = [];
    }

    /// <summary>
    /// Finds or numbers the batch's units on this thread, then hands its rows to a COPY on another while this one
    /// reads and numbers the next batch (the connection is the COPY's until <see cref="Finish"/>): preparing units and
    /// the server storing them overlap. The first batch of an ingest into an empty memory that fills a batch drops the
    /// tables' indexes, built again at the end (<see cref="BulkIndexes"/>).
    /// </summary>
    private void WriteBatch(List<PreparedUnit> batch)
    {
        if (batch.Count == 0) return;
        if (!_begun)
        {
            _begun = true;
            bool empty = _firstUnit == 1 && _firstVariant == 1 && _nextOccurrence == 1;
            if (empty && batch.Count == _options.Batch && _options.BulkLoad) _bulk = BulkIndexes.Drop(_db, _tx, ["units", "variants", "occurrences"]);
        }
        Dictionary<long, List<(long Id, string En, string Via)>> stored = [];
        if (_firstUnit > 1)
        {
            Finish();
            stored = StoredUnits(batch);
        }
        var rows = new Rows();
        foreach (var unit in batch) Add(unit, stored, rows);
        if (_bulk is not null)
        {
            // Only variants this ingest wrote are met again in an empty memory: their usage is added once the
            // variants' primary key is back (an update by id without it would read the whole table each batch).
            foreach (var (id, usage) in rows.TouchedVariants) _deferredUsage[id] = _deferredUsage.GetValueOrDefault(id) + usage;
            rows.TouchedVariants.Clear();
        }
        Finish();
        _copying = Task.Run(() => Store(rows));
        if (_postings.Count >= _options.PostingsHeld)
        {
            Finish();
            FlushPostings();
        }
    }

    /// <summary>Waits for the COPY of the previous batch; its error, if any, is this ingest's.</summary>
    private void Finish()
    {
        if (_copying is not { } running) return;
        _copying = null;
        running.GetAwaiter().GetResult();
    }

    private void Store(Rows rows)
    {
        CopyUnits(rows.Units);
        CopyVariants(rows.Variants);
        CopyOccurrences(rows.Occurrences);
        if (rows.TouchedUnits.Count > 0)
        {
            using var touch = new NpgsqlCommand("UPDATE units SET changed = @c, changed_by = @b WHERE id = ANY(@ids)", _db, _tx);
            touch.Parameters.AddWithValue("c", _stamp);
            touch.Parameters.AddWithValue("b", _author);
            touch.Parameters.AddWithValue("ids", rows.TouchedUnits.ToArray());
            touch.ExecuteNonQuery();
        }
        Touch(rows.TouchedVariants);
    }

    /// <summary>Marks these variants changed by this ingest and adds the usage its duplicates brought.</summary>
    private void Touch(Dictionary<long, int> variants)
    {
        if (variants.Count == 0) return;
        using var touch = new NpgsqlCommand("UPDATE variants v SET changed = @c, changed_by = @b, usage = v.usage + t.usage FROM unnest(@ids, @usage) AS t(id, usage) WHERE v.id = t.id", _db, _tx);
        touch.Parameters.AddWithValue("c", _stamp);
        touch.Parameters.AddWithValue("b", _author);
        touch.Parameters.AddWithValue("ids", variants.Keys.ToArray());
        touch.Parameters.AddWithValue("usage", variants.Values.ToArray());
        touch.ExecuteNonQuery();
    }

    /// <summary>The units stored before this writer began that the batch may meet again (by the hash of their
    /// normalized English), with their variants; none for a memory that was empty.</summary>
    private Dictionary<long, List<(long Id, string En, string Via)>> StoredUnits(List<PreparedUnit> batch)
    {
        var byHash = new Dictionary<long, List<(long, string, string)>>();
        if (_firstUnit == 1) return byHash;
        using (var cmd = new NpgsqlCommand("SELECT id, norm_hash, en, coalesce(via, '') FROM units WHERE norm_hash = ANY(@h) AND id < @first ORDER BY id", _db, _tx))
        {
            cmd.Parameters.AddWithValue("h", batch.Select(u => u.English.NormHash).Distinct().ToArray());
            cmd.Parameters.AddWithValue("first", _firstUnit);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                long hash = r.GetInt64(1);
                if (!byHash.TryGetValue(hash, out var list)) byHash[hash] = list = [];
                list.Add((r.GetInt64(0), r.GetString(2), r.GetString(3)));
            }
        }
        var unitIds = byHash.Values.SelectMany(l => l.Select(u => u.Item1)).ToArray();
        if (unitIds.Length == 0) return byHash;
        using (var cmd = new NpgsqlCommand("SELECT id, unit_id, lang, text FROM variants WHERE unit_id = ANY(@u) AND id < @first ORDER BY id", _db, _tx))
        {
            cmd.Parameters.AddWithValue("u", unitIds);
            cmd.Parameters.AddWithValue("first", _firstVariant);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                _variants.TryAdd((r.GetInt64(1), r.GetString(2), TextIdentity.Of(r.GetString(3))), r.GetInt64(0));
        }
        return byHash;
    }

    private void Add(PreparedUnit unit, Dictionary<long, List<(long Id, string En, string Via)>> stored, Rows rows)
    {
        var en = unit.English;
        long identity = UnitIdentity(en, unit.Via);
        if (!_units.TryGetValue(identity, out long unitId))
        {
            var via = unit.Via ?? "";
            foreach (var s in stored.GetValueOrDefault(en.NormHash) ?? [])
            {
                if (s.En == en.Text && s.Via == via)
                {
                    unitId = s.Id;
                    break;
                }
            }
        }
        bool isNew = unitId == 0;
        if (isNew)
        {
            unitId = _nextUnit++;
            rows.Units.Add((unitId, unit));
            _postings.Add(en.Grams, unitId);
            UnitsAdded++;
        }
        _units[identity] = unitId;
        if (unitId < _firstUnit && _touchedUnits.Add(unitId)) rows.TouchedUnits.Add(unitId);
        foreach (var variant in unit.Variants)
        {
            var t = variant.Text;
            var key = (unitId, t.Lang.Tag, TextHash(t));
            var o = variant.Occurrence ?? Occurrence.Nowhere;
            if (!_variants.TryGetValue(key, out long variantId))
            {
                // A new variant keeps its first occurrence in its own row.
                variantId = _nextVariant++;
                _variants[key] = variantId;
                rows.Variants.Add((variantId, unitId, variant));
                _postings.Add(t.Grams, variantId);
                VariantsAdded++;
            }
            else
            {
                // Duplicates merge: the usage they bring adds up. A variant this ingest wrote is not changed again by
                // meeting it a second time.
                int usage = variant.Meta?.Usage ?? 0;
                if (variantId < _firstVariant || usage != 0) rows.TouchedVariants[variantId] = rows.TouchedVariants.GetValueOrDefault(variantId) + usage;
                rows.Occurrences.Add((_nextOccurrence++, variantId, o));
            }
            OccurrencesAdded++;
        }
    }

    private static long UnitIdentity(PreparedText en, string? via) =>
        unchecked(TextHash(en) ^ (via is null ? 0 : TextIdentity.Of(via) * -7046029254386353131L));

    private static long TextHash(PreparedText t) => t.TextHash != 0 ? t.TextHash : TextIdentity.Of(t.Text);

    private static string? Json(IReadOnlyDictionary<string, string>? props) =>
        props is null || props.Count == 0 ? null : JsonSerializer.Serialize(props);

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Long(NpgsqlBinaryImporter w, long? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value.Value, NpgsqlDbType.Bigint);
    }

    private void CopyUnits(List<(long Id, PreparedUnit Unit)> units)
    {
        if (units.Count == 0) return;
        using var w = _db.BeginBinaryImport("COPY units(id, en, norm_hash, template, template_hash, length, via, props, created, created_by, changed, changed_by, usage) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, u) in units)
        {
            var en = u.English;
            var m = u.Meta;
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(en.Text, NpgsqlDbType.Text);
            w.Write(en.NormHash, NpgsqlDbType.Bigint);
            Text(w, en.TemplateSpans);
            Long(w, en.TemplateHash);
            w.Write(en.Length, NpgsqlDbType.Integer);
            Text(w, u.Via);
            Text(w, Json(u.Props));
            w.Write(m?.Created ?? _stamp, NpgsqlDbType.Text);
            Text(w, m?.CreatedBy ?? _author);
            w.Write(m?.Changed ?? _stamp, NpgsqlDbType.Text);
            Text(w, m?.ChangedBy ?? _author);
            w.Write(m?.Usage ?? 0, NpgsqlDbType.Integer);
        }
        w.Complete();
    }

    private void CopyVariants(List<(long Id, long Unit, PreparedVariant Variant)> variants)
    {
        if (variants.Count == 0) return;
        using var w = _db.BeginBinaryImport("COPY variants(id, unit_id, lang, text, norm_hash, template, template_hash, length, props, created, created_by, changed, changed_by, usage, doc_id, zone, field, position, prev, next) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, unit, v) in variants)
        {
            var t = v.Text;
            var m = v.Meta;
            var o = v.Occurrence ?? Occurrence.Nowhere;
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(unit, NpgsqlDbType.Bigint);
            w.Write(t.Lang.Tag, NpgsqlDbType.Text);
            w.Write(t.Text, NpgsqlDbType.Text);
            w.Write(t.NormHash, NpgsqlDbType.Bigint);
            Text(w, t.TemplateSpans);
            Long(w, t.TemplateHash);
            w.Write(t.Length, NpgsqlDbType.Integer);
            Text(w, Json(v.Props));
            w.Write(m?.Created ?? _stamp, NpgsqlDbType.Text);
            Text(w, m?.CreatedBy ?? _author);
            w.Write(m?.Changed ?? _stamp, NpgsqlDbType.Text);
            Text(w, m?.ChangedBy ?? _author);
            w.Write(m?.Usage ?? 0, NpgsqlDbType.Integer);
            Place(w, o);
        }
        w.Complete();
    }

    /// <summary>Where an occurrence is, as a variant's first occurrence and an occurrence row both store it:
    /// document, zone, field, position, previous and next segment.</summary>
    private void Place(NpgsqlBinaryImporter w, Occurrence o)
    {
        w.Write(_documentId, NpgsqlDbType.Bigint);
        Text(w, o.ZoneName);
        Text(w, o.FieldName);
        w.Write(o.Position, NpgsqlDbType.Integer);
        Text(w, o.Previous);
        Text(w, o.Next);
    }

    private void CopyOccurrences(List<(long Id, long Variant, Occurrence Occurrence)> occurrences)
    {
        if (occurrences.Count == 0) return;
        using var w = _db.BeginBinaryImport("COPY occurrences(id, variant_id, document_id, zone, field, position, prev, next) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, variant, o) in occurrences)
        {
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(variant, NpgsqlDbType.Bigint);
            Place(w, o);
        }
        w.Complete();
    }

    private byte[] _encoded = new byte[1 << 16];

    /// <summary>Writes the gathered postings as one new chunk per gram, adds to each gram's count, and merges the
    /// chunks of the grams that now have too many.</summary>
    private void FlushPostings()
    {
        if (_postings.Count == 0) return;
        long chunk = Scalar("SELECT nextval('chunks')");
        var grams = new List<long>();
        var counts = new List<int>();
        using (var w = _db.BeginBinaryImport("COPY postings(gram, chunk, ids) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (gram, ids) in _postings.Drain())
            {
                ReadOnlySpan<long> sorted = ids;
                if (!IsAscending(sorted))
                {
                    var copy = ids.ToArray();
                    Array.Sort(copy);
                    sorted = copy;
                }
                WriteChunk(w, gram, chunk, sorted);
                grams.Add(gram);
                counts.Add(ids.Count);
            }
            w.Complete();
        }
        var crowded = new List<long>();
        using (var count = new NpgsqlCommand("""
            WITH up AS (
                INSERT INTO grams(gram, n, chunks) SELECT g, n, 1 FROM unnest(@g, @n) AS t(g, n)
                ON CONFLICT (gram) DO UPDATE SET n = grams.n + excluded.n, chunks = grams.chunks + 1
                RETURNING gram, chunks)
            SELECT gram FROM up WHERE chunks > @max
            """, _db, _tx))
        {
            count.Parameters.AddWithValue("g", grams.ToArray());
            count.Parameters.AddWithValue("n", counts.ToArray());
            count.Parameters.AddWithValue("max", _options.ChunksPerGram);
            using var r = count.ExecuteReader();
            while (r.Read()) crowded.Add(r.GetInt64(0));
        }
        if (crowded.Count > 0) Merge(crowded);
    }

    private void WriteChunk(NpgsqlBinaryImporter w, long gram, long chunk, ReadOnlySpan<long> sorted)
    {
        int max = PostingCodec.MaxBytes(sorted.Length);
        if (_encoded.Length < max) _encoded = new byte[Math.Max(max, _encoded.Length * 2)];
        int bytes = PostingCodec.Encode(sorted, _encoded);
        w.StartRow();
        w.Write(gram, NpgsqlDbType.Bigint);
        w.Write(chunk, NpgsqlDbType.Bigint);
        w.Write(new ArraySegment<byte>(_encoded, 0, bytes), NpgsqlDbType.Bytea);
    }

    /// <summary>Merges each of these grams' chunks into one.</summary>
    private void Merge(List<long> grams)
    {
        var ids = new Dictionary<long, List<long>>();
        using (var read = new NpgsqlCommand("SELECT gram, ids FROM postings WHERE gram = ANY(@g)", _db, _tx))
        {
            read.Parameters.AddWithValue("g", grams.ToArray());
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                long gram = r.GetInt64(0);
                if (!ids.TryGetValue(gram, out var list)) ids[gram] = list = [];
                PostingCodec.Decode(r.GetFieldValue<byte[]>(1), list);
            }
        }
        using (var delete = new NpgsqlCommand("DELETE FROM postings WHERE gram = ANY(@g)", _db, _tx))
        {
            delete.Parameters.AddWithValue("g", grams.ToArray());
            delete.ExecuteNonQuery();
        }
        long chunk = Scalar("SELECT nextval('chunks')");
        using (var w = _db.BeginBinaryImport("COPY postings(gram, chunk, ids) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (gram, list) in ids)
            {
                list.Sort();
                WriteChunk(w, gram, chunk, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
            }
            w.Complete();
        }
        using var reset = new NpgsqlCommand("UPDATE grams SET chunks = 1 WHERE gram = ANY(@g)", _db, _tx);
        reset.Parameters.AddWithValue("g", grams.ToArray());
        reset.ExecuteNonQuery();
    }

    private static bool IsAscending(ReadOnlySpan<long> ids)
    {
        for (int i = 1; i < ids.Length; i++) if (ids[i] < ids[i - 1]) return false;
        return true;
    }
}
