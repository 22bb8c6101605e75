using System.CommandLine;
using System.Text.Json;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Qa;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool qa</c>: terminology, consistency, numbers and punctuation over the memory or a draft.</summary>
internal static class QaCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var draft = new Option<string?>("--draft") { HelpName = "FILE", Description = "Check a draft: the jsonl that 'prefill --format jsonl' writes" };
        var glossary = new Option<string?>("--glossary") { HelpName = "FILE", Description = "A glossary: TBX 2 or TBX 3 (ISO 30042:2019, TBX-Basic), or TSV (default: tm-data/glossary/un-terms.tbx)" };
        var format = CommonOptions.Format();
        var failOn = new Option<string?>("--fail-on") { HelpName = "error|warning", Description = "Exit with 1 when an issue of this severity (or worse) is found: error or warning" };
        failOn.AcceptOnlyFromAmong("error", "warning");
        var command = new CliCommand("qa", "Check terminology, consistency, numbers and punctuation of the memory or of a draft",
            "aligntool qa --tm my.db --fail-on error",
            "aligntool prefill new.md --to zh --format jsonl | aligntool qa --draft -") { tm, draft, glossary, format, failOn };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            if (parse.GetValue(draft) is not null && parse.GetValue(tm) is not null) throw CliException.Usage("give --tm or --draft, not both");
            var g = parse.GetValue(glossary) is { } path ? GlossaryFiles.Read(path, context) : Glossary.Default;
            List<QaUnit> units;
            if (parse.GetValue(draft) is { } d) units = ReadDraft(d, context);
            else
            {
                using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
                units = QaRunner.FromMemory(memory);
            }
            var issues = new QaRunner(g).Run(units);
            if (parse.GetValue(format) == OutputFormat.Jsonl) WriteJsonl(issues, context);
            else WriteText(issues, context);
            context.Note($"{units.Count} unit(s) checked: {issues.Count(i => i.Severity == QaSeverity.Error)} error(s), {issues.Count(i => i.Severity == QaSeverity.Warning)} warning(s), {issues.Count(i => i.Severity == QaSeverity.Info)} info");
            return parse.GetValue(failOn) switch
            {
                "error" when issues.Any(i => i.Severity == QaSeverity.Error) => ExitCodes.ProblemsFound,
                "warning" when issues.Any(i => i.Severity <= QaSeverity.Warning) => ExitCodes.ProblemsFound,
                _ => ExitCodes.Success,
            };
        }));
        return command;
    }

    private static List<QaUnit> ReadDraft(string path, CliContext context)
    {
        var units = new List<QaUnit>();
        int line = 0;
        foreach (var raw in InputFiles.ReadText(path, context).Split('\n'))
        {
            line++;
            if (raw.Trim().Length == 0) continue;
            try
            {
                var o = JsonDocument.Parse(raw).RootElement;
                if (o.TryGetProperty("action", out var a) && a.GetString() == "kept") continue;
                var id = o.TryGetProperty("id", out var i) ? i.ToString() : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                units.Add(new QaUnit(id, o.GetProperty("source").GetString() ?? "", [(LanguageTag.Normalize(o.GetProperty("lang").GetString() ?? ""), o.GetProperty("target").GetString() ?? "")]));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw CliException.BadInput(path, "not a prefill jsonl record (needs source, target, lang)", line);
            }
        }
        return units;
    }

    private static void WriteJsonl(List<QaIssue> issues, CliContext context)
    {
        var jsonl = new Jsonl(context.Out);
        foreach (var i in issues)
        {
            jsonl.Write(w =>
            {
                w.WriteString("kind", i.Kind.Name());
                w.WriteString("severity", i.Severity.Name());
                w.WriteString("unit", i.Unit);
                w.WriteString("lang", i.Lang);
                w.WriteString("source", i.Source);
                w.WriteString("target", i.Target);
                w.WriteString("message", i.Message);
                Span(w, "sourceSpan", i.SourceSpan);
                Span(w, "targetSpan", i.TargetSpan);
            });
        }
    }

    private static void Span(Utf8JsonWriter w, string name, TextSpan? span)
    {
        if (span is not { } s) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteNumber("start", s.Start);
        w.WriteNumber("length", s.Length);
        w.WriteEndObject();
    }

    private static void WriteText(List<QaIssue> issues, CliContext context)
    {
        var o = context.Out;
        foreach (var group in issues.GroupBy(i => i.Kind))
        {
            o.WriteLine($"## {group.Key.Name()} ({group.Count()})");
            foreach (var i in group)
            {
                o.WriteLine($"{i.Severity.Name(),-7} unit {i.Unit,-6} {i.Lang,-3} {i.Message}");
                o.WriteLine($"{"",16}source: {Mark(i.Source, i.SourceSpan)}");
                o.WriteLine($"{"",16}target: {Mark(i.Target, i.TargetSpan)}");
            }
            o.WriteLine();
        }
    }

    /// <summary>The text with its span in ⟦ ⟧.</summary>
    private static string Mark(string text, TextSpan? span) =>
        span is { } s && s.End <= text.Length && s.Length > 0 ? text[..s.Start] + "⟦" + text.Substring(s.Start, s.Length) + "⟧" + text[s.End..] : text;
}
