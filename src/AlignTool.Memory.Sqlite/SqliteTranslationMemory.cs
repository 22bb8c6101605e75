using AlignTool.Core.Documents;
using AlignTool.Core.Text;
using System.Globalization;
using System.Text.Json;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
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
public sealed class SqliteTranslationMemory : ITranslationMemory, IGramIndex
{
    private readonly SqliteConnection _db;
    private readonly ResiliencePipeline _retry;

    private readonly SqliteMemoryOptions _options;

    private SqliteTranslationMemory(string path, SqliteConnection db, ResiliencePipeline retry, SqliteMemoryOptions options)
    {
        _options = options;
        Location = path;
        _db = db;
        _retry = retry;
    }

    public string Location { get; }

    public static SqliteTranslationMemory Open(string path, SqliteMemoryOptions? options = null)
    {
        options ??= SqliteMemoryOptions.Default;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new MemoryException(MemoryProblem.Io, path, "is a directory, not a memory file");
        bool exists = File.Exists(full);
        if (options.Mode == OpenMode.Existing && !exists)
            throw new MemoryException(MemoryProblem.NotFound, path, "no such memory (run 'aligntool build' or 'aligntool ingest' first)");
        // A new memory is made only where nothing is: no file, or an empty one.
        bool fresh = !exists || new FileInfo(full).Length == 0;
        if (fresh && options.Mode == OpenMode.Existing)
            throw new MemoryException(MemoryProblem.NotAMemory, path, "an empty file, not an AlignTool memory (run 'aligntool build' or 'aligntool ingest' to make one)");
        bool readOnly = false;
        if (!fresh && !FileAccessProbe.CanWrite(full))
        {
            if (!options.ReadOnlyWhenNotWritable)
                throw new MemoryException(MemoryProblem.ReadOnly, path, "the memory is read-only (the file or its folder cannot be written); nothing was written");
            readOnly = true;
        }
        var dir = Path.GetDirectoryName(full);
        if (!readOnly && !string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);

        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsBusy),
                MaxRetryAttempts = Math.Max(1, options.BusyRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(2),
                OnRetry = _ =>
                {
                    options.OnBusy?.Invoke();
                    return default;
                },
            })
            .Build();

        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = readOnly ? ReadOnlyUri(full) : full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : options.Mode == OpenMode.Existing ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
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
            // Reading the schema fails at once on a file that is not a database; nothing is written before it is known
            // to be ours (or new), not even the journal mode.
            if (!fresh) CheckIsMemory(db, path, options.Mode);
            retry.Execute(() =>
            {
                if (Schema.UserVersion(db) > Schema.Latest) Schema.Migrate(db, path); // throws NewerSchema, changes nothing
                int version = Schema.UserVersion(db);
                if (readOnly)
                {
                    if (version < Schema.Latest)
                        throw new MemoryException(MemoryProblem.ReadOnly, path, $"the memory is of schema {version} and read-only here; open it once where it can be written to bring it up to schema {Schema.Latest}");
                }
                else
                {
                    // A new file only (an existing one keeps its pages). 32 KB pages: a million-unit import ran 12% faster
                    // than with 8 KB (fewer page splits and WAL frames), lookups the same.
                    if (version == 0) Exec(db, $"PRAGMA page_size = {PageSize}");
                    Exec(db, "PRAGMA journal_mode = WAL");
                    Exec(db, "PRAGMA synchronous = NORMAL");
                }
                // Writes keep references sound themselves, removing a document too (RemoveDocument).
                Exec(db, "PRAGMA foreign_keys = OFF");
                // Hash-keyed indexes take inserts all over the file: a 256 MB page cache and 256 MB of memory-mapped reads keep
                // them in memory.
                Exec(db, $"PRAGMA cache_size = -{CacheKib}");
                Exec(db, "PRAGMA mmap_size = 268435456");
                // Temporary b-trees and sorts never touch a file (a bulk load's index builds switch this off: UnitWriter).
                Exec(db, "PRAGMA temp_store = MEMORY");
                if (readOnly) return;
                if (version > 0 && version < Schema.Latest) options.OnUpgrade?.Invoke(version, Schema.Latest);
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
        catch (SqliteException e) when (e.SqliteErrorCode is 8)
        {
            db.Dispose();
            throw new MemoryException(MemoryProblem.ReadOnly, path, "the memory is read-only (the file or its folder cannot be written); nothing was written", e);
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
        var memory = new SqliteTranslationMemory(path, db, retry, options) { IsReadOnly = readOnly };
        if (readOnly) return memory; // missing indexes stay missing: reads are correct without them, only slower
        try
        {
            memory.RestoreIndexes();
        }
        catch (SqliteException e)
        {
            memory.Dispose();
            throw new MemoryException(MemoryProblem.Io, path, "building the memory's missing indexes failed: " + e.Message, e);
        }
        return memory;
    }

    /// <summary>Opened read-only: the file or its folder cannot be written. Every write throws <see cref="MemoryProblem.ReadOnly"/>.</summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>
    /// A read-only memory is opened by URI. In a folder that cannot be written SQLite cannot make the WAL's shared-memory
    /// file, so the file is read as immutable (no locks, no WAL) unless a WAL is left beside it to be read.
    /// </summary>
    private static string ReadOnlyUri(string full)
    {
        var folder = Path.GetDirectoryName(full) ?? full;
        bool walLeft = File.Exists(full + "-wal") && new FileInfo(full + "-wal").Length > 0;
        var uri = "file:" + string.Join('/', full.Split('/').Select(Uri.EscapeDataString)) + "?mode=ro";
        return FileAccessProbe.CanCreateIn(folder) || walLeft ? uri : uri + "&immutable=1";
    }

    /// <summary>Refuses, before anything is written, a database that is not an AlignTool memory (another program's).</summary>
    private static void CheckIsMemory(SqliteConnection db, string path, OpenMode mode)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name IN ('meta', 'documents', 'units', 'variants')) FROM sqlite_schema";
        using var r = cmd.ExecuteReader();
        r.Read();
        long objects = r.GetInt64(0), ours = r.GetInt64(1);
        if (Schema.UserVersion(db) > Schema.Latest) return; // a newer AlignTool's memory: refused as such, unchanged
        if (objects == 0 && Schema.UserVersion(db) == 0 && mode == OpenMode.CreateIfMissing) return; // an empty database: nothing to lose
        if (ours < 4) throw new MemoryException(MemoryProblem.NotAMemory, path, "not an AlignTool memory (a SQLite database of another program); nothing was changed");
    }

    /// <summary>The page size of a new memory file.</summary>
    internal const int PageSize = 32_768;

    /// <summary>The page cache of a connection, in KiB (256 MB).</summary>
    internal const int CacheKib = 262_144;

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6;

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // Queries over a list of ids take it as a JSON array and read it with json_each in a CROSS JOIN, which makes
    // SQLite loop over the list and probe the index (an IN (SELECT … json_each) was planned as a full scan).
    // The reads of a lookup, each kept prepared for the next lookup instead of being parsed and planned again by
    // SQLite (a tenth of a lookup's time was in sqlite3_prepare).
    private readonly Dictionary<string, SqliteCommand> _reused = new(StringComparer.Ordinal);

    /// <summary>A command for a read run again and again, kept prepared; its parameters are cleared. Not disposed by
    /// the caller: the memory disposes of it.</summary>
    private SqliteCommand Reused(string sql)
    {
        if (_reused.TryGetValue(sql, out var cmd))
        {
            cmd.Parameters.Clear();
            return cmd;
        }
        cmd = Command(sql);
        _reused[sql] = cmd;
        return cmd;
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
        if (IsReadOnly) throw new MemoryException(MemoryProblem.ReadOnly, Location, "the memory is read-only (the file or its folder cannot be written); nothing was written");
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
        catch (SqliteException e) when (e.SqliteErrorCode is 8)
        {
            throw new MemoryException(MemoryProblem.ReadOnly, Location, "the memory is read-only (the file or its folder cannot be written); nothing was written", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 13)
        {
            // SQLITE_FULL: the memory's disk, or the temporary folder where a bulk load sorts its indexes.
            throw new MemoryException(MemoryProblem.Io, Location,
                "the disk is full, where the memory is or in SQLite's temporary folder (where a large import sorts its indexes; SQLITE_TMPDIR chooses it); nothing was written", e);
        }
        catch (SqliteException e)
        {
            throw new MemoryException(MemoryProblem.Io, Location, e.Message, e);
        }
    }

    private T Read<T>(Func<T> body)
    {
        // Readers of a WAL database are almost never kept waiting: the read runs at once, and only one that found
        // the database locked goes through the retry pipeline (whose own cost was a twentieth of a lookup's).
        try
        {
            return body();
        }
        catch (SqliteException e) when (IsBusy(e))
        {
        }
        catch (SqliteException e)
        {
            throw new MemoryException(MemoryProblem.Io, Location, e.Message, e);
        }
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

    private static string Stamp(DateTimeOffset t) => TextMeta.Stamp(t);

    private static object Db(object? value) => value ?? DBNull.Value;

    public bool HasDocument(string contentHash) => Read(() =>
    {
        using var cmd = Command("SELECT 1 FROM documents WHERE hash = $h");
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() is not null;
    });

    /// <summary>
    /// Stores a document in one transaction. A load that went over to bulk (<see cref="UnitWriter"/>) commits its rows
    /// without the indexes it dropped and without the checkpoint a commit runs; then <see cref="CompleteBulkLoad"/>
    /// builds the indexes again while another connection checkpoints.
    /// </summary>
    public IngestOutcome AddDocument(DocumentRecord document, IEnumerable<PreparedUnit> units, string author, DateTimeOffset now)
    {
        bool dropped = false;
        try
        {
            var outcome = Write(tx => AddDocumentRows(tx, document, units, author, now, out dropped));
            if (dropped) CompleteBulkLoad(document);
            return outcome;
        }
        finally
        {
            // Turned off for a bulk load's commit (and put back here whether or not the commit got that far). A
            // connection that cannot take it any more has already failed the ingest: that error is the one reported.
            try
            {
                Exec(_db, $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages}");
            }
            catch (SqliteException)
            {
            }
        }
    }

    /// <summary>SQLite's default: the WAL is copied into the file at the commit that takes it past this many pages.</summary>
    private const int AutoCheckpointPages = 1000;

    private IngestOutcome AddDocumentRows(SqliteTransaction tx, DocumentRecord document, IEnumerable<PreparedUnit> units, string author, DateTimeOffset now, out bool droppedIndexes)
    {
        droppedIndexes = false;
        using (var exists = Command("SELECT 1 FROM documents WHERE hash = $h", tx))
        {
            exists.Parameters.AddWithValue("$h", document.ContentHash);
            if (exists.ExecuteScalar() is not null) return new IngestOutcome(true, 0, 0, 0);
        }
        var stamp = Stamp(now);
        var languages = string.Join(",", document.Languages.Select(l => l.Tag));
        long docId;
        using (var ins = Command("INSERT INTO documents(name, hash, symbol, job, date, langs, origin, added, author) VALUES($n,$h,$s,$j,$d,$l,$o,$a,$u) RETURNING id", tx))
        {
            ins.Parameters.AddWithValue("$n", document.Name);
            ins.Parameters.AddWithValue("$h", document.ContentHash);
            ins.Parameters.AddWithValue("$s", Db(document.Symbol));
            ins.Parameters.AddWithValue("$j", Db(document.Job));
            ins.Parameters.AddWithValue("$d", Db(document.Date));
            ins.Parameters.AddWithValue("$l", languages);
            ins.Parameters.AddWithValue("$o", document.Origin);
            ins.Parameters.AddWithValue("$a", stamp);
            ins.Parameters.AddWithValue("$u", author);
            docId = Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // Another process's bulk load may have committed its rows without their indexes a moment ago (and be waiting for
        // this lock to build them), or have been killed before it could: rows are not written into a memory without them.
        BulkIndexes.BuildMissing(_db);
        using var writer = new UnitWriter(_db, docId, stamp, author, _options);
        foreach (var unit in units) writer.Add(unit);
        writer.Complete();
        droppedIndexes = writer.DroppedIndexes;
        // Where the rows this document wrote are: what removing it and listing it read (schema 5).
        using (var rows = Command("UPDATE documents SET first_variant = $fv, last_variant = $lv, first_occurrence = $fo, last_occurrence = $lo WHERE id = $id", tx))
        {
            var (firstVariant, lastVariant) = writer.VariantIds;
            var (firstOccurrence, lastOccurrence) = writer.OccurrenceIds();
            rows.Parameters.AddWithValue("$fv", Db(firstVariant));
            rows.Parameters.AddWithValue("$lv", Db(lastVariant));
            rows.Parameters.AddWithValue("$fo", Db(firstOccurrence));
            rows.Parameters.AddWithValue("$lo", Db(lastOccurrence));
            rows.Parameters.AddWithValue("$id", docId);
            rows.ExecuteNonQuery();
        }
        // The checkpoint of a bulk load runs beside its index builds (CompleteBulkLoad), not in this commit.
        if (droppedIndexes) Exec(_db, "PRAGMA wal_autocheckpoint = 0");
        var read = string.Join(",", document.Languages.Select(l => l.Tag));
        if (read != languages)
        {
            using var langs = Command("UPDATE documents SET langs = $l WHERE id = $id", tx);
            langs.Parameters.AddWithValue("$l", read);
            langs.Parameters.AddWithValue("$id", docId);
            langs.ExecuteNonQuery();
        }
        return new IngestOutcome(false, writer.UnitsAdded, writer.VariantsAdded, writer.OccurrencesAdded);
    }

    /// <summary>
    /// After a bulk load is committed: builds the indexes it dropped again, in a transaction of their own, while a second
    /// connection copies the load's pages from the WAL into the file (the checkpoint its commit would have run, about
    /// 3 s for a million units, now beside the 4 s of index builds instead of after them on this thread); then the
    /// index pages follow. In between, readers see the rows without those indexes (correct, slower); a process killed in
    /// between leaves them to be built when the memory is next opened or written.
    /// </summary>
    private void CompleteBulkLoad(DocumentRecord document)
    {
        var checkpoint = Task.Run(() =>
        {
            using var other = new SqliteConnection(_db.ConnectionString);
            Checkpoint(other);
        });
        try
        {
            Write(_ => BulkIndexes.BuildMissing(_db));
        }
        catch (MemoryException e)
        {
            throw new MemoryException(e.Problem, Location,
                $"'{document.Name}' is stored, but building the memory's indexes after it failed ({e.Message}); they are built when the memory is next opened", e);
        }
        finally
        {
            checkpoint.Wait();
        }
        Checkpoint(_db);
    }

    /// <summary>Copies what the WAL holds into the file as far as no reader needs it (PASSIVE: never waits). A checkpoint
    /// only moves work earlier: what one leaves (another process reading, or an error), the next one copies.</summary>
    private static void Checkpoint(SqliteConnection db)
    {
        try
        {
            if (db.State != System.Data.ConnectionState.Open) db.Open();
            Exec(db, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException)
        {
        }
    }

    /// <summary>
    /// A memory left without some of its indexes (a process killed between a bulk load's commit and its index builds)
    /// gets them back when opened. Opening never waits for the write lock for that: if another process holds it, it is
    /// most likely building them, and reads are correct without them meanwhile (the lock is tried once, straight on
    /// SQLite, where Microsoft.Data.Sqlite would retry a busy BEGIN until its command timeout). A file this process may
    /// not write is left as it is too.
    /// </summary>
    private void RestoreIndexes()
    {
        if (BulkIndexes.Missing(_db).Count == 0) return;
        Exec(_db, "PRAGMA busy_timeout = 0");
        try
        {
            using var begin = new Statement(_db, "BEGIN IMMEDIATE");
            begin.Run();
        }
        catch (SqliteException e) when (IsBusy(e) || e.SqliteErrorCode is 8)
        {
            return;
        }
        finally
        {
            Exec(_db, $"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds}");
        }
        try
        {
            BulkIndexes.BuildMissing(_db);
            using var commit = new Statement(_db, "COMMIT");
            commit.Run();
        }
        catch
        {
            using var rollback = new Statement(_db, "ROLLBACK");
            rollback.Run();
            throw;
        }
    }

    /// <summary>
    /// Removes a document with what only it contributed, in one transaction: its occurrences, then the variants left
    /// without any, then the units left without variants. Its rows are found through the id ranges it keeps (schema
    /// 5), each checked for its document; the deletions are done here rather than by SQLite's foreign-key cascades,
    /// which look for a document's rows through a scan of each table that refers to it (no index is by document).
    /// </summary>
    public int? RemoveDocument(string nameOrHash) => Write<int?>(tx =>
    {
        var found = new List<(long Id, object FirstVariant, object LastVariant, object FirstOccurrence, object LastOccurrence)>();
        using (var find = Command("SELECT id, first_variant, last_variant, first_occurrence, last_occurrence FROM documents WHERE hash = $k OR name = $k ORDER BY id LIMIT 2", tx))
        {
            find.Parameters.AddWithValue("$k", nameOrHash);
            using var r = find.ExecuteReader();
            while (r.Read()) found.Add((r.GetInt64(0), r.GetValue(1), r.GetValue(2), r.GetValue(3), r.GetValue(4)));
        }
        if (found.Count == 0) return null;
        if (found.Count > 1) throw new AmbiguousDocumentException(nameOrHash, found.Count);
        var doc = found[0];
        SqliteCommand Rows(string sql)
        {
            var cmd = Command(sql, tx);
            cmd.Parameters.AddWithValue("$d", doc.Id);
            cmd.Parameters.AddWithValue("$fv", doc.FirstVariant);
            cmd.Parameters.AddWithValue("$lv", doc.LastVariant);
            cmd.Parameters.AddWithValue("$fo", doc.FirstOccurrence);
            cmd.Parameters.AddWithValue("$lo", doc.LastOccurrence);
            return cmd;
        }
        // The variants this document occurs in, and their units: those left without any go with it.
        var variants = new List<long>();
        var units = new HashSet<long>();
        using (var occurring = Rows(ByDocument.Occurring))
        using (var r = occurring.ExecuteReader())
        {
            while (r.Read())
            {
                variants.Add(r.GetInt64(0));
                units.Add(r.GetInt64(1));
            }
        }
        // A variant's first occurrence goes with its document (its row stays while later occurrences, in other
        // documents, remain); the later occurrences in this document go.
        using (var first = Rows(ByDocument.FirstOccurrences))
            first.ExecuteNonQuery();
        using (var later = Rows(ByDocument.LaterOccurrences))
            later.ExecuteNonQuery();
        using (var del = Rows("DELETE FROM documents WHERE id = $d"))
            del.ExecuteNonQuery();
        using (var orphans = Command(ByDocument.Orphans, tx))
        {
            orphans.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(variants));
            orphans.ExecuteNonQuery();
        }
        using var emptied = Command(ByDocument.Emptied, tx);
        emptied.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(units));
        return emptied.ExecuteNonQuery();
    });

    public IReadOnlyList<StoredUnit> FindByNorm(Language lang, long normHash, UnitDetail detail = UnitDetail.Full) => Read(() => LoadUnits(Ids(NormSql(lang), normHash, lang), detail));

    public IReadOnlyList<StoredUnit> FindByTemplate(Language lang, long templateHash, int limit, UnitDetail detail = UnitDetail.Full) => Read(() => LoadUnits(Ids(TemplateSql(lang, limit), templateHash, lang), detail));

    /// <summary>The units whose text in <c>$l</c> normalizes to the hash <c>$h</c>, through a hash index.</summary>
    internal static string NormSql(Language lang) => lang.IsEnglish
        ? "SELECT id FROM units WHERE norm_hash = $h"
        : "SELECT unit_id FROM variants WHERE lang = $l AND norm_hash = $h";

    /// <summary>The units whose text in <c>$l</c> has the template hash <c>$h</c>: catalogue rows first, then the newest;
    /// both read straight off the template_hash index (whose entries end with the id), never sorted.</summary>
    internal static string TemplateSql(Language lang, int limit) => lang.IsEnglish
        ? $"SELECT id FROM (SELECT id FROM units WHERE template_hash = $h AND via IS NOT NULL LIMIT {limit}) UNION ALL SELECT id FROM (SELECT id FROM units WHERE template_hash = $h ORDER BY id DESC LIMIT {limit})"
        : $"SELECT unit_id FROM (SELECT unit_id FROM variants WHERE lang = $l AND template_hash = $h ORDER BY id DESC LIMIT {limit})";

    private List<long> Ids(string sql, long hash, Language lang)
    {
        var cmd = Reused(sql);
        cmd.Parameters.AddWithValue("$h", hash);
        cmd.Parameters.AddWithValue("$l", lang.Tag);
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids.Distinct().ToList();
    }

    private readonly GramCandidates _candidates = new();

    /// <summary>Through the gram index: the postings of the query's rarest grams (<see cref="GramCandidates"/>).</summary>
    public IReadOnlyList<long> FuzzyCandidates(CandidateQuery query) => _candidates.Fuzzy(this, query);

    public IReadOnlyList<long> TextsContaining(Language lang, IReadOnlyCollection<long> grams) => GramCandidates.Containing(this, lang, grams);

    public IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams) => Read(() =>
    {
        // Counted as postings are written; ids of removed texts stay counted (an upper bound).
        var cmd = Reused("SELECT g.gram, g.n FROM (SELECT DISTINCT value FROM json_each($g)) j CROSS JOIN grams g ON g.gram = j.value");
        cmd.Parameters.AddWithValue("$g", JsonSerializer.Serialize(grams));
        var result = new Dictionary<long, int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = r.GetInt32(1);
        return (IReadOnlyDictionary<long, int>)result;
    });

    private Statement? _postings;
    private long[] _decoded = new long[1024];
    private readonly List<(int Start, int Count)> _runs = [];

    public IReadOnlyList<long> Postings(Language lang, long gram)
    {
        var ids = new List<long>();
        ReadPostings(lang, gram, ids);
        return ids;
    }

    public void ReadPostings(Language lang, long gram, List<long> into) => Read(() =>
    {
        // The hottest read of a lookup: straight through SQLite's C API, each chunk decoded in place into one
        // buffer kept from call to call, then put in order into the caller's list.
        _postings ??= new Statement(_db, "SELECT n, ids FROM postings WHERE gram = ?1");
        _postings.Bind(1, gram);
        int count = 0;
        _runs.Clear();
        try
        {
            while (_postings.Next())
            {
                int n = (int)_postings.Int64(0);
                if (count + n > _decoded.Length) Array.Resize(ref _decoded, Math.Max(_decoded.Length * 2, count + n));
                int decoded = PostingCodec.Decode(_postings.Blob(1), _decoded.AsSpan(count));
                _runs.Add((count, decoded));
                count += decoded;
            }
        }
        finally
        {
            _postings.Reset();
        }
        PostingCodec.Ascending(_decoded, _runs, into);
        return 0;
    });

    public IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(Language lang, IReadOnlyCollection<long> textIds, UnitDetail detail = UnitDetail.Full) => Read(() =>
    {
        if (textIds.Count == 0) return (IReadOnlyList<(long, StoredUnit)>)[];
        if (lang.IsEnglish)
        {
            return LoadUnits(textIds, detail).Select(u => (u.Id, u)).ToList();
        }
        var cmd = Reused("SELECT v.id, v.unit_id FROM json_each($ids) j CROSS JOIN variants v ON v.id = j.value");
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(textIds));
        var pairs = new List<(long, long)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) pairs.Add((r.GetInt64(0), r.GetInt64(1)));
        var units = LoadUnits(pairs.Select(p => p.Item2).Distinct().ToList(), detail).ToDictionary(u => u.Id);
        return pairs.Where(p => units.ContainsKey(p.Item2)).Select(p => (p.Item1, units[p.Item2])).ToList();
    });

    /// <summary>Occurrences read per variant with a unit (the most recent).</summary>
    public const int OccurrencesPerVariant = 50;

    /// <summary>Each variant's first occurrence still stored: its own row's, else its earliest later one.</summary>
    private const string OriginOccurrences = """
        SELECT v.id, d.name, ifnull(v.zone, o.zone), ifnull(v.field, o.field), ifnull(v.position, o.position),
               CASE WHEN v.doc_id IS NULL THEN o.prev ELSE v.prev END, CASE WHEN v.doc_id IS NULL THEN o.next ELSE v.next END
        FROM json_each($ids) j CROSS JOIN variants v ON v.id = j.value
        LEFT JOIN occurrences o ON v.doc_id IS NULL AND o.id = (SELECT min(id) FROM occurrences WHERE variant_id = v.id)
        JOIN documents d ON d.id = ifnull(v.doc_id, o.document_id)
        """;

    private List<StoredUnit> LoadUnits(IReadOnlyCollection<long> unitIds, UnitDetail detail = UnitDetail.Full)
    {
        if (unitIds.Count == 0) return [];
        var json = JsonSerializer.Serialize(unitIds);
        var rows = new StoredUnitRows();
        {
            var cmd = Reused("SELECT u.id, u.en, u.template, u.length, u.via FROM json_each($ids) j CROSS JOIN units u ON u.id = j.value");
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.AddUnit(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4));
            }
        }
        {
            var cmd = Reused("SELECT v.id, v.unit_id, v.lang, v.text, v.template, v.usage FROM json_each($ids) j CROSS JOIN variants v ON v.unit_id = j.value ORDER BY v.id");
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.AddVariant(r.GetInt64(1), r.GetInt64(0), Language.Of(r.GetString(2)), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5));
            }
        }
        // By variant id, so that the occurrences_variant index is used (a join through variants scans them all).
        // Boilerplate gathers an occurrence in every document: the most recent ones are enough to show where a
        // variant comes from and in which contexts.
        // The first occurrence is in the variant's row; the later ones are rows of their own.
        // With the origin only, a variant whose first document was removed gets its earliest later occurrence.
        var variantIds = JsonSerializer.Serialize(rows.VariantIds);
        string[] reads = detail == UnitDetail.Origin
            ? [OriginOccurrences]
            :
            [
                "SELECT v.id, d.name, v.zone, v.field, v.position, v.prev, v.next FROM json_each($ids) j CROSS JOIN variants v ON v.id = j.value JOIN documents d ON d.id = v.doc_id",
                $"SELECT o.variant_id, d.name, o.zone, o.field, o.position, o.prev, o.next FROM json_each($ids) j CROSS JOIN occurrences o ON o.id IN (SELECT id FROM occurrences WHERE variant_id = j.value ORDER BY id DESC LIMIT {OccurrencesPerVariant}) JOIN documents d ON d.id = o.document_id ORDER BY o.id",
            ];
        foreach (var sql in reads)
        {
            var cmd = Reused(sql);
            cmd.Parameters.AddWithValue("$ids", variantIds);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.AddOccurrence(r.GetInt64(0), r.GetString(1), Occurrence.FromNames(r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
            }
        }
        return rows.Build(unitIds);
    }

    public bool SeenInContext(long variantId, CoverField? field, string? previous, string? next) => Read(() =>
    {
        using var cmd = Command("""
            SELECT 1 FROM variants WHERE id = $v AND doc_id IS NOT NULL
              AND ($f IS NULL OR field = $f) AND ($p IS NULL OR prev = $p) AND ($n IS NULL OR next = $n)
            UNION ALL
            SELECT 1 FROM occurrences WHERE variant_id = $v
              AND ($f IS NULL OR field = $f) AND ($p IS NULL OR prev = $p) AND ($n IS NULL OR next = $n) LIMIT 1
            """);
        cmd.Parameters.AddWithValue("$v", variantId);
        cmd.Parameters.AddWithValue("$f", Db(field?.Name()));
        cmd.Parameters.AddWithValue("$p", Db(previous));
        cmd.Parameters.AddWithValue("$n", Db(next));
        return cmd.ExecuteScalar() is not null;
    });

    public MemoryStats Stats() => Read(() =>
    {
        long Scalar(string sql)
        {
            using var cmd = Command(sql);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var perLang = new SortedDictionary<Language, int>();
        using (var cmd = Command("SELECT lang, count(*) FROM variants GROUP BY lang"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) perLang[Language.Of(r.GetString(0))] = r.GetInt32(1);
        return new MemoryStats(
            (int)Scalar("SELECT count(*) FROM documents"),
            (int)Scalar("SELECT count(*) FROM units WHERE via IS NULL"),
            (int)Scalar("SELECT count(*) FROM units WHERE via IS NOT NULL"),
            perLang,
            (int)Scalar("SELECT (SELECT count(*) FROM occurrences) + (SELECT count(*) FROM variants WHERE doc_id IS NOT NULL)"),
            Schema.UserVersion(_db));
    });

    /// <summary>
    /// The statements that read or change a document's rows (<see cref="RemoveDocument"/>, <see cref="Documents"/>): each
    /// reaches them through the id ranges the document keeps or by id, never by a scan (a test reads their plans).
    /// </summary>
    internal static class ByDocument
    {
        public const string Occurring = """
            SELECT id, unit_id FROM variants WHERE id BETWEEN $fv AND $lv AND doc_id = $d
            UNION SELECT v.id, v.unit_id FROM occurrences o JOIN variants v ON v.id = o.variant_id
                WHERE o.id BETWEEN $fo AND $lo AND o.document_id = $d
            """;

        public const string FirstOccurrences = "UPDATE variants SET doc_id = NULL, zone = NULL, field = NULL, position = NULL, prev = NULL, next = NULL WHERE id BETWEEN $fv AND $lv AND doc_id = $d";

        public const string LaterOccurrences = "DELETE FROM occurrences WHERE id BETWEEN $fo AND $lo AND document_id = $d";

        public const string Orphans = "DELETE FROM variants WHERE id IN (SELECT value FROM json_each($ids)) AND doc_id IS NULL AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.variant_id = variants.id)";

        public const string Emptied = "DELETE FROM units WHERE id IN (SELECT value FROM json_each($ids)) AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.unit_id = units.id)";

        public const string List = """
            SELECT d.id, d.name, d.symbol, d.job, d.langs, d.origin, d.added,
                   (SELECT count(DISTINCT unit_id) FROM (
                        SELECT unit_id FROM variants WHERE id BETWEEN d.first_variant AND d.last_variant AND doc_id = d.id
                        UNION ALL SELECT v.unit_id FROM occurrences o JOIN variants v ON v.id = o.variant_id
                            WHERE o.id BETWEEN d.first_occurrence AND d.last_occurrence AND o.document_id = d.id))
                   , d.hash
            FROM documents d ORDER BY d.id
            """;

        public static readonly IReadOnlyList<string> All = [Occurring, FirstOccurrences, LaterOccurrences, Orphans, Emptied, List];
    }

    public IReadOnlyList<DocumentInfo> Documents() => Read(() =>
    {
        using var cmd = Command(ByDocument.List);
        var list = new List<DocumentInfo>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DocumentInfo(r.GetInt64(0), r.GetString(1), r.GetString(8), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), Languages(r.GetString(4)), r.GetString(5), r.GetInt32(7), r.GetString(6)));
        return (IReadOnlyList<DocumentInfo>)list;
    });

    /// <summary>A document's languages as stored (<c>en,ar</c>); a tag that is not one of ours (an import's) is left out.</summary>
    private static IReadOnlyList<Language> Languages(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Language.FromTag).OfType<Language>()];

    /// <summary>The key in the <c>meta</c> table under which <see cref="BuiltFrom"/> is kept.</summary>
    internal const string BuiltFromKey = "tm-data-hash";

    public string? BuiltFrom => GetMeta(BuiltFromKey);

    public void MarkBuiltFrom(string tmDataHash) => SetMeta(BuiltFromKey, tmDataHash);

    internal string? GetMeta(string key) => Read(() =>
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    });

    internal void SetMeta(string key, string value) => Write(tx =>
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

    public IEnumerable<ExportedUnit> Export(string? changedSince, ExportScope scope = ExportScope.Units)
    {
        // Pages of 1,000 units by id: memory stays bounded whatever the size of the memory.
        long after = 0;
        while (true)
        {
            var page = new List<(long Id, string En, TextMeta Meta, string? Props, string? Via)>();
            using (var cmd = Command("SELECT id, en, created, created_by, changed, changed_by, usage, props, via FROM units WHERE (via IS NOT NULL) = $catalogue AND id > $after AND ($since IS NULL OR changed >= $since) ORDER BY id LIMIT 1000"))
            {
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$since", Db(changedSince));
                cmd.Parameters.AddWithValue("$catalogue", scope == ExportScope.Catalogue);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    page.Add((r.GetInt64(0), r.GetString(1), new TextMeta(r.GetString(2), Str(r, 3), r.GetString(4), Str(r, 5), r.GetInt32(6)), Str(r, 7), Str(r, 8)));
            }
            if (page.Count == 0) yield break;
            after = page[^1].Id;
            var variants = new Dictionary<long, List<ExportedVariant>>();
            using (var cmd = Command("""
                SELECT v.id, v.unit_id, v.lang, v.text, v.created, v.created_by, v.changed, v.changed_by, v.usage, v.props,
                       ifnull(v.zone, o.zone), ifnull(v.field, o.field), ifnull(v.position, o.position), ifnull(v.prev, o.prev), ifnull(v.next, o.next), d.name, d.symbol
                FROM json_each($ids) j CROSS JOIN variants v ON v.unit_id = j.value
                LEFT JOIN occurrences o ON v.doc_id IS NULL AND o.id = (SELECT min(id) FROM occurrences WHERE variant_id = v.id)
                LEFT JOIN documents d ON d.id = ifnull(v.doc_id, o.document_id)
                ORDER BY v.id
                """))
            {
                cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(page.Select(p => p.Id)));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var occurrence = r.IsDBNull(15) ? null : Occurrence.FromNames(Str(r, 10), Str(r, 11), r.IsDBNull(12) ? 0 : r.GetInt32(12), Str(r, 13), Str(r, 14));
                    var v = new ExportedVariant(r.GetInt64(0), Language.Of(r.GetString(2)), r.GetString(3), new TextMeta(r.GetString(4), Str(r, 5), r.GetString(6), Str(r, 7), r.GetInt32(8)), Props(Str(r, 9)), occurrence, Str(r, 15), Str(r, 16));
                    long unit = r.GetInt64(1);
                    if (!variants.TryGetValue(unit, out var list)) variants[unit] = list = [];
                    list.Add(v);
                }
            }
            foreach (var (id, en, meta, props, via) in page)
                yield return new ExportedUnit(id, en, meta, Props(props), variants.GetValueOrDefault(id) ?? [], via);
        }
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static IReadOnlyDictionary<string, string> Props(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary><c>PRAGMA integrity_check</c>: "ok" for a sound file.</summary>
    public string IntegrityCheck() => Read(() =>
    {
        using var cmd = Command("PRAGMA integrity_check");
        return cmd.ExecuteScalar() as string ?? "";
    });

    /// <summary>A setting of this connection (<c>PRAGMA name</c> or <c>name = value</c>, an integer), as the tests
    /// read or set it.</summary>
    internal long Setting(string name) => Read(() =>
    {
        using var cmd = Command("PRAGMA " + name);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>Every unit's English with its id: the linear scan the benchmark compares the index with.</summary>
    public IEnumerable<(long Id, string Text)> ScanUnits()
    {
        using var cmd = Command("SELECT id, en FROM units WHERE via IS NULL");
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return (r.GetInt64(0), r.GetString(1));
    }

    /// <summary>The source texts with these ids in <paramref name="lang"/> and their lengths, without their units:
    /// the cheap first read of fuzzy candidates.</summary>
    public IReadOnlyList<(long TextId, string Text, int Length, bool IsTemplate)> LoadSourceTexts(Language lang, IReadOnlyCollection<long> textIds) => Read(() =>
    {
        var sql = lang.IsEnglish
            ? "SELECT u.id, u.en, u.length, u.via IS NOT NULL FROM json_each($ids) j CROSS JOIN units u ON u.id = j.value"
            : "SELECT v.id, v.text, v.length, u.via IS NOT NULL FROM json_each($ids) j CROSS JOIN variants v ON v.id = j.value JOIN units u ON u.id = v.unit_id";
        var cmd = Reused(sql);
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(textIds));
        var list = new List<(long, string, int, bool)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3)));
        return (IReadOnlyList<(long, string, int, bool)>)list;
    });

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
        _postings?.Dispose();
        foreach (var cmd in _reused.Values) cmd.Dispose();
        _reused.Clear();
        _db.Dispose();
    }
}
