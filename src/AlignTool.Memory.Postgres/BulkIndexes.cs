using Npgsql;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// The indexes (primary keys included) of some of the memory's tables, dropped for a bulk load into an empty memory
/// and built again once its rows are in: building an index over a million rows at once (one sort) is far cheaper
/// than keeping it up to date row by row as COPY adds them. Both steps run in the ingest's own transaction
/// (PostgreSQL's DDL is transactional): if the ingest fails, the indexes are back as they were, with nothing of it
/// stored. Until it commits, the tables are locked (a reader of the empty memory waits for the load).
/// The definitions are read from the catalogue, so that a later migration's indexes are dropped and built too.
/// </summary>
internal sealed class BulkIndexes
{
    private readonly NpgsqlConnection _db;
    private readonly NpgsqlTransaction _tx;
    private readonly IReadOnlyList<string> _tables;
    private readonly List<string> _restore = [];

    private BulkIndexes(NpgsqlConnection db, NpgsqlTransaction tx, IReadOnlyList<string> tables)
    {
        _db = db;
        _tx = tx;
        _tables = tables;
    }

    /// <summary>The statements that build the dropped indexes again, in order (for tests and messages).</summary>
    public IReadOnlyList<string> Statements => _restore;

    /// <summary>Drops every index of <paramref name="tables"/> (of the memory's schema) and keeps how to build it.</summary>
    public static BulkIndexes Drop(NpgsqlConnection db, NpgsqlTransaction tx, IReadOnlyList<string> tables)
    {
        var bulk = new BulkIndexes(db, tx, tables);
        var drop = new List<string>();
        using (var cmd = new NpgsqlCommand("""
            SELECT t.relname, i.relname, pg_get_indexdef(i.oid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u')
            WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND t.relname = ANY(@t)
            ORDER BY t.relname, c.conname IS NULL, i.relname
            """, db, tx))
        {
            cmd.Parameters.AddWithValue("t", tables.ToArray());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var table = Quote(r.GetString(0));
                if (r.IsDBNull(3))
                {
                    drop.Add($"DROP INDEX {Quote(r.GetString(1))}");
                    bulk._restore.Add(r.GetString(2));
                }
                else
                {
                    drop.Add($"ALTER TABLE {table} DROP CONSTRAINT {Quote(r.GetString(3))}");
                    bulk._restore.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quote(r.GetString(3))} {r.GetString(4)}");
                }
            }
        }
        foreach (var sql in drop) bulk.Exec(sql);
        return bulk;
    }

    /// <summary>Builds the indexes again and gathers the tables' statistics for the planner.</summary>
    public void Restore()
    {
        // An index is built by sorting its keys: in memory when they fit (the server's default is 64 MB).
        Exec("SET LOCAL maintenance_work_mem = '256MB'");
        foreach (var sql in _restore) Exec(sql);
        Exec("ANALYZE " + string.Join(", ", _tables.Select(Quote)));
    }

    private void Exec(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _db, _tx);
        cmd.ExecuteNonQuery();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
