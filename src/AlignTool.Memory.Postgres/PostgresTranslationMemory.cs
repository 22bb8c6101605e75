using System.Data;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;
using AlignTool.Memory.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.Retry;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// A team's translation memory in PostgreSQL, behind the same contract as the SQLite file: the same tables, a gram
/// index of delta-encoded posting chunks that <see cref="GramCandidates"/> reads (<see cref="IGramIndex"/>).
/// <para>Writers: each document is stored in one transaction, which first takes an advisory lock of the memory, so
/// that writers take turns (ids are given as in SQLite, one above the highest in use) while readers go on reading
/// the last committed state (MVCC: a reader never waits for a writer). A transaction that fails on a serialization
/// failure (40001) or a deadlock (40P01) is run again through a Polly pipeline, as long as it has not yet read the
/// stream of units it was given. New rows go in with binary COPY.</para>
/// <para>One connection per instance: a client (a command, one of a benchmark's clients) opens its own.</para>
/// </summary>
public sealed class PostgresTranslationMemory : ITranslationMemory, IGramIndex
{
    /// <summary>Occurrences read with a variant (the most recent), as the other backends read them.</summary>
    public const int OccurrencesPerVariant = 50;

    private readonly NpgsqlConnection _db;
    private readonly ResiliencePipeline _retry;
    private readonly PostgresMemoryOptions _options;
    private readonly long _lockKey;
    private readonly GramCandidates _candidates = new();
    private bool _retryable = true;

    private PostgresTranslationMemory(PostgresLocation location, NpgsqlConnection db, PostgresMemoryOptions options, int schemaVersion)
    {
        Location = location.Display;
        _db = db;
        _options = options;
        _lockKey = LockKey(location.Schema);
        SchemaVersion = schemaVersion;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is PostgresException { SqlState: "40001" or "40P01" } && _retryable),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(2),
                OnRetry = _ =>
                {
                    Retries++;
                    options.OnRetry?.Invoke();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>The URL of the memory without its password.</summary>
    public string Location { get; }

    /// <summary>The schema version of the memory as opened.</summary>
    public int SchemaVersion { get; }

    /// <summary>The server process of this memory's connection (what <c>pg_terminate_backend</c> takes).</summary>
    internal int BackendPid => _db.ProcessID;

    /// <summary>How many write transactions were run again after a serialization failure or a deadlock.</summary>
    public int Retries { get; private set; }

    /// <summary>Opens (and on first use creates or migrates) the memory at <paramref name="url"/>.</summary>
    public static PostgresTranslationMemory Open(string url, IReadOnlyDictionary<string, string> environment, PostgresMemoryOptions? options = null)
    {
        PostgresLocation location;
        try
        {
            location = PostgresLocation.Parse(url, environment);
        }
        catch (FormatException e)
        {
            throw new MemoryException(MemoryProblem.NotFound, url, e.Message, e);
        }
        return Open(location, options);
    }

    public static PostgresTranslationMemory Open(PostgresLocation location, PostgresMemoryOptions? options = null)
    {
        options ??= PostgresMemoryOptions.Default;
        var db = new NpgsqlConnection(location.ConnectionString);
        try
        {
            db.Open();
            if (location.Schema != "public")
            {
                using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{location.Schema}\"", db);
                create.ExecuteNonQuery();
            }
            int version = Schema.Migrate(db, location.Display, LockKey(location.Schema), options.OnUpgrade);
            return new PostgresTranslationMemory(location, db, options, version);
        }
        catch (Exception e) when (e is NpgsqlException or MemoryException or TimeoutException or SocketException)
        {
            db.Dispose();
            throw e as MemoryException ?? Problem(location.Display, e, false);
        }
    }

