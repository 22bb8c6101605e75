using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool lookup TEXT --to zh|ar</c>: ranked matches from the memory.</summary>
internal static class LookupCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string>("TEXT") { Description = "The text to look up (English, or Arabic/Chinese)" };
        var to = CommonOptions.TargetLanguage();
        var from = CommonOptions.Language("--from", "Language of TEXT: auto (by script), en, ar or zh");
        var tm = MemoryAccess.TmOption();
        var min = new Option<int>("--min") { HelpName = "SCORE", Description = "Lowest fuzzy score to show (0–100)", DefaultValueFactory = _ => 70 }.Between(0, 100);
        var limit = new Option<int>("--limit") { HelpName = "N", Description = "Most matches to show", DefaultValueFactory = _ => 5 }.AtLeast(1);
        var format = CommonOptions.Format();
        var command = new CliCommand("lookup", "Look a text up in the memory: exact, context, template and fuzzy matches, best first",
            "aligntool lookup \"Fiftieth session\" --to ar") { text, to, from, tm, min, limit, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var query = parse.GetValue(text)!;
            if (string.IsNullOrWhiteSpace(query)) throw CliException.Usage("TEXT is empty");
            int minScore = parse.GetValue(min);
            var sourceLang = parse.GetValue(from) ?? LanguageDetector.Detect(query);
            if (!LanguageTag.IsSupported(sourceLang)) sourceLang = LanguageTag.English;
            var target = parse.GetValue(to)!;
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            var matches = new MemoryLookup(memory).Lookup(query, Language.Of(sourceLang), Language.Of(target), new LookupOptions { MinScore = minScore, Limit = parse.GetValue(limit) });
            if (parse.GetValue(format) == OutputFormat.Jsonl)
            {
                var jsonl = new Jsonl(context.Out);
                foreach (var m in matches)
                {
                    jsonl.Write(w =>
                    {
                        w.WriteString("source", m.Source);
                        w.WriteString("target", m.Target);
                        w.WriteString("lang", m.TargetLang.Tag);
                        w.WriteString("kind", m.Kind.Name());
                        w.WriteNumber("score", m.Score);
                        w.WriteString("via", m.Via);
                        w.WriteStartArray("reasons");
                        foreach (var r in m.Reasons) w.WriteStringValue(r);
                        w.WriteEndArray();
                    });
                }
            }
            else
            {
                foreach (var m in matches)
                {
                    context.Out.WriteLine($"{m.Kind.Name(),-9} {m.Score,3}  {m.Target}");
                    context.Out.WriteLine($"{"",14}{m.Source}   [{m.Via}; {string.Join("; ", m.Reasons)}]");
                }
            }
            context.Note($"{matches.Count} match(es)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
