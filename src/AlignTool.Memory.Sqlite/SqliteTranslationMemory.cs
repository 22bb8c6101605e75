using System.Globalization;
using System.Text.Json;
using AlignTool.Core.Memory;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// The translation memory in one SQLite file (WAL): documents, English-keyed units, their variants and every
/// occurrence, and a gram index of log-structured posting chunks (<see cref="PostingCodec"/>). Each document is
/// stored in one IMMEDIATE transaction, retried as a whole through a Polly pipeline when another process holds
/// the write lock.
/// </summary>
public sealed class SqliteTranslationMemory : ITranslationMemory
{
    private readonly SqliteConnection _db;
    private readonly ResiliencePipeline _retry;

    private SqliteTranslationMemory(string path, SqliteConnection db, ResiliencePipeline retry)
    {
        Location = path;
        _db = db;
        _retry = retry;
    }

    public string Location { get; }

    public static SqliteTranslationMemory Open(string path, SqliteMemoryOptions? options = null)
    {
        options ??= SqliteMemoryOptions.Default;
        var full = Path.GetFullPath(path);
        if (options.Mode == OpenMode.Existing && !File.Exists(full))
            throw new MemoryException(MemoryProblem.NotFound, path, "no such memory (run 'aligntool build' or 'aligntool ingest' first)");
        if (Directory.Exists(full)) throw new MemoryException(MemoryProblem.Io, path, "is a directory, not a memory file");
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);

        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsBusy),
                MaxRetryAttempts = Math.Max(1, options.BusyRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(2),
            })
            .Build();

        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = options.Mode == OpenMode.Existing ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout: keep it to the busy timeout,
            // so that the Polly pipeline (whole transactions) decides how long to keep trying.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var db = new SqliteConnection(cs);
        try
        {
            db.Open();
            Exec(db, $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds}");
            // Reading the schema fails at once on a file that is not a database.
            Exec(db, "SELECT count(*) FROM sqlite_schema");
            retry.Execute(() =>
            {
                if (Schema.UserVersion(db) > Schema.Latest) Schema.Migrate(db, path); // throws NewerSchema, changes nothing
                Exec(db, "PRAGMA journal_mode = WAL");
                Exec(db, "PRAGMA synchronous = NORMAL");
                Exec(db, "PRAGMA foreign_keys = ON");
                Schema.Migrate(db, path);
            });
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26)
        {
            db.Dispose();
            throw new MemoryException(MemoryProblem.NotADatabase, path, "not an AlignTool memory (not a SQLite database); nothing was changed", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11)
        {
            db.Dispose();
            throw new MemoryException(MemoryProblem.Corrupt, path, "the database is corrupt: " + e.Message, e);
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            db.Dispose();
            throw new MemoryException(MemoryProblem.Busy, path, "the memory is locked by another process; try again", e);
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new MemoryException(MemoryProblem.Io, path, e.Message, e);
        }
        catch (MemoryException)
        {
            db.Dispose();
            throw;
        }
        return new SqliteTranslationMemory(path, db, retry);
    }

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6;

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private T Write<T>(Func<SqliteTransaction, T> body)
    {
        try
        {
            return _retry.Execute(() =>
            {
                using var tx = _db.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock up front
                var result = body(tx);
                tx.Commit();
                return result;
            });
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            throw new MemoryException(MemoryProblem.Busy, Location, "the memory stayed locked by another process; nothing was written", e);
        }
        catch (SqliteException e)
        {
            throw new MemoryException(MemoryProblem.Io, Location, e.Message, e);
        }
    }

    private T Read<T>(Func<T> body)
    {
        try
        {
            return _retry.Execute(body);
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            throw new MemoryException(MemoryProblem.Busy, Location, "the memory stayed locked by another process", e);
        }
        catch (SqliteException e)
        {
            throw new MemoryException(MemoryProblem.Io, Location, e.Message, e);
        }
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static object Db(object? value) => value ?? DBNull.Value;

    public bool HasDocument(string contentHash) => Read(() =>
    {
        using var cmd = Command("SELECT 1 FROM documents WHERE hash = $h");
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() is not null;
    });

    public IngestOutcome AddDocument(DocumentRecord document, IReadOnlyList<PreparedUnit> units, string author, DateTimeOffset now) => Write(tx =>
    {
        using (var exists = Command("SELECT 1 FROM documents WHERE hash = $h", tx))
        {
            exists.Parameters.AddWithValue("$h", document.ContentHash);
            if (exists.ExecuteScalar() is not null) return new IngestOutcome(true, 0, 0, 0);
        }
        var stamp = Stamp(now);
        long docId;
        using (var ins = Command("INSERT INTO documents(name, hash, symbol, job, date, langs, origin, added, author) VALUES($n,$h,$s,$j,$d,$l,$o,$a,$u) RETURNING id", tx))
        {
            ins.Parameters.AddWithValue("$n", document.Name);
            ins.Parameters.AddWithValue("$h", document.ContentHash);
            ins.Parameters.AddWithValue("$s", Db(document.Symbol));
            ins.Parameters.AddWithValue("$j", Db(document.Job));
            ins.Parameters.AddWithValue("$d", Db(document.Date));
            ins.Parameters.AddWithValue("$l", string.Join(",", document.Languages));
            ins.Parameters.AddWithValue("$o", document.Origin);
            ins.Parameters.AddWithValue("$a", stamp);
            ins.Parameters.AddWithValue("$u", author);
            docId = Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var writer = new UnitWriter(this, tx, stamp, author);
        foreach (var unit in units) writer.Add(unit, docId);
        writer.FlushPostings();
        return new IngestOutcome(false, writer.UnitsAdded, writer.VariantsAdded, writer.OccurrencesAdded);
    });

    /// <summary>Prepared statements and pending postings of one write transaction.</summary>
    private sealed class UnitWriter : IDisposable
    {
        private readonly SqliteCommand _findUnit, _insertUnit, _findVariant, _insertVariant, _insertOccurrence, _touchUnit, _touchVariant;
        private readonly SqliteTranslationMemory _tm;
        private readonly SqliteTransaction _tx;
        private readonly Dictionary<long, List<long>> _postings = [];

        public int UnitsAdded, VariantsAdded, OccurrencesAdded;

        public UnitWriter(SqliteTranslationMemory tm, SqliteTransaction tx, string stamp, string author)
        {
            _tm = tm;
            _tx = tx;
            _findUnit = tm.Command("SELECT id FROM units WHERE norm_hash = $h AND en = $en AND via IS $via", tx);
            _insertUnit = tm.Command("INSERT INTO units(en, norm, norm_hash, template, template_hash, length, via, props, created, created_by, changed, changed_by) VALUES($en,$norm,$h,$t,$th,$len,$via,$props,$now,$who,$now,$who) RETURNING id", tx);
            _findVariant = tm.Command("SELECT id FROM variants WHERE unit_id = $u AND lang = $l AND text = $text", tx);
            _insertVariant = tm.Command("INSERT INTO variants(unit_id, lang, text, norm, norm_hash, template, template_hash, length, props, created, created_by, changed, changed_by) VALUES($u,$l,$text,$norm,$h,$t,$th,$len,$props,$now,$who,$now,$who) RETURNING id", tx);
            _insertOccurrence = tm.Command("INSERT INTO occurrences(variant_id, document_id, zone, field, position, prev, next) VALUES($v,$d,$z,$f,$p,$prev,$next)", tx);
            _touchUnit = tm.Command("UPDATE units SET changed = $now, changed_by = $who WHERE id = $id", tx);
            _touchVariant = tm.Command("UPDATE variants SET changed = $now, changed_by = $who WHERE id = $id", tx);
            foreach (var c in new[] { _insertUnit, _insertVariant, _touchUnit, _touchVariant })
            {
                c.Parameters.AddWithValue("$now", stamp);
                c.Parameters.AddWithValue("$who", author);
            }
        }

        public void Add(PreparedUnit unit, long docId)
        {
            var en = unit.English;
            long unitId;
            _findUnit.Parameters.Clear();
            _findUnit.Parameters.AddWithValue("$h", en.NormHash);
            _findUnit.Parameters.AddWithValue("$en", en.Text);
            _findUnit.Parameters.AddWithValue("$via", Db(unit.Via));
            var found = _findUnit.ExecuteScalar();
            if (found is null)
            {
                var p = _insertUnit.Parameters;
                Set(p, "$en", en.Text); Set(p, "$norm", en.Norm); Set(p, "$h", en.NormHash); Set(p, "$t", Db(en.Template));
                Set(p, "$th", Db(en.TemplateHash)); Set(p, "$len", en.Length); Set(p, "$via", Db(unit.Via)); Set(p, "$props", Db(Json(unit.Props)));
                unitId = Convert.ToInt64(_insertUnit.ExecuteScalar(), CultureInfo.InvariantCulture);
                UnitsAdded++;
                AddPostings(en.Grams, unitId);
            }
            else
            {
                unitId = Convert.ToInt64(found, CultureInfo.InvariantCulture);
                Set(_touchUnit.Parameters, "$id", unitId);
                _touchUnit.ExecuteNonQuery();
            }
            foreach (var variant in unit.Variants)
            {
                var t = variant.Text;
                _findVariant.Parameters.Clear();
                _findVariant.Parameters.AddWithValue("$u", unitId);
                _findVariant.Parameters.AddWithValue("$l", t.Lang);
                _findVariant.Parameters.AddWithValue("$text", t.Text);
                var vFound = _findVariant.ExecuteScalar();
                long variantId;
                if (vFound is null)
                {
                    var p = _insertVariant.Parameters;
                    Set(p, "$u", unitId); Set(p, "$l", t.Lang); Set(p, "$text", t.Text); Set(p, "$norm", t.Norm); Set(p, "$h", t.NormHash);
                    Set(p, "$t", Db(t.Template)); Set(p, "$th", Db(t.TemplateHash)); Set(p, "$len", t.Length); Set(p, "$props", Db(Json(variant.Props)));
                    variantId = Convert.ToInt64(_insertVariant.ExecuteScalar(), CultureInfo.InvariantCulture);
                    VariantsAdded++;
                    AddPostings(t.Grams, variantId);
                }
                else
                {
                    variantId = Convert.ToInt64(vFound, CultureInfo.InvariantCulture);
                    Set(_touchVariant.Parameters, "$id", variantId);
                    _touchVariant.ExecuteNonQuery();
                }
                var o = variant.Occurrence ?? new Occurrence(null, null, 0, null, null);
                var op = _insertOccurrence.Parameters;
                Set(op, "$v", variantId); Set(op, "$d", docId); Set(op, "$z", Db(o.Zone)); Set(op, "$f", Db(o.Field));
                Set(op, "$p", o.Position); Set(op, "$prev", Db(o.Previous)); Set(op, "$next", Db(o.Next));
                _insertOccurrence.ExecuteNonQuery();
                OccurrencesAdded++;
            }
        }

        private static void Set(SqliteParameterCollection p, string name, object value)
        {
            if (p.Contains(name)) p[name].Value = value;
            else p.AddWithValue(name, value);
        }

        private void AddPostings(IReadOnlyCollection<long> grams, long id)
        {
            foreach (var g in grams)
            {
                if (!_postings.TryGetValue(g, out var list)) _postings[g] = list = [];
                list.Add(id);
            }
        }

        /// <summary>Writes this transaction's postings as one new chunk per gram, merging four chunks of a size class into one.</summary>
        public void FlushPostings()
        {
            using var chunks = _tm.Command("SELECT chunk, level, n FROM postings WHERE gram = $g", _tx);
            using var insert = _tm.Command("INSERT INTO postings(gram, chunk, level, n, ids) VALUES($g,$c,$l,$n,$ids)", _tx);
            using var df = _tm.Command("INSERT INTO gram_df(gram, df) VALUES($g,$n) ON CONFLICT(gram) DO UPDATE SET df = df + excluded.df", _tx);
            using var load = _tm.Command("SELECT ids FROM postings WHERE gram = $g AND chunk = $c", _tx);
            using var delete = _tm.Command("DELETE FROM postings WHERE gram = $g AND chunk = $c", _tx);
            foreach (var (gram, ids) in _postings)
            {
                ids.Sort();
                Set(df.Parameters, "$g", gram); Set(df.Parameters, "$n", ids.Count);
                df.ExecuteNonQuery();
                Set(chunks.Parameters, "$g", gram);
                var existing = new List<(long Chunk, int Level, int N)>();
                using (var r = chunks.ExecuteReader())
                    while (r.Read()) existing.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2)));
                long nextChunk = existing.Count == 0 ? 0 : existing.Max(e => e.Chunk) + 1;
                var pending = ids;
                int level = PostingCodec.Level(pending.Count);
                while (true)
                {
                    var same = existing.Where(e => e.Level == level).ToList();
                    if (same.Count < 3) break;
                    // Merge three chunks of this class with the new one.
                    var merged = new List<long>(pending);
                    foreach (var (chunk, _, _) in same)
                    {
                        Set(load.Parameters, "$g", gram); Set(load.Parameters, "$c", chunk);
                        PostingCodec.Decode((byte[])load.ExecuteScalar()!, merged);
                        Set(delete.Parameters, "$g", gram); Set(delete.Parameters, "$c", chunk);
                        delete.ExecuteNonQuery();
                        existing.Remove(existing.First(e => e.Chunk == chunk));
                    }
                    merged.Sort();
                    pending = merged;
                    int next = PostingCodec.Level(pending.Count);
                    level = next > level ? next : level + 1;
                }
                var p = insert.Parameters;
                Set(p, "$g", gram); Set(p, "$c", nextChunk); Set(p, "$l", level); Set(p, "$n", pending.Count); Set(p, "$ids", PostingCodec.Encode(pending));
                insert.ExecuteNonQuery();
            }
            _postings.Clear();
        }

        public void Dispose()
        {
            foreach (var c in new[] { _findUnit, _insertUnit, _findVariant, _insertVariant, _insertOccurrence, _touchUnit, _touchVariant }) c.Dispose();
        }
    }

    private static string? Json(IReadOnlyDictionary<string, string>? props) =>
        props is null || props.Count == 0 ? null : JsonSerializer.Serialize(props);

    public int? RemoveDocument(string nameOrHash) => Write<int?>(tx =>
    {
        long? docId;
        using (var find = Command("SELECT id FROM documents WHERE hash = $k OR name = $k ORDER BY id LIMIT 2", tx))
        {
            find.Parameters.AddWithValue("$k", nameOrHash);
            var ids = new List<long>();
            using (var r = find.ExecuteReader()) while (r.Read()) ids.Add(r.GetInt64(0));
            if (ids.Count == 0) return null;
            if (ids.Count > 1) throw new MemoryException(MemoryProblem.Io, Location, $"'{nameOrHash}' names more than one document; give its content hash (see 'aligntool docs')");
            docId = ids[0];
        }
        // Variants and units that only this document contributed go with it.
        using var variants = Command("SELECT DISTINCT variant_id FROM occurrences WHERE document_id = $d", tx);
        variants.Parameters.AddWithValue("$d", docId);
        var touched = new List<long>();
        using (var r = variants.ExecuteReader()) while (r.Read()) touched.Add(r.GetInt64(0));
        using (var del = Command("DELETE FROM documents WHERE id = $d", tx))
        {
            del.Parameters.AddWithValue("$d", docId);
            del.ExecuteNonQuery();
        }
        using (var orphans = Command("DELETE FROM variants WHERE id IN (SELECT value FROM json_each($ids)) AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.variant_id = variants.id)", tx))
        {
            orphans.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(touched));
            orphans.ExecuteNonQuery();
        }
        using var units = Command("DELETE FROM units WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.unit_id = units.id)", tx);
        return units.ExecuteNonQuery();
    });

    public IReadOnlyList<StoredUnit> FindByNorm(string lang, long normHash) => Read(() =>
    {
        var sql = lang == "en"
            ? "SELECT id FROM units WHERE norm_hash = $h"
            : "SELECT unit_id FROM variants WHERE lang = $l AND norm_hash = $h";
        return LoadUnits(Ids(sql, normHash, lang));
    });

    public IReadOnlyList<StoredUnit> FindByTemplate(string lang, long templateHash) => Read(() =>
    {
        var sql = lang == "en"
            ? "SELECT id FROM units WHERE template_hash = $h"
            : "SELECT unit_id FROM variants WHERE lang = $l AND template_hash = $h";
        return LoadUnits(Ids(sql, templateHash, lang));
    });

    private List<long> Ids(string sql, long hash, string lang)
    {
        using var cmd = Command(sql);
        cmd.Parameters.AddWithValue("$h", hash);
        cmd.Parameters.AddWithValue("$l", lang);
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids.Distinct().ToList();
    }

    public IReadOnlyDictionary<long, int> GramFrequencies(string lang, IReadOnlyCollection<long> grams) => Read(() =>
    {
        using var cmd = Command("SELECT gram, df FROM gram_df WHERE gram IN (SELECT value FROM json_each($g))");
        cmd.Parameters.AddWithValue("$g", JsonSerializer.Serialize(grams));
        var result = new Dictionary<long, int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = r.GetInt32(1);
        return (IReadOnlyDictionary<long, int>)result;
    });

    public IReadOnlyList<long> Postings(string lang, long gram) => Read(() =>
    {
        using var cmd = Command("SELECT ids FROM postings WHERE gram = $g");
        cmd.Parameters.AddWithValue("$g", gram);
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) PostingCodec.Decode((byte[])r[0], ids);
        return (IReadOnlyList<long>)ids;
    });

    public IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(string lang, IReadOnlyCollection<long> textIds) => Read(() =>
    {
        if (textIds.Count == 0) return (IReadOnlyList<(long, StoredUnit)>)[];
        if (lang == "en")
        {
            return LoadUnits(textIds).Select(u => (u.Id, u)).ToList();
        }
        using var cmd = Command("SELECT id, unit_id FROM variants WHERE id IN (SELECT value FROM json_each($ids))");
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(textIds));
        var pairs = new List<(long, long)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) pairs.Add((r.GetInt64(0), r.GetInt64(1)));
        var units = LoadUnits(pairs.Select(p => p.Item2).Distinct().ToList()).ToDictionary(u => u.Id);
        return pairs.Where(p => units.ContainsKey(p.Item2)).Select(p => (p.Item1, units[p.Item2])).ToList();
    });

    private List<StoredUnit> LoadUnits(IReadOnlyCollection<long> unitIds)
    {
        if (unitIds.Count == 0) return [];
        var json = JsonSerializer.Serialize(unitIds);
        var units = new Dictionary<long, (string En, string Norm, string? Template, int Length, string? Via)>();
        using (var cmd = Command("SELECT id, en, norm, template, length, via FROM units WHERE id IN (SELECT value FROM json_each($ids))"))
        {
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read()) units[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5));
        }
        var variants = new Dictionary<long, List<(long Id, string Lang, string Text, string Norm, string? Template, int Usage)>>();
        using (var cmd = Command("SELECT id, unit_id, lang, text, norm, template, usage FROM variants WHERE unit_id IN (SELECT value FROM json_each($ids)) ORDER BY id"))
        {
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                long unit = r.GetInt64(1);
                if (!variants.TryGetValue(unit, out var list)) variants[unit] = list = [];
                list.Add((r.GetInt64(0), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6)));
            }
        }
        var occurrences = new Dictionary<long, List<(string Doc, Occurrence Occurrence)>>();
        using (var cmd = Command("SELECT o.variant_id, d.name, o.zone, o.field, o.position, o.prev, o.next FROM occurrences o JOIN documents d ON d.id = o.document_id JOIN variants v ON v.id = o.variant_id WHERE v.unit_id IN (SELECT value FROM json_each($ids)) ORDER BY o.id"))
        {
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                long v = r.GetInt64(0);
                if (!occurrences.TryGetValue(v, out var list)) occurrences[v] = list = [];
                list.Add((r.GetString(1), new Occurrence(r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6))));
            }
        }
        var result = new List<StoredUnit>();
        foreach (var id in unitIds)
        {
            if (!units.TryGetValue(id, out var u)) continue;
            var vs = variants.GetValueOrDefault(id, []).Select(v =>
            {
                var occ = occurrences.GetValueOrDefault(v.Id, []);
                return new StoredVariant(v.Id, v.Lang, v.Text, v.Norm, v.Template, v.Usage, occ.Select(o => o.Doc).Distinct().ToList(), occ.Select(o => o.Occurrence).ToList());
            }).ToList();
            result.Add(new StoredUnit(id, u.En, u.Norm, u.Template, u.Length, u.Via, vs));
        }
        return result;
    }

    public MemoryStats Stats() => Read(() =>
    {
        long Scalar(string sql)
        {
            using var cmd = Command(sql);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var perLang = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT lang, count(*) FROM variants GROUP BY lang"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) perLang[r.GetString(0)] = r.GetInt32(1);
        return new MemoryStats(
            (int)Scalar("SELECT count(*) FROM documents WHERE origin <> 'catalog'"),
            (int)Scalar("SELECT count(*) FROM units WHERE via IS NULL"),
            (int)Scalar("SELECT count(*) FROM units WHERE via IS NOT NULL"),
            perLang,
            (int)Scalar("SELECT count(*) FROM occurrences"),
            Schema.UserVersion(_db));
    });

    public IReadOnlyList<DocumentInfo> Documents() => Read(() =>
    {
        using var cmd = Command("""
            SELECT d.id, d.name, d.symbol, d.job, d.langs, d.origin, d.added,
                   (SELECT count(DISTINCT v.unit_id) FROM occurrences o JOIN variants v ON v.id = o.variant_id WHERE o.document_id = d.id)
            FROM documents d ORDER BY d.id
            """);
        var list = new List<DocumentInfo>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DocumentInfo(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(7), r.GetString(6)));
        return (IReadOnlyList<DocumentInfo>)list;
    });

    public string? DocumentHash(long documentId) => Read(() =>
    {
        using var cmd = Command("SELECT hash FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        return cmd.ExecuteScalar() as string;
    });

    public string? GetMeta(string key) => Read(() =>
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    });

    public void SetMeta(string key, string value) => Write(tx =>
    {
        using var cmd = Command("INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", tx);
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        return cmd.ExecuteNonQuery();
    });

    public void RecordUsage(long variantId) => Write(tx =>
    {
        using var cmd = Command("UPDATE variants SET usage = usage + 1 WHERE id = $id", tx);
        cmd.Parameters.AddWithValue("$id", variantId);
        return cmd.ExecuteNonQuery();
    });

    /// <summary><c>PRAGMA integrity_check</c>: "ok" for a sound file.</summary>
    public string IntegrityCheck() => Read(() =>
    {
        using var cmd = Command("PRAGMA integrity_check");
        return cmd.ExecuteScalar() as string ?? "";
    });

    /// <summary>Every unit's English with its id: the linear scan the benchmark compares the index with.</summary>
    public IEnumerable<(long Id, string Norm)> ScanUnits()
    {
        using var cmd = Command("SELECT id, norm FROM units WHERE via IS NULL");
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return (r.GetInt64(0), r.GetString(1));
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Exec(_db, "PRAGMA optimize");
        }
        catch (SqliteException)
        {
            // Best effort on close.
        }
        _db.Dispose();
    }
}