    /// <summary>One line for the user for what the server or the network said.</summary>
    private static MemoryException Problem(string location, Exception e, bool writing)
    {
        var nothing = writing ? "; nothing was written" : "";
        return e switch
        {
            PostgresException { SqlState: "28P01" or "28000" } p => new MemoryException(MemoryProblem.NotFound, location, "the server refused the login: " + p.MessageText, e),
            PostgresException { SqlState: "3D000" } p => new MemoryException(MemoryProblem.NotFound, location, p.MessageText + " (create it first: createdb)", e),
            PostgresException { SqlState: "42501" } p => new MemoryException(MemoryProblem.ReadOnly, location, "not allowed: " + p.MessageText + nothing, e),
            PostgresException { SqlState: "53100" } p => new MemoryException(MemoryProblem.Io, location, "the server's disk is full: " + p.MessageText + nothing, e),
            PostgresException p => new MemoryException(MemoryProblem.Io, location, p.MessageText + nothing, e),
            NpgsqlException { InnerException: SocketException s } => new MemoryException(MemoryProblem.NotFound, location, "cannot reach the server: " + s.Message + nothing, e),
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => new MemoryException(MemoryProblem.Busy, location, "the server did not answer in time" + nothing, e),
            NpgsqlException { InnerException: IOException or EndOfStreamException } => new MemoryException(MemoryProblem.Io, location, "the connection to the server was lost" + nothing, e),
            _ => new MemoryException(MemoryProblem.Io, location, OneLine(e.Message) + nothing, e),
        };
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    /// <summary>The advisory lock writers of this memory take turns with: a hash of its schema's name.</summary>
    private static long LockKey(string schema)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in "aligntool:" + schema) h = unchecked((h ^ c) * 1099511628211UL);
        return unchecked((long)h);
    }

    internal NpgsqlCommand Command(string sql, NpgsqlTransaction? tx = null) => new(sql, _db, tx);

    /// <summary>A write in one transaction, writers taking turns when <paramref name="exclusive"/>.</summary>
    private T Write<T>(Func<NpgsqlTransaction, T> body, bool exclusive = true)
    {
        try
        {
            return _retry.Execute(() =>
            {
                using var tx = _db.BeginTransaction(IsolationLevel.ReadCommitted);
                if (exclusive)
                {
                    using var take = Command($"SELECT pg_advisory_xact_lock({_lockKey})", tx);
                    take.ExecuteNonQuery();
                }
                var result = body(tx);
                tx.Commit();
                return result;
            });
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Problem(Location, e, true);
        }
    }

    private T Read<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Problem(Location, e, false);
        }
    }

    private static object Db(object? value) => value ?? DBNull.Value;

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private NpgsqlCommand With(NpgsqlCommand cmd, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, Db(value));
        return cmd;
    }

    public bool HasDocument(string contentHash) => Read(() =>
    {
        using var cmd = With(Command("SELECT 1 FROM documents WHERE hash = @h"), ("h", contentHash));
        return cmd.ExecuteScalar() is not null;
    });

    public IngestOutcome AddDocument(DocumentRecord document, IEnumerable<PreparedUnit> units, string author, DateTimeOffset now)
    {
        _retryable = true;
        bool bulk = false;
        try
        {
            var outcome = Write(tx =>
            {
                using var exists = With(Command("SELECT 1 FROM documents WHERE hash = @h", tx), ("h", document.ContentHash));
                if (exists.ExecuteScalar() is not null) return new IngestOutcome(true, 0, 0, 0);
                var stamp = TextMeta.Stamp(now);
                long docId;
                using (var next = Command("SELECT coalesce(max(id), 0) + 1 FROM documents", tx))
                    docId = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
                using (var ins = With(Command("INSERT INTO documents(id, name, hash, symbol, job, date, langs, origin, added, author) VALUES(@id, @n, @h, @s, @j, @d, @l, @o, @a, @u)", tx),
                    ("id", docId), ("n", document.Name), ("h", document.ContentHash), ("s", document.Symbol), ("j", document.Job), ("d", document.Date),
                    ("l", string.Join(",", document.Languages.Select(l => l.Tag))), ("o", document.Origin), ("a", stamp), ("u", author)))
                    ins.ExecuteNonQuery();
                // From here on the units are read: a failure past this point is not retried (the stream is spent).
                _retryable = false;
                var writer = new UnitWriter(_db, tx, docId, stamp, author, _options);
                writer.Write(units);
                bulk = writer.LoadedInBulk;
                // The languages an import learns as it reads.
                using (var langs = With(Command("UPDATE documents SET langs = @l WHERE id = @id", tx), ("l", string.Join(",", document.Languages.Select(l => l.Tag))), ("id", docId)))
                    langs.ExecuteNonQuery();
                return new IngestOutcome(false, writer.UnitsAdded, writer.VariantsAdded, writer.OccurrencesAdded);
            });
            if (bulk) Settle();
            return outcome;
        }
        finally
        {
            _retryable = true;
        }
    }

    /// <summary>
    /// Removes a document with what only it contributed, in one transaction: its occurrences, then the variants left
    /// without any, then the units left without variants. Postings and gram counts stay (an upper bound, as in SQLite).
    /// </summary>
    public int? RemoveDocument(string nameOrHash) => Write<int?>(tx =>
    {
        var found = new List<long>();
        using (var find = With(Command("SELECT id FROM documents WHERE hash = @k OR name = @k ORDER BY id", tx), ("k", nameOrHash)))
        using (var r = find.ExecuteReader())
            while (r.Read()) found.Add(r.GetInt64(0));
        if (found.Count == 0) return null;
        if (found.Count > 1) throw new AmbiguousDocumentException(nameOrHash, found.Count);
        long doc = found[0];
        var variants = new List<long>();
        var units = new HashSet<long>();
        using (var occurring = With(Command("""
            SELECT id, unit_id FROM variants WHERE doc_id = @d
            UNION SELECT v.id, v.unit_id FROM occurrences o JOIN variants v ON v.id = o.variant_id WHERE o.document_id = @d
            """, tx), ("d", doc)))
        using (var r = occurring.ExecuteReader())
        {
            while (r.Read())
            {
                variants.Add(r.GetInt64(0));
                units.Add(r.GetInt64(1));
            }
        }
        foreach (var sql in new[]
        {
            "UPDATE variants SET doc_id = NULL, zone = NULL, field = NULL, position = NULL, prev = NULL, next = NULL WHERE doc_id = @d",
            "DELETE FROM occurrences WHERE document_id = @d",
            "DELETE FROM documents WHERE id = @d",
        })
        {
            using var cmd = With(Command(sql, tx), ("d", doc));
            cmd.ExecuteNonQuery();
        }
        using (var orphans = With(Command("DELETE FROM variants v WHERE v.id = ANY(@ids) AND v.doc_id IS NULL AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.variant_id = v.id)", tx), ("ids", variants.ToArray())))
            orphans.ExecuteNonQuery();
        using var emptied = With(Command("DELETE FROM units u WHERE u.id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.unit_id = u.id)", tx), ("ids", units.ToArray()));
        return emptied.ExecuteNonQuery();
    });

    public IReadOnlyList<StoredUnit> FindByNorm(Language lang, long normHash, UnitDetail detail = UnitDetail.Full) => Read(() => lang.IsEnglish
        ? LoadUnits("SELECT id, id AS k FROM units WHERE norm_hash = @h", [("h", normHash)], detail)
        : LoadUnits("SELECT unit_id AS id, min(id) AS k FROM variants WHERE norm_hash = @h AND lang = @l GROUP BY unit_id", [("h", normHash), ("l", lang.Tag)], detail));

    // The catalogue's units of the template (ascending ids), then the memory's most recent (descending ids): k orders them so.
    public IReadOnlyList<StoredUnit> FindByTemplate(Language lang, long templateHash, int limit, UnitDetail detail = UnitDetail.Full) => Read(() => lang.IsEnglish
        ? LoadUnits("""
            SELECT id, min(k) AS k FROM (
                (SELECT id, id AS k FROM units WHERE template_hash = @h AND via IS NOT NULL ORDER BY id LIMIT @n)
                UNION ALL (SELECT id, 4611686018427387904 - id AS k FROM units WHERE template_hash = @h ORDER BY id DESC LIMIT @n)) x
            GROUP BY id
            """, [("h", templateHash), ("n", limit)], detail)
        : LoadUnits("""
            SELECT unit_id AS id, min(k) AS k FROM (SELECT unit_id, -id AS k FROM variants WHERE template_hash = @h AND lang = @l ORDER BY id DESC LIMIT @n) x
            GROUP BY unit_id
            """, [("h", templateHash), ("l", lang.Tag), ("n", limit)], detail));

    /// <summary>Through the gram index: the postings of the query's rarest grams (<see cref="GramCandidates"/>), read
    /// with their frequencies in one round trip (<see cref="PrefetchedGrams"/>) instead of one a gram.</summary>
    public IReadOnlyList<long> FuzzyCandidates(CandidateQuery query)
    {
        _prefetched ??= new PrefetchedGrams(this);
        _prefetched.Begin(query);
        return _candidates.Fuzzy(_prefetched, query);
    }

    private PrefetchedGrams? _prefetched;

    /// <summary>Postings of a fuzzy query's grams read in a round trip of their own (<see cref="PrefetchedGrams.Unforeseen"/>).</summary>
    internal int UnforeseenGramReads => _prefetched?.Unforeseen ?? 0;

    /// <summary>The frequencies of the query's grams and, in the same round trip, the postings of those
    /// <see cref="GramCandidates"/> will read: in ascending frequency (the query's order among equals), the first always,
    /// the next while their frequencies add up to no more than the query's posting budget. Each gram's postings are
    /// decoded in ascending order into <paramref name="postings"/>.</summary>
    internal IReadOnlyDictionary<long, int> GramsWithPostings(CandidateQuery query, Dictionary<long, List<long>> postings) => Read(() =>
    {
        using var cmd = With(Command("""
            WITH f AS (
                SELECT gram, n, sum(n) OVER w AS c, row_number() OVER w AS r
                FROM grams WHERE gram = ANY(@g) AND n > 0
                WINDOW w AS (ORDER BY n, array_position(@g, gram) ROWS UNBOUNDED PRECEDING))
            SELECT gram, n, NULL::bytea FROM f
            UNION ALL
            SELECT gram, NULL, ids FROM postings WHERE gram = ANY(ARRAY(SELECT gram FROM f WHERE r = 1 OR c <= @b))
            """), ("g", query.Grams.Distinct().ToArray()), ("b", (long)query.PostingBudget));
        var df = new Dictionary<long, int>();
        var chunks = new Dictionary<long, List<byte[]>>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                long gram = r.GetInt64(0);
                if (r.IsDBNull(2))
                {
                    df[gram] = r.GetInt32(1);
                    continue;
                }
                if (!chunks.TryGetValue(gram, out var list)) chunks[gram] = list = [];
                list.Add(r.GetFieldValue<byte[]>(2));
            }
        }
        foreach (var (gram, list) in chunks)
        {
            var ids = postings[gram] = [];
            Decode(list, ids);
        }
        return (IReadOnlyDictionary<long, int>)df;
    });

    private string? _trigramSchema;

    /// <summary>
    /// The other way to find fuzzy candidates inside PostgreSQL, measured beside the gram index (<c>bench memory
    /// --pg-trgm</c>) and not used by lookups: the <c>pg_trgm</c> extension (created in the memory's schema unless the
    /// database has it already) and a GIN index of the units' English on its trigrams. Returns the time the index took.
    /// </summary>
    public TimeSpan AddTrigramIndex() => Write(tx =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var create = Command("CREATE EXTENSION IF NOT EXISTS pg_trgm", tx)) create.ExecuteNonQuery();
        var schema = TrigramSchema(tx);
        using (var index = Command($"CREATE INDEX IF NOT EXISTS units_en_trgm ON units USING gin (en \"{schema}\".gin_trgm_ops)", tx)) index.ExecuteNonQuery();
        using (var analyze = Command("ANALYZE units", tx)) analyze.ExecuteNonQuery();
        return clock.Elapsed;
    }, exclusive: false);

    private string TrigramSchema(NpgsqlTransaction? tx = null)
    {
        if (_trigramSchema is not null) return _trigramSchema;
        using var cmd = Command("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'", tx);
        return _trigramSchema = cmd.ExecuteScalar() as string ?? throw new MemoryException(MemoryProblem.Io, Location, "the pg_trgm extension is not in the database (AddTrigramIndex first)");
    }

    /// <summary>Through <c>pg_trgm</c> (<see cref="AddTrigramIndex"/>): the English units whose trigram similarity to
    /// <paramref name="text"/> is at least <paramref name="threshold"/>, the most similar first, at most
    /// <paramref name="max"/>.</summary>
    public IReadOnlyList<long> TrigramCandidates(string text, int max, double threshold = 0.3) => Read(() =>
    {
        var schema = TrigramSchema();
        using var cmd = With(Command($"""
            SELECT id FROM units
            WHERE en OPERATOR("{schema}".%) @q AND via IS NULL
            ORDER BY "{schema}".similarity(en, @q) DESC, id LIMIT @n
            """), ("q", text), ("n", max));
        if (_threshold != threshold)
        {
            using var set = With(Command($"SELECT set_config('pg_trgm.similarity_threshold', @t, false)"), ("t", threshold.ToString(CultureInfo.InvariantCulture)));
            set.ExecuteNonQuery();
            _threshold = threshold;
        }
        var list = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetInt64(0));
        return (IReadOnlyList<long>)list;
    });

    private double _threshold = double.NaN;

    public IReadOnlyList<long> TextsContaining(Language lang, IReadOnlyCollection<long> grams) => GramCandidates.Containing(this, lang, grams);

    public IReadOnlyDictionary<long, int> GramFrequencies(Language lang, IReadOnlyCollection<long> grams) => Read(() =>
    {
        using var cmd = With(Command("SELECT gram, n FROM grams WHERE gram = ANY(@g)"), ("g", grams.ToArray()));
        var result = new Dictionary<long, int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = r.GetInt32(1);
        return (IReadOnlyDictionary<long, int>)result;
    });

    private long[] _decoded = new long[1024];
    private readonly List<(int Start, int Count)> _runs = [];

    public void ReadPostings(Language lang, long gram, List<long> into) => Read(() =>
    {
        using var cmd = With(Command("SELECT ids FROM postings WHERE gram = @g"), ("g", gram));
        var chunks = new List<byte[]>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) chunks.Add(r.GetFieldValue<byte[]>(0));
        Decode(chunks, into);
        return 0;
    });

    /// <summary>A gram's chunks decoded into <paramref name="into"/> in ascending order: each chunk is ascending, and
    /// chunks whose ranges do not overlap (the usual case) are put in order without a sort.</summary>
    private void Decode(List<byte[]> chunks, List<long> into)
    {
        int count = 0;
        _runs.Clear();
        foreach (var bytes in chunks)
        {
            // A chunk holds at most one id a byte.
            if (count + bytes.Length > _decoded.Length) Array.Resize(ref _decoded, Math.Max(_decoded.Length * 2, count + bytes.Length));
            int n = PostingCodec.Decode(bytes, _decoded.AsSpan(count));
            _runs.Add((count, n));
            count += n;
        }
        PostingCodec.Ascending(_decoded, _runs, into);
    }

    public IReadOnlyList<(long TextId, string Text, int Length, bool IsTemplate)> LoadSourceTexts(Language lang, IReadOnlyCollection<long> textIds) => Read(() =>
    {
        var sql = lang.IsEnglish
            ? "SELECT u.id, u.en, u.length, u.via IS NOT NULL FROM unnest(@ids) WITH ORDINALITY AS j(id, k) JOIN units u ON u.id = j.id ORDER BY j.k"
            : "SELECT v.id, v.text, v.length, u.via IS NOT NULL FROM unnest(@ids) WITH ORDINALITY AS j(id, k) JOIN variants v ON v.id = j.id JOIN units u ON u.id = v.unit_id ORDER BY j.k";
        using var cmd = With(Command(sql), ("ids", textIds.ToArray()));
        var list = new List<(long, string, int, bool)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3)));
        return (IReadOnlyList<(long, string, int, bool)>)list;
    });

    public IReadOnlyList<(long TextId, StoredUnit Unit)> LoadTexts(Language lang, IReadOnlyCollection<long> textIds, UnitDetail detail = UnitDetail.Full) => Read(() =>
    {
        if (textIds.Count == 0) return (IReadOnlyList<(long, StoredUnit)>)[];
        var ids = textIds.ToArray();
        if (lang.IsEnglish)
            return LoadUnits("SELECT id, min(k) AS k FROM unnest(@ids) WITH ORDINALITY AS j(id, k) GROUP BY id", [("ids", ids)], detail).Select(u => (u.Id, u)).ToList();
        // The variants' units, with the variants they were asked by, in the same round trip.
        var pairs = new List<(long Variant, long Unit)>();
        var units = LoadUnits(
            "SELECT v.unit_id AS id, min(j.k) AS k FROM unnest(@ids) WITH ORDINALITY AS j(id, k) JOIN variants v ON v.id = j.id GROUP BY v.unit_id",
            [("ids", ids)], detail,
            ("SELECT v.id, v.unit_id FROM unnest(@ids) WITH ORDINALITY AS j(id, k) JOIN variants v ON v.id = j.id ORDER BY j.k", r => pairs.Add((r.GetInt64(0), r.GetInt64(1)))))
            .ToDictionary(u => u.Id);
        return pairs.Where(p => units.ContainsKey(p.Unit)).Select(p => (p.Variant, units[p.Unit])).ToList();
    });

    /// <summary>
    /// The units <paramref name="idsSql"/> selects (its columns: <c>id</c>, and <c>k</c> that orders them), each with its
    /// variants in id order and their occurrences as <paramref name="detail"/> says, in one round trip: the units and
    /// their variants come as the rows of one statement (the ids' query its subquery), the later occurrences of a
    /// <see cref="UnitDetail.Full"/> read as a second statement of the same batch. <paramref name="ahead"/>: a statement
    /// of the same parameters sent first in the batch, each of whose rows it is given.
    /// </summary>
    private List<StoredUnit> LoadUnits(string idsSql, (string Name, object? Value)[] parameters, UnitDetail detail,
        (string Sql, Action<NpgsqlDataReader> Row)? ahead = null)
    {
        // The first occurrence is in the variant's row; with the origin only, a variant whose first document was
        // removed gets its earliest later occurrence; in full, the most recent later ones follow.
        bool origin = detail == UnitDetail.Origin;
        string Column(string column) => origin ? $"coalesce(v.{column}, o.{column})" : "v." + column;
        var units = $"""
            WITH ids AS ({idsSql})
            SELECT u.id, u.en, u.template, u.length, u.via, v.id, v.lang, v.text, v.template, v.usage,
                   d.name, {Column("zone")}, {Column("field")}, {Column("position")}, {Column("prev")}, {Column("next")}
            FROM ids CROSS JOIN LATERAL (SELECT * FROM units WHERE id = ids.id) u
            LEFT JOIN LATERAL (SELECT * FROM variants WHERE unit_id = u.id) v ON true
            {(origin
                ? "LEFT JOIN LATERAL (SELECT * FROM occurrences WHERE v.doc_id IS NULL AND variant_id = v.id ORDER BY id LIMIT 1) o ON true\n"
                  + "LEFT JOIN documents d ON d.id = coalesce(v.doc_id, o.document_id)"
                : "LEFT JOIN documents d ON d.id = v.doc_id")}
            ORDER BY ids.k, u.id, v.id
            """;
        using var batch = new NpgsqlBatch(_db);
        void Add(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, Db(value));
            batch.BatchCommands.Add(command);
        }
        if (ahead is { } first) Add(first.Sql);
        Add(units);
        if (!origin)
        {
            Add($"""
                WITH ids AS ({idsSql})
                SELECT o.variant_id, d.name, o.zone, o.field, o.position, o.prev, o.next
                FROM ids CROSS JOIN LATERAL (SELECT id FROM variants WHERE unit_id = ids.id) v
                CROSS JOIN LATERAL (SELECT * FROM occurrences WHERE variant_id = v.id ORDER BY id DESC LIMIT {OccurrencesPerVariant}) o
                JOIN documents d ON d.id = o.document_id ORDER BY o.id
                """);
        }
        var rows = new StoredUnitRows();
        var order = new List<long>();
        using var r = batch.ExecuteReader();
        if (ahead is { } read)
        {
            while (r.Read()) read.Row(r);
            r.NextResult();
        }
        long last = long.MinValue;
        while (r.Read())
        {
            long unit = r.GetInt64(0);
            if (unit != last)
            {
                rows.AddUnit(unit, r.GetString(1), Str(r, 2), r.GetInt32(3), Str(r, 4));
                order.Add(unit);
                last = unit;
            }
            if (r.IsDBNull(5)) continue;
            long variant = r.GetInt64(5);
            rows.AddVariant(unit, variant, Language.Of(r.GetString(6)), r.GetString(7), Str(r, 8), r.GetInt32(9));
            if (!r.IsDBNull(10)) rows.AddOccurrence(variant, r.GetString(10), Occurrence.FromNames(Str(r, 11), Str(r, 12), r.IsDBNull(13) ? 0 : r.GetInt32(13), Str(r, 14), Str(r, 15)));
        }
        if (!origin && r.NextResult())
        {
            while (r.Read())
                rows.AddOccurrence(r.GetInt64(0), r.GetString(1), Occurrence.FromNames(Str(r, 2), Str(r, 3), r.IsDBNull(4) ? 0 : r.GetInt32(4), Str(r, 5), Str(r, 6)));
        }
        return rows.Build(order);
    }

    public bool SeenInContext(long variantId, CoverField? field, string? previous, string? next) => Read(() =>
    {
        using var cmd = With(Command("""
            SELECT 1 FROM variants WHERE id = @v AND doc_id IS NOT NULL
              AND (@f::text IS NULL OR field = @f) AND (@p::text IS NULL OR prev = @p) AND (@n::text IS NULL OR next = @n)
            UNION ALL
            SELECT 1 FROM occurrences WHERE variant_id = @v
              AND (@f::text IS NULL OR field = @f) AND (@p::text IS NULL OR prev = @p) AND (@n::text IS NULL OR next = @n)
            LIMIT 1
            """), ("v", variantId));
        cmd.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.Text) { Value = Db(field?.Name()) });
        cmd.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Text) { Value = Db(previous) });
        cmd.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Text) { Value = Db(next) });
        return cmd.ExecuteScalar() is not null;
    });

    public MemoryStats Stats() => Read(() =>
    {
        var perLang = new SortedDictionary<Language, int>();
        using (var cmd = Command("SELECT lang, count(*) FROM variants GROUP BY lang"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) perLang[Language.Of(r.GetString(0))] = (int)r.GetInt64(1);
        using var all = Command("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM units WHERE via IS NULL), (SELECT count(*) FROM units WHERE via IS NOT NULL),
                   (SELECT count(*) FROM occurrences) + (SELECT count(*) FROM variants WHERE doc_id IS NOT NULL)
            """);
        using var s = all.ExecuteReader();
        s.Read();
        return new MemoryStats((int)s.GetInt64(0), (int)s.GetInt64(1), (int)s.GetInt64(2), perLang, (int)s.GetInt64(3), SchemaVersion);
    });

    public IReadOnlyList<DocumentInfo> Documents() => Read(() =>
    {
        using var cmd = Command("""
            SELECT d.id, d.name, d.symbol, d.job, d.langs, d.origin, d.added,
                   (SELECT count(DISTINCT unit_id) FROM (
                        SELECT unit_id FROM variants WHERE doc_id = d.id
                        UNION ALL SELECT v.unit_id FROM occurrences o JOIN variants v ON v.id = o.variant_id WHERE o.document_id = d.id) x),
                   d.hash
            FROM documents d ORDER BY d.id
            """);
        var list = new List<DocumentInfo>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DocumentInfo(r.GetInt64(0), r.GetString(1), r.GetString(8), Str(r, 2), Str(r, 3), Languages(r.GetString(4)), r.GetString(5), (int)r.GetInt64(7), r.GetString(6)));
        return (IReadOnlyList<DocumentInfo>)list;
    });

    /// <summary>A document's languages as stored (<c>en,ar</c>); a tag that is not a language is left out.</summary>
    private static IReadOnlyList<Language> Languages(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Language.FromTag).OfType<Language>()];

    /// <summary>The key in the <c>meta</c> table under which <see cref="BuiltFrom"/> is kept (as in SQLite).</summary>
    internal const string BuiltFromKey = "tm-data-hash";

    public string? BuiltFrom => GetMeta(BuiltFromKey);

    public void MarkBuiltFrom(string tmDataHash) => SetMeta(BuiltFromKey, tmDataHash);

    internal string? GetMeta(string key) => Read(() =>
    {
        using var cmd = With(Command("SELECT value FROM meta WHERE key = @k"), ("k", key));
        return cmd.ExecuteScalar() as string;
    });

    internal void SetMeta(string key, string value) => Write(tx =>
    {
        using var cmd = With(Command("INSERT INTO meta(key, value) VALUES(@k, @v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", tx), ("k", key), ("v", value));
        return cmd.ExecuteNonQuery();
    }, exclusive: false);

    public void RecordUsage(long variantId) => Write(tx =>
    {
        using var cmd = With(Command("UPDATE variants SET usage = usage + 1 WHERE id = @id", tx), ("id", variantId));
        return cmd.ExecuteNonQuery();
    }, exclusive: false);

    public IEnumerable<ExportedUnit> Export(string? changedSince, ExportScope scope = ExportScope.Units)
    {
        // Pages of 1,000 units by id: memory stays bounded whatever the size of the memory.
        long after = 0;
        while (true)
        {
            var (page, variants) = Read(() => ExportPage(after, changedSince, scope == ExportScope.Catalogue));
            if (page.Count == 0) yield break;
            after = page[^1].Id;
            foreach (var (id, en, meta, props, via) in page)
                yield return new ExportedUnit(id, en, meta, Props(props), variants.GetValueOrDefault(id) ?? [], via);
        }
    }

    private (List<(long Id, string En, TextMeta Meta, string? Props, string? Via)>, Dictionary<long, List<ExportedVariant>>) ExportPage(long after, string? changedSince, bool catalogue)
    {
        var page = new List<(long Id, string En, TextMeta Meta, string? Props, string? Via)>();
        using (var cmd = With(Command("""
            SELECT id, en, created, created_by, changed, changed_by, usage, props, via FROM units
            WHERE (via IS NOT NULL) = @catalogue AND id > @after AND (@since::text IS NULL OR changed COLLATE "C" >= @since::text)
            ORDER BY id LIMIT 1000
            """), ("catalogue", catalogue), ("after", after), ("since", changedSince)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                page.Add((r.GetInt64(0), r.GetString(1), new TextMeta(r.GetString(2), Str(r, 3), r.GetString(4), Str(r, 5), r.GetInt32(6)), Str(r, 7), Str(r, 8)));
        }
        var variants = new Dictionary<long, List<ExportedVariant>>();
        if (page.Count == 0) return (page, variants);
        using (var cmd = With(Command("""
            SELECT v.id, v.unit_id, v.lang, v.text, v.created, v.created_by, v.changed, v.changed_by, v.usage, v.props,
                   coalesce(v.zone, o.zone), coalesce(v.field, o.field), coalesce(v.position, o.position), coalesce(v.prev, o.prev), coalesce(v.next, o.next), d.name, d.symbol
            FROM variants v
            LEFT JOIN LATERAL (SELECT * FROM occurrences WHERE v.doc_id IS NULL AND variant_id = v.id ORDER BY id LIMIT 1) o ON true
            LEFT JOIN documents d ON d.id = coalesce(v.doc_id, o.document_id)
            WHERE v.unit_id = ANY(@ids)
            ORDER BY v.id
            """), ("ids", page.Select(p => p.Id).ToArray())))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var occurrence = r.IsDBNull(15) ? null : Occurrence.FromNames(Str(r, 10), Str(r, 11), r.IsDBNull(12) ? 0 : r.GetInt32(12), Str(r, 13), Str(r, 14));
                var v = new ExportedVariant(r.GetInt64(0), Language.Of(r.GetString(2)), r.GetString(3), new TextMeta(r.GetString(4), Str(r, 5), r.GetString(6), Str(r, 7), r.GetInt32(8)), Props(Str(r, 9)), occurrence, Str(r, 15), Str(r, 16));
                long unit = r.GetInt64(1);
                if (!variants.TryGetValue(unit, out var list)) variants[unit] = list = [];
                list.Add(v);
            }
        }
        return (page, variants);
    }

    private static IReadOnlyDictionary<string, string> Props(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>
    /// After a bulk load, <c>VACUUM (ANALYZE)</c> of the memory's tables: what autovacuum would do in the minutes after
    /// (mark the new rows visible to all, so that the first readers need not check and mark them row by row, and
    /// gather the planner's statistics), done at once, about 2 s for a million units. The load is committed by then:
    /// if this fails (the connection lost), autovacuum does it later and the document stays stored.
    /// </summary>
    private void Settle()
    {
        try
        {
            using var cmd = Command("VACUUM (ANALYZE) documents, units, variants, occurrences, grams, postings");
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
        }
    }

    /// <summary>The bytes the memory's tables and indexes take on the server.</summary>
    public long StorageBytes() => Read(() =>
    {
        using var cmd = Command("""
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')
            """);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>Drops a memory kept in a schema of its own (a benchmark's): never the <c>public</c> schema.</summary>
    public static void DropSchema(PostgresLocation location)
    {
        if (location.Schema == "public") throw new InvalidOperationException("the public schema is never dropped");
        try
        {
            using var db = new NpgsqlConnection(location.ConnectionString);
            db.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{location.Schema}\" CASCADE", db);
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Problem(location.Display, e, false);
        }
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _db.Dispose();
    }
}
