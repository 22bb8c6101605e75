using AlignTool.Core.Text;
using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Lookup;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool concordance TERM</c>: every unit that contains the term, in any language.</summary>
internal static class ConcordanceCommand
{
    public static Command Create(CliContext context)
    {
        var term = new Argument<string>("TERM") { Description = "A word or phrase in English, Arabic or Chinese" };
        var tm = MemoryAccess.TmOption();
        var limit = new Option<int>("--limit") { HelpName = "N", Description = "Most units to show", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var format = CommonOptions.Format();
        var command = new CliCommand("concordance", "List the units that contain a term, in any language",
            "aligntool concordance \"人权理事会\" --tm my.db --format jsonl") { term, tm, limit, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var t = parse.GetValue(term)!;
            if (string.IsNullOrWhiteSpace(t)) throw CliException.Usage("TERM is empty");
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            var hits = new MemoryLookup(memory).Concordance(t, parse.GetValue(limit));
            var jsonl = new Jsonl(context.Out);
            foreach (var h in hits)
            {
                if (parse.GetValue(format) == OutputFormat.Jsonl)
                {
                    jsonl.Write(w =>
                    {
                        w.WriteString("source", h.Source);
                        w.WriteString("lang", h.Lang.Tag);
                        w.WriteString("target", h.Target);
                        w.WriteString("via", h.Via);
                    });
                }
                else
                {
                    context.Out.WriteLine($"{h.Source}");
                    context.Out.WriteLine($"  {h.Lang}  {h.Target}   [{h.Via}]");
                }
            }
            context.Note($"{hits.Count} unit(s)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
