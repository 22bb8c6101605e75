using System.CommandLine;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;

namespace AlignTool.Cli.Infrastructure;

/// <summary>
/// Where the memory is (<c>--tm</c>, else <c>ALIGNTOOL_TM</c>, else <c>$XDG_DATA_HOME/aligntool/memory.db</c>) and
/// opening it: the default memory is built from tm-data/ the first time a command needs it and brought up to date
/// when tm-data/ changed. Storage failures become one-line errors with exit code 4.
/// </summary>
internal static class MemoryAccess
{
    public static Option<string?> TmOption() => new("--tm") { HelpName = "FILE", Description = "The memory file (default: $ALIGNTOOL_TM, else $XDG_DATA_HOME/aligntool/memory.db)" };

    public static (string Path, bool IsDefault) Locate(string? tm, CliContext context)
    {
        if (!string.IsNullOrEmpty(tm)) return (tm, false);
        var env = context.Environment.GetValueOrDefault("ALIGNTOOL_TM");
        if (!string.IsNullOrEmpty(env)) return (env, false);
        var data = context.Environment.GetValueOrDefault("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
        {
            var home = context.Environment.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = Path.Combine(home, ".local", "share");
        }
        return (Path.Combine(data, "aligntool", "memory.db"), true);
    }

    /// <summary>Opens the memory for a command: created where no file is for <see cref="MemoryUse.Create"/>, read-only when
    /// it cannot be written for <see cref="MemoryUse.Read"/>.</summary>
    public static SqliteTranslationMemory Open(string? tm, CliContext context, MemoryUse use)
    {
        var (path, isDefault) = Locate(tm, context);
        try
        {
            var memory = SqliteTranslationMemory.Open(path, new SqliteMemoryOptions
            {
                Mode = use == MemoryUse.Create || isDefault ? OpenMode.CreateIfMissing : OpenMode.Existing,
                ReadOnlyWhenNotWritable = use == MemoryUse.Read,
                OnBusy = WaitingLine(context, path),
                OnUpgrade = (from, to) => context.Note($"{path}: upgrading the memory from schema {from} to {to}, once (a large memory takes a while)"),
            });
            if (isDefault) EnsureDefault(memory, context);
            return memory;
        }
        catch (MemoryException e)
        {
            throw new CliException(ExitCodes.MemoryError, e.Path, e.Message, inner: e);
        }
    }

    /// <summary>Runs a command body, turning storage failures into exit code 4.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (MemoryException e)
        {
            throw new CliException(ExitCodes.MemoryError, e.Path, e.Message, inner: e);
        }
    }

    private static void EnsureDefault(SqliteTranslationMemory memory, CliContext context)
    {
        var hash = TmData.ContentHash();
        if (memory.BuiltFrom == hash) return;
        if (memory.IsReadOnly)
        {
            context.Warn(memory.Location, "the default memory is read-only: read as it is, not brought up to date with tm-data/");
            return;
        }
        context.Note($"aligntool: building the default memory from tm-data/ in {memory.Location} …");
        Sync(memory, hash, context);
    }

    public static List<IngestReport> Sync(ITranslationMemory memory, string hash, CliContext context)
    {
        var ingestor = new Ingestor(memory, TimeProvider.System, Author(context));
        var corpus = TmData.Corpus();
        int done = 0;
        return ProgressDisplay.Run(context, "building the memory from tm-data/", corpus.Count + 1, sink =>
            ingestor.SyncTmData(corpus, TmData.Catalog, TmData.CatalogHash, hash, new ImmediateProgress<IngestReport>(r => sink.Report(++done))));
    }

    /// <summary>On a terminal, one line when a write first waits for another process's lock (the retries take up to
    /// about 25 s before giving up).</summary>
    private static Action? WaitingLine(CliContext context, string path)
    {
        if (!context.ErrorIsTerminal) return null;
        bool said = false;
        return () =>
        {
            if (said) return;
            said = true;
            context.Err.WriteLine($"aligntool: {path}: another process is writing to the memory; waiting for it (up to about 25 s)…");
        };
    }

    public static string Author(CliContext context) =>
        context.Environment.GetValueOrDefault("ALIGNTOOL_AUTHOR") ?? context.Environment.GetValueOrDefault("USER") ?? "aligntool";
}
