using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Ingest;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool build [--tm FILE]</c>: the memory built from tm-data/ (corpus and catalogue), idempotently.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.SummaryFormat();
        var command = new CliCommand("build", "Build a memory from tm-data/ (its corpus and boilerplate catalogue, never samples/); running it again adds nothing",
            "aligntool build --tm my.db") { tm, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var (path, _) = MemoryAccess.Locate(parse.GetValue(tm), context);
            using var memory = MemoryAccess.Open(path, context, MemoryUse.Create);
            var reports = MemoryAccess.Sync(memory, TmData.ContentHash(), context);
            foreach (var r in reports) context.Note($"{r.Name}: {Describe(r)}");
            int added = reports.Count(r => r.Status == IngestStatus.Added), present = reports.Count(r => r.Status == IngestStatus.AlreadyPresent);
            context.Note($"built {memory.Location}: {added} document(s) added, {present} already present, {reports.Count - added - present} with nothing to align; {reports.Sum(r => r.Units)} unit(s) added");
            if (parse.GetValue(format) == OutputFormat.Jsonl)
            {
                new Jsonl(context.Out).Write(w =>
                {
                    w.WriteNumber("added", added);
                    w.WriteNumber("alreadyPresent", present);
                    w.WriteNumber("nothingToAlign", reports.Count - added - present);
                    w.WriteNumber("unitsAdded", reports.Sum(r => r.Units));
                });
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string Describe(IngestReport r) => r.Status switch
    {
        IngestStatus.Added => $"added {r.Units} unit(s), {r.Variants} variant(s) ({r.Note})",
        IngestStatus.AlreadyPresent => "already in the memory",
        _ => $"nothing to align ({r.Note})",
    };
}
