using System.CommandLine;
using System.Globalization;
using System.Text;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool prefill FILE --to zh|ar</c>: the Arabic or Chinese draft of an English document.</summary>
internal static class PrefillCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A new English UN document (Markdown or Word .docx; '-': stdin)" };
        var to = CommonOptions.TargetLanguage();
        var tm = MemoryAccess.TmOption();
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Write the draft to this file instead of stdout" };
        var format = new Option<string>("--format") { HelpName = "md|jsonl", Description = "md (the draft: Markdown, or Word for a Word document) or jsonl (one record per source segment)", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "jsonl");
        var report = new Option<string?>("--report") { HelpName = "FILE", Description = "Write the report to this file instead of stderr" };
        var fill = new Option<int>("--fill") { HelpName = "SCORE", Description = "Lowest score written into the draft (fuzzy fills are marked)", DefaultValueFactory = _ => PrefillPolicy.Default.FillThreshold }.Between(0, 100);
        var suggest = new Option<int>("--suggest") { HelpName = "SCORE", Description = "Lowest score listed as a suggestion in the report", DefaultValueFactory = _ => PrefillPolicy.Default.SuggestThreshold }.Between(0, 100);
        var command = new CliCommand("prefill", "Prefill the Arabic or Chinese draft of an English document from the memory: exact, context and template matches, slots re-localized",
            "aligntool prefill tm-data/samples/A-HRC-50-G-3.md --to zh --out draft.zh.md")
        {
            file, to, tm, output, format, report, fill, suggest,
        };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var target = parse.GetValue(to)!;
            var policy = PrefillPolicy.Default with { FillThreshold = parse.GetValue(fill), SuggestThreshold = parse.GetValue(suggest) };
            var outPath = parse.GetValue(output);
            var reportPath = parse.GetValue(report);
            if (outPath is not null) OutputFiles.Check(outPath);
            if (reportPath is not null) OutputFiles.Check(reportPath);
            var doc = InputFiles.ReadDocument(path, ParseOptions.Default, context, out var word);
            bool wordDraft = word is not null && parse.GetValue(format) == "md"; // a Word document's draft is a Word document
            if (wordDraft) WordDraftFile.Check(outPath);
            // The language of the version: its cover page's, else the language of most of its text.
            var main = doc.HasCover ? doc.CoverLanguage : doc.Languages.FirstOrDefault() ?? LanguageTag.Undetermined;
            if (main == target)
                throw CliException.BadInput(path, $"the document is in {Name(target)} already; prefill takes an English document");
            if (main != LanguageTag.English)
                throw CliException.BadInput(path, LanguageTag.IsSupported(main) ? $"the document is in {Name(main)}; prefill takes an English document" : "the document is in no language AlignTool supports; prefill takes an English document");

            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            var result = ProgressDisplay.Run(context, $"prefilling {doc.Name}", doc.Blocks.Count, sink =>
                new Prefiller(new MemoryLookup(memory)).Prefill(doc, target, policy, new ImmediateProgress<int>(n => sink.Report(n))));

            using var o = OutputFiles.OpenText(wordDraft ? OutputFiles.Stdout : outPath ?? OutputFiles.Stdout, context.Out);
            if (parse.GetValue(format) == "jsonl")
            {
                var jsonl = new Jsonl(o);
                foreach (var s in result.Segments)
                {
                    jsonl.Write(w =>
                    {
                        w.WriteNumber("id", s.Id);
                        w.WriteString("source", s.Source);
                        w.WriteString("target", s.Target);
                        w.WriteString("lang", target);
                        w.WriteString("kind", s.Kind.Name());
                        w.WriteNumber("score", s.Score);
                        w.WriteString("via", s.Via);
                        w.WriteString("action", s.Action.ToString().ToLowerInvariant());
                        w.WriteString("zone", s.Zone);
                        if (s.Field.Length > 0) w.WriteString("field", s.Field);
                        w.WriteNumber("start", s.SourceSpan.Start);
                        w.WriteNumber("length", s.SourceSpan.Length);
                        if (s.Action == PrefillAction.LeftInEnglish && s.Suggestion is { } m)
                        {
                            w.WriteStartObject("suggestion");
                            w.WriteString("target", m.Target);
                            w.WriteString("kind", m.Kind.Name());
                            w.WriteNumber("score", m.Score);
                            w.WriteString("via", m.Via);
                            w.WriteEndObject();
                        }
                    });
                }
            }
            else if (wordDraft) WordDraftFile.Write(word!, result, target, outPath!, context);
            else
            {
                o.Write(result.Draft);
                if (!result.Draft.EndsWith('\n')) o.Write('\n');
            }

            o.Flush();
            var lines = ReportLines(doc.Name, result);
            if (reportPath is null) foreach (var l in lines) context.Err.WriteLine(l);
            else
            {
                using var r = OutputFiles.OpenText(reportPath, context.Out);
                OutputFiles.Guard(reportPath, () => { foreach (var l in lines) r.WriteLine(l); return 0; });
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Name(string lang) => AlignTool.Core.Placeables.Codes.Default.NameOf(lang);

    internal static List<string> ReportLines(string name, PrefillResult result)
    {
        var r = result.Report;
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"prefill {name} → {r.TargetLang}: {r.Segments} segment(s), {r.SegmentsKept} kept as they are (masthead, annex as received)",
        };
        foreach (var kind in new[] { MatchKind.Exact, MatchKind.Context, MatchKind.Template, MatchKind.Fuzzy, MatchKind.None })
            lines.Add(string.Create(c, $"  {kind.Name(),-9} {r.ByKind.GetValueOrDefault(kind),5}"));
        lines.Add(string.Create(c, $"  prefilled: {r.SegmentsFilled + r.SegmentsForReview} of {r.Segments - r.SegmentsKept} segment(s) ({r.SegmentShare:P0}), {r.WordsFilled} of {r.Words} word(s) ({r.WordShare:P0}); {r.SegmentsForReview} fuzzy fill(s) marked for review; {r.Suggestions} suggestion(s) below the fill threshold"));
        if (r.LeftInEnglishByField.Count > 0)
            lines.Add("  left in English, by field: " + string.Join(", ", r.LeftInEnglishByField.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(c, $"{kv.Key} {kv.Value}"))));
        if (r.UnknownStates.Count > 0)
            lines.Add($"  States whose {Name(r.TargetLang)} name is not known (left in English): {string.Join(", ", r.UnknownStates)}");
        return lines;
    }
}
