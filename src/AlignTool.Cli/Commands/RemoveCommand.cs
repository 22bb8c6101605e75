using System.CommandLine;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool remove DOC</c>: a document and what only it contributed.</summary>
internal static class RemoveCommand
{
    public static Command Create(CliContext context)
    {
        var doc = new Argument<string>("DOC") { Description = "The document's name or content hash (see 'aligntool docs')" };
        var tm = MemoryAccess.TmOption();
        var command = new Command("remove", "Remove a document and the units and variants only it contributed") { doc, tm };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var name = parse.GetValue(doc)!;
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Write);
            var removed = memory.RemoveDocument(name);
            if (removed is null)
            {
                context.Err.WriteLine($"aligntool: error: {memory.Location}: no document '{name}' in the memory");
                return ExitCodes.ProblemsFound;
            }
            context.Note($"removed {name} and {removed} unit(s) only it contributed");
            return ExitCodes.Success;
        }));
        return command;
    }
}
