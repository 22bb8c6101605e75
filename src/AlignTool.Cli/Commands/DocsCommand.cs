using AlignTool.Core.Text;
using System.CommandLine;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool docs</c>: the documents in the memory.</summary>
internal static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.Format();
        var command = new CliCommand("docs", "List the documents in the memory (the boilerplate catalogue among them) with their symbol, job number, languages and unit counts",
            "aligntool docs --tm my.db --format jsonl") { tm, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            var docs = memory.Documents();
            var jsonl = new Jsonl(context.Out);
            if (parse.GetValue(format) == OutputFormat.Text)
                context.Out.WriteLine($"{"document",-34} {"symbol",-16} {"job",-16} {"languages",-10} {"units",5}  origin");
            foreach (var d in docs)
            {
                if (parse.GetValue(format) == OutputFormat.Jsonl)
                {
                    jsonl.Write(w =>
                    {
                        w.WriteString("name", d.Name);
                        w.WriteString("hash", d.ContentHash);
                        if (d.Symbol is null) w.WriteNull("symbol"); else w.WriteString("symbol", d.Symbol);
                        if (d.Job is null) w.WriteNull("job"); else w.WriteString("job", d.Job);
                        w.WriteString("languages", string.Join(",", d.Languages));
                        w.WriteNumber("units", d.Units);
                        w.WriteString("origin", d.Origin);
                        w.WriteString("added", d.Added);
                    });
                }
                else
                {
                    context.Out.WriteLine($"{TextColumns.Pad(d.Name, 34)} {TextColumns.Pad(d.Symbol ?? "-", 16)} {TextColumns.Pad(d.Job ?? "-", 16)} {string.Join(",", d.Languages),-10} {d.Units,5}  {d.Origin}");
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
