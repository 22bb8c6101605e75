using AlignTool.Core.Memory.Preparation;
using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// The memory's schema, as versioned migrations applied in order inside one transaction each; the version is
/// <c>PRAGMA user_version</c>. A memory written by a newer schema is refused, never changed.
/// </summary>
internal static class Schema
{
    /// <summary>One step of the schema: SQL, then code for what SQL cannot do. Each runs in its own transaction.</summary>
    public sealed record Migration(string Sql, Action<SqliteConnection>? Code = null);

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(
        // 1: documents, English-keyed units, variants, occurrences, gram postings. Normalized forms are not stored
        //    (Core recomputes them); their hashes are, for exact lookups.
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, symbol TEXT, job TEXT, date TEXT,
            langs TEXT NOT NULL, origin TEXT NOT NULL, added TEXT NOT NULL, author TEXT);
        CREATE TABLE units(
            id INTEGER PRIMARY KEY, en TEXT NOT NULL, norm_hash INTEGER NOT NULL,
            template TEXT, template_hash INTEGER, length INTEGER NOT NULL, via TEXT, props TEXT,
            created TEXT NOT NULL, created_by TEXT, changed TEXT NOT NULL, changed_by TEXT, usage INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX units_norm ON units(norm_hash);
        CREATE INDEX units_template ON units(template_hash, id) WHERE template_hash IS NOT NULL;
        CREATE INDEX units_catalog ON units(template_hash) WHERE via IS NOT NULL;
        CREATE TABLE variants(
            id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE, lang TEXT NOT NULL,
            text TEXT NOT NULL, norm_hash INTEGER NOT NULL, template TEXT, template_hash INTEGER,
            length INTEGER NOT NULL, props TEXT, created TEXT NOT NULL, created_by TEXT, changed TEXT NOT NULL, changed_by TEXT,
            usage INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX variants_unit ON variants(unit_id, lang);
        CREATE INDEX variants_norm ON variants(lang, norm_hash);
        CREATE INDEX variants_template ON variants(lang, template_hash, id) WHERE template_hash IS NOT NULL;
        CREATE TABLE occurrences(
            id INTEGER PRIMARY KEY, variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            zone TEXT, field TEXT, position INTEGER, prev TEXT, next TEXT);
        CREATE INDEX occurrences_variant ON occurrences(variant_id);
        CREATE INDEX occurrences_document ON occurrences(document_id);
        CREATE TABLE postings(gram INTEGER NOT NULL, chunk INTEGER NOT NULL, level INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL,
            PRIMARY KEY(gram, chunk)) WITHOUT ROWID;
        """),
        // 2: a template is kept as the offsets of its slots in the text (TemplateSpans), not as a second copy of the
        //    text: a third of a memory's bytes went to that copy.
        new("", TemplatesAsSpans),
        // 3: how many texts hold each gram, kept apart from the postings: a lookup reads the frequencies of every
        //    gram of its query first, and summing the chunks of the postings read their pages too.
        new("""
        CREATE TABLE grams(gram INTEGER PRIMARY KEY, n INTEGER NOT NULL);
        INSERT INTO grams(gram, n) SELECT gram, sum(n) FROM postings GROUP BY gram;
        """),
        // 4: a variant's first occurrence is kept in the variant's own row (doc_id and the context columns); the
        //    occurrences table holds only the later ones. Most variants occur once: two rows fewer a unit on ingest.
        //    doc_id is NULL once that document is removed (the later occurrences stay).
        //    The variants' hash indexes lose their leading language: a 64-bit hash does not need it to be selective
        //    (the language is checked on the row), and a bulk load builds an index of integers faster.
        new("""
        ALTER TABLE variants ADD COLUMN doc_id INTEGER REFERENCES documents(id);
        ALTER TABLE variants ADD COLUMN zone TEXT;
        ALTER TABLE variants ADD COLUMN field TEXT;
        ALTER TABLE variants ADD COLUMN position INTEGER;
        ALTER TABLE variants ADD COLUMN prev TEXT;
        ALTER TABLE variants ADD COLUMN next TEXT;
        UPDATE variants SET (doc_id, zone, field, position, prev, next) =
            (SELECT o.document_id, o.zone, o.field, o.position, o.prev, o.next FROM occurrences o
             WHERE o.variant_id = variants.id ORDER BY o.id LIMIT 1);
        DELETE FROM occurrences WHERE id IN (SELECT min(id) FROM occurrences GROUP BY variant_id);
        CREATE INDEX variants_document ON variants(doc_id) WHERE doc_id IS NOT NULL;
        DROP INDEX variants_norm;
        DROP INDEX variants_template;
        CREATE INDEX variants_norm ON variants(norm_hash);
        CREATE INDEX variants_template ON variants(template_hash, id) WHERE template_hash IS NOT NULL;
        """),
        // 5: a document keeps the ids of the rows it wrote as two ranges (first_variant..last_variant for the variants
        //    whose doc_id it is, first_occurrence..last_occurrence for its later occurrences) instead of two indexes by
        //    document: an ingest writes those rows in one transaction, each with an id above every id before it, so
        //    they lie in these ranges (the ranges may hold other rows too: a reader checks doc_id / document_id on the
        //    row). Only removing a document and listing documents read rows by document; building the two indexes
        //    again after a bulk load was a sixth of the work done after its commit.
        //    The template indexes lose their trailing id: every index entry ends with the rowid already, so
        //    (template_hash) gives the newest first just as well, 20% smaller and 15% quicker to build.
        new("""
        ALTER TABLE documents ADD COLUMN first_variant INTEGER;
        ALTER TABLE documents ADD COLUMN last_variant INTEGER;
        ALTER TABLE documents ADD COLUMN first_occurrence INTEGER;
        ALTER TABLE documents ADD COLUMN last_occurrence INTEGER;
        UPDATE documents SET
            (first_variant, last_variant) = (SELECT min(id), max(id) FROM variants WHERE doc_id = documents.id),
            (first_occurrence, last_occurrence) = (SELECT min(id), max(id) FROM occurrences WHERE document_id = documents.id);
        DROP INDEX IF EXISTS variants_document;
        DROP INDEX IF EXISTS occurrences_document;
        DROP INDEX IF EXISTS units_template;
        DROP INDEX IF EXISTS variants_template;
        CREATE INDEX units_template ON units(template_hash) WHERE template_hash IS NOT NULL;
        CREATE INDEX variants_template ON variants(template_hash) WHERE template_hash IS NOT NULL;
        """),
    ];

    private static void TemplatesAsSpans(SqliteConnection db)
    {
        foreach (var (table, text) in new[] { ("units", "en"), ("variants", "text") })
        {
            var rows = new List<(long Id, string? Spans)>();
            using (var read = db.CreateCommand())
            {
                read.CommandText = $"SELECT id, {text}, template FROM {table} WHERE template IS NOT NULL";
                using var r = read.ExecuteReader();
                while (r.Read()) rows.Add((r.GetInt64(0), TemplateSpans.Diff(r.GetString(1), r.GetString(2))));
            }
            using var write = db.CreateCommand();
            // A template that does not come from its text (none should) is dropped with its hash: the text stays.
            write.CommandText = $"UPDATE {table} SET template = $t, template_hash = CASE WHEN $t IS NULL THEN NULL ELSE template_hash END WHERE id = $id";
            var t = write.Parameters.Add("$t", SqliteType.Text);
            var id = write.Parameters.Add("$id", SqliteType.Integer);
            foreach (var row in rows)
            {
                t.Value = (object?)row.Spans ?? DBNull.Value;
                id.Value = row.Id;
                write.ExecuteNonQuery();
            }
        }
    }

    public static int Latest => Migrations.Count;

    /// <summary>
    /// The memory's indexes as the latest migration leaves them. Opening a memory or writing to it builds any of these
    /// it lacks (<see cref="Sqlite.BulkIndexes"/>): a bulk load killed between its commit and its index builds leaves
    /// them missing, and earlier versions dropped more of them during a bulk load than <see cref="BulkIndexes"/> does.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Create)> Indexes =
    [
        ("units_norm", "CREATE INDEX units_norm ON units(norm_hash)"),
        ("units_template", "CREATE INDEX units_template ON units(template_hash) WHERE template_hash IS NOT NULL"),
        ("units_catalog", "CREATE INDEX units_catalog ON units(template_hash) WHERE via IS NOT NULL"),
        ("variants_unit", "CREATE INDEX variants_unit ON variants(unit_id, lang)"),
        ("variants_norm", "CREATE INDEX variants_norm ON variants(norm_hash)"),
        ("variants_template", "CREATE INDEX variants_template ON variants(template_hash) WHERE template_hash IS NOT NULL"),
        ("occurrences_variant", "CREATE INDEX occurrences_variant ON occurrences(variant_id)"),
    ];

    /// <summary>
    /// The indexes a bulk load drops and builds again (sorted, in one pass) once its rows are committed: those keyed by
    /// hashes or by the variant an occurrence repeats, where each insert lands at a random place: all but variants_unit,
    /// through which a unit met again is looked up, and the small units_catalog (catalogue units only).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Create)> BulkIndexes =
        [.. Indexes.Where(index => index.Name is not ("variants_unit" or "units_catalog"))];

    public static void Migrate(SqliteConnection connection, string path)
    {
        int version = UserVersion(connection);
        if (version > Latest)
        {
            throw new MemoryException(MemoryProblem.NewerSchema, path,
                $"written by a newer AlignTool (schema {version}; this version reads up to {Latest}); nothing was changed");
        }
        for (int v = version; v < Latest; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v].Sql + $"\nPRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }
            Migrations[v].Code?.Invoke(connection);
            tx.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
