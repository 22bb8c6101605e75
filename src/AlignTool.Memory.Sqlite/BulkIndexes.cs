using Microsoft.Data.Sqlite;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// The indexes a bulk load drops (<see cref="Schema.BulkIndexes"/>) and builds again once its rows are committed.
/// A memory can be without them for a while: between a bulk load's commit and the end of its index builds, or for
/// good after a process killed in between. Reads stay correct without them (SQLite scans instead), and whoever writes
/// next, or opens the memory next, builds the missing ones first: any index of <see cref="Schema.Indexes"/> it lacks.
/// </summary>
internal static class BulkIndexes
{
    public static void Drop(SqliteConnection db)
    {
        foreach (var (name, _) in Schema.BulkIndexes)
        {
            using var drop = new Statement(db, $"DROP INDEX {name}");
            drop.Run();
        }
    }

    /// <summary>The indexes of <see cref="Schema.Indexes"/> the memory lacks, with the statements that create them.</summary>
    public static List<(string Name, string Create)> Missing(SqliteConnection db)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var names = new Statement(db, "SELECT name FROM sqlite_schema WHERE type = 'index'"))
        {
            while (names.Next()) present.Add(names.Text(0)!);
        }
        return [.. Schema.Indexes.Where(index => !present.Contains(index.Name))];
    }

    /// <summary>
    /// Builds the missing indexes, inside the transaction the connection holds; how many were missing.
    /// <para>SQLite's sorter keeps all the keys of an index in one list when temporary storage is in memory, or when
    /// they fit in the page cache, and sorts it on this thread: 1.5 million keys cost 2.3 s. With temporary files and a
    /// small cache it sorts runs of a few MB on worker threads (<c>PRAGMA threads</c>) and merges them: the seven
    /// indexes a million-unit load then built took 3.8 s instead of 6.2. The runs are written to SQLite's temporary folder
    /// (<c>SQLITE_TMPDIR</c>, else <c>TMPDIR</c>, else <c>/var/tmp</c> or <c>/tmp</c>); the settings are put back
    /// afterwards, and the dirty pages the small cache pushes out go to the WAL, where the commit would have put them.</para>
    /// </summary>
    public static int BuildMissing(SqliteConnection db)
    {
        var missing = Missing(db);
        if (missing.Count == 0) return 0;
        Pragma(db, $"threads = {Math.Clamp(Environment.ProcessorCount, 1, 8)}");
        // SQLite refuses to change temporary storage inside a transaction once the connection has opened its
        // temporary database (an ingest opens none): the indexes are then sorted in memory, as they were before.
        bool files = TryPragma(db, "temp_store = FILE");
        if (files) Pragma(db, $"cache_size = -{SortCacheKib}");
        try
        {
            foreach (var (_, create) in missing)
            {
                using var build = new Statement(db, create);
                build.Run();
            }
        }
        finally
        {
            if (files)
            {
                Pragma(db, $"cache_size = -{SqliteTranslationMemory.CacheKib}");
                Pragma(db, "temp_store = MEMORY");
            }
        }
        return missing.Count;
    }

    /// <summary>The page cache while indexes are built, in KiB: the size of the sorter's runs (8 MB; SQLite's floor
    /// is 250 pages, which is 8 MB with 32 KB pages). Runs of 32 MB and of the whole cache were slower.</summary>
    private const int SortCacheKib = 8_192;

    private static bool TryPragma(SqliteConnection db, string setting)
    {
        try
        {
            Pragma(db, setting);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static void Pragma(SqliteConnection db, string setting)
    {
        using var pragma = new Statement(db, "PRAGMA " + setting);
        while (pragma.Next()) { }
    }
}
