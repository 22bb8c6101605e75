using AlignTool.Core.Text;
using System.CommandLine;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool stats</c>: counts only, the same output for the same content.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.Format();
        var command = new CliCommand("stats", "Counts of the memory: documents (those 'docs' lists), units from documents, templates from the catalogue, variants per language, occurrences",
            "aligntool stats --tm my.db") { tm, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            var s = memory.Stats();
            if (parse.GetValue(format) == OutputFormat.Jsonl)
            {
                new Jsonl(context.Out).Write(w =>
                {
                    w.WriteNumber("documents", s.Documents);
                    w.WriteNumber("units", s.Units);
                    w.WriteNumber("templates", s.TemplateUnits);
                    w.WriteStartObject("variants");
                    foreach (var (lang, n) in s.VariantsPerLanguage) w.WriteNumber(lang.Tag, n);
                    w.WriteEndObject();
                    w.WriteNumber("occurrences", s.Occurrences);
                    w.WriteNumber("schema", s.SchemaVersion);
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"documents    {s.Documents}");
            context.Out.WriteLine($"units        {s.Units}");
            context.Out.WriteLine($"templates    {s.TemplateUnits}");
            foreach (var (lang, n) in s.VariantsPerLanguage) context.Out.WriteLine($"variants {lang,-3} {n}");
            context.Out.WriteLine($"occurrences  {s.Occurrences}");
            context.Out.WriteLine($"schema       {s.SchemaVersion}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
