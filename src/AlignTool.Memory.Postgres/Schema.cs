using AlignTool.Memory.Sqlite;
using Npgsql;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// The memory's schema in PostgreSQL, as versioned migrations applied in order on first use, each in its own
/// transaction; the version is the one row of <c>schema_version</c>. Two clients opening a new memory at once take
/// turns (an advisory lock of the memory's schema). A memory of a newer schema is refused, never changed.
/// The tables are those of the SQLite memory (schema 5 there): a variant keeps its first occurrence in its row, grams
/// keep their postings as delta-encoded chunks; no foreign keys (the writer keeps references sound, as in SQLite).
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: documents, English-keyed units, variants (with their first occurrence), later occurrences, and the gram
        //    index: each gram's text count and chunks (one a writer's flush, merged when there are too many).
        """
        CREATE TABLE meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE documents(
            id bigint PRIMARY KEY, name text NOT NULL, hash text NOT NULL UNIQUE, symbol text, job text, date text,
            langs text NOT NULL, origin text NOT NULL, added text NOT NULL, author text);
        CREATE INDEX documents_name ON documents(name);
        CREATE TABLE units(
            id bigint PRIMARY KEY, en text NOT NULL, norm_hash bigint NOT NULL, template text, template_hash bigint,
            length int NOT NULL, via text, props text, created text NOT NULL, created_by text, changed text NOT NULL,
            changed_by text, usage int NOT NULL DEFAULT 0);
        CREATE INDEX units_norm ON units(norm_hash);
        CREATE INDEX units_template ON units(template_hash, id) WHERE template_hash IS NOT NULL;
        CREATE TABLE variants(
            id bigint PRIMARY KEY, unit_id bigint NOT NULL, lang text NOT NULL, text text NOT NULL, norm_hash bigint NOT NULL,
            template text, template_hash bigint, length int NOT NULL, props text, created text NOT NULL, created_by text,
            changed text NOT NULL, changed_by text, usage int NOT NULL DEFAULT 0,
            doc_id bigint, zone text, field text, position int, prev text, next text);
        CREATE INDEX variants_unit ON variants(unit_id);
        CREATE INDEX variants_norm ON variants(norm_hash);
        CREATE INDEX variants_template ON variants(template_hash, id) WHERE template_hash IS NOT NULL;
        CREATE INDEX variants_document ON variants(doc_id) WHERE doc_id IS NOT NULL;
        CREATE TABLE occurrences(
            id bigint PRIMARY KEY, variant_id bigint NOT NULL, document_id bigint NOT NULL,
            zone text, field text, position int, prev text, next text);
        CREATE INDEX occurrences_variant ON occurrences(variant_id, id);
        CREATE INDEX occurrences_document ON occurrences(document_id);
        CREATE TABLE grams(gram bigint PRIMARY KEY, n int NOT NULL, chunks int NOT NULL);
        CREATE TABLE postings(gram bigint NOT NULL, chunk bigint NOT NULL, ids bytea NOT NULL, PRIMARY KEY(gram, chunk));
        ALTER TABLE postings ALTER COLUMN ids SET STORAGE EXTERNAL;
        CREATE SEQUENCE chunks;
        """,
        // 2: the catalogue's templates among the units: a template lookup asks for the catalogue's unit of a template
        //    before the memory's own, and without this index it read every unit of that template to find none (a
        //    millisecond a lookup on a memory of generated boilerplate, the dearest of a lookup's reads).
        """
        CREATE INDEX units_catalog_template ON units(template_hash, id) WHERE template_hash IS NOT NULL AND via IS NOT NULL;
        """,
    ];

    public static int Latest => Migrations.Count;

    /// <summary>Brings the memory's schema to <see cref="Latest"/>; returns its version.</summary>
    public static int Migrate(NpgsqlConnection db, string location, long lockKey, Action<int, int>? onUpgrade)
    {
        using var tx = db.BeginTransaction();
        Exec(db, tx, $"SELECT pg_advisory_xact_lock({lockKey})");
        Exec(db, tx, "CREATE TABLE IF NOT EXISTS schema_version(version int NOT NULL)");
        int version;
        using (var cmd = new NpgsqlCommand("SELECT max(version) FROM schema_version", db, tx))
            version = cmd.ExecuteScalar() is int v ? v : 0;
        if (version > Latest)
        {
            throw new MemoryException(MemoryProblem.NewerSchema, location,
                $"written by a newer AlignTool (schema {version}; this version reads up to {Latest}); nothing was changed");
        }
        if (version == 0)
        {
            using var other = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('documents', 'units', 'variants')", db, tx);
            if (Convert.ToInt64(other.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                throw new MemoryException(MemoryProblem.NotAMemory, location, "the database's schema holds tables of another program (documents, units or variants); nothing was changed");
        }
        if (version == Latest)
        {
            tx.Commit();
            return version;
        }
        if (version > 0) onUpgrade?.Invoke(version, Latest);
        // All steps in the one transaction that holds the lock: PostgreSQL's DDL is transactional.
        for (int v = version; v < Latest; v++) Exec(db, tx, Migrations[v]);
        Exec(db, tx, "DELETE FROM schema_version");
        Exec(db, tx, $"INSERT INTO schema_version(version) VALUES({Latest})");
        tx.Commit();
        return Latest;
    }

    private static void Exec(NpgsqlConnection db, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, db, tx);
        cmd.ExecuteNonQuery();
    }
}
