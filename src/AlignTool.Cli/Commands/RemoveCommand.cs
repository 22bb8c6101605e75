using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool remove DOC</c>: a document and what only it contributed.</summary>
internal static class RemoveCommand
{
    public static Command Create(CliContext context)
    {
        var doc = new Argument<string>("DOC") { Description = "The document's name or content hash (see 'aligntool docs')" };
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.SummaryFormat();
        var command = new CliCommand("remove", "Remove a document and the units and variants only it contributed",
            "aligntool remove 000_dc598133e6e0d6df.txt --tm my.db") { doc, tm, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var name = parse.GetValue(doc)!;
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Write);
            int? removed;
            try
            {
                removed = memory.RemoveDocument(name);
            }
            catch (AmbiguousDocumentException e)
            {
                throw CliException.Usage(e.Message);
            }
            if (removed is null)
            {
                context.Err.WriteLine($"aligntool: error: {memory.Location}: no document '{name}' in the memory");
                return ExitCodes.ProblemsFound;
            }
            context.Note($"removed {name} and {removed} unit(s) only it contributed");
            if (parse.GetValue(format) == OutputFormat.Jsonl)
                new Jsonl(context.Out).Write(w => { w.WriteString("document", name); w.WriteNumber("unitsRemoved", removed.Value); });
            return ExitCodes.Success;
        }));
        return command;
    }
}
