using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;
using AlignTool.Core.Memory.Ingest;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool ingest PATH... [--tm FILE]</c>: documents into the memory, one transaction each.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Documents (Markdown or Word .docx), or folders of documents ('-': stdin)", Arity = ArgumentArity.OneOrMore };
        var tm = MemoryAccess.TmOption();
        var pair = new Option<bool>("--pair") { Description = "PATH is EN.md and its Arabic or Chinese version: align them sentence by sentence and store the beads the aligner is sure of" };
        var minConfidence = new Option<double>("--min-confidence")
        {
            HelpName = "SCORE",
            Description = "With --pair: store beads of at least this confidence (0–1); the rest go to --review",
            DefaultValueFactory = _ => PairGateOptions.Default.MinConfidence,
        };
        minConfidence.Validators.Add(r => { if (r.GetValue(minConfidence) is < 0 or > 1) r.AddError("--min-confidence takes a number from 0 to 1"); });
        var review = new Option<string?>("--review") { Description = "With --pair: write the beads not stored (low confidence, unaligned sentences) to this jsonl file ('-': stdout)", HelpName = "FILE" };
        var noMemory = new Option<bool>("--no-memory") { Description = "With --pair: align without the memory's pairs as lexical evidence" };
        var format = CommonOptions.SummaryFormat();
        var command = new CliCommand("ingest", "Parse, segment and align documents and store them in the memory (one transaction per document; re-ingesting adds nothing)",
            "aligntool ingest ~/un-docs/ --tm my.db",
            "aligntool ingest --pair report.en.md report.ar.md --tm my.db --review review.jsonl") { paths, tm, pair, minConfidence, review, noMemory, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            if (parse.GetValue(pair))
            {
                var two = parse.GetValue(paths)!;
                if (two.Length != 2) throw CliException.Usage("--pair takes two files: the English version and its Arabic or Chinese version");
                foreach (var f in two) InputFiles.RefuseInterchange(f);
                var enText = InputFiles.ReadMarkdown(two[0], context);
                var otherText = InputFiles.ReadMarkdown(two[1], context);
                var reviewPath = parse.GetValue(review);
                if (reviewPath is not null) OutputFiles.Check(reviewPath);
                using var pm = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Create);
                var options = PairIngestOptions.Default with
                {
                    Gate = PairGateOptions.Default with { MinConfidence = parse.GetValue(minConfidence) },
                    UseMemory = !parse.GetValue(noMemory),
                };
                var result = new Ingestor(pm, TimeProvider.System, MemoryAccess.Author(context)).IngestPair(InputFiles.NameOf(two[0]), enText, InputFiles.NameOf(two[1]), otherText, options);
                if (reviewPath is not null && result.Verdict is not null) WriteReview(reviewPath, result, context);
                var report = result.Report;
                if (report.Status == IngestStatus.Refused)
                    throw CliException.BadInput(two[1], $"not stored: {report.Note} (against {two[0]})");
                context.Note($"{report.Name}: {BuildCommand.Describe(report)}");
                if (result.Review.Count > 0 && reviewPath is null)
                    context.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Review.Count} bead(s) below confidence {options.Gate.MinConfidence:0.##} were not stored (write them with --review FILE)"));
                if (parse.GetValue(format) == OutputFormat.Jsonl)
                    new Jsonl(context.Out).Write(w => { w.WriteString("document", report.Name); w.WriteString("status", Status(report.Status)); w.WriteNumber("units", report.Units); w.WriteNumber("variants", report.Variants); w.WriteNumber("review", result.Review.Count); });
                return ExitCodes.Success;
            }
            var files = Expand(parse.GetValue(paths)!);
            foreach (var f in files) InputFiles.RefuseInterchange(f); // before the memory is opened: nothing is stored
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Create);
            var ingestor = new Ingestor(memory, TimeProvider.System, MemoryAccess.Author(context));
            int added = 0, present = 0, empty = 0, failed = 0, units = 0;
            ProgressDisplay.Run(context, "ingesting", files.Count, sink =>
            {
                for (int i = 0; i < files.Count; i++)
                {
                    var file = files[i];
                    sink.Describe($"ingesting {InputFiles.NameOf(file)} ({i + 1} of {files.Count})");
                    try
                    {
                        var text = InputFiles.ReadDocumentText(file, context);
                        if (file == InputFiles.Stdin) InputFiles.RefuseInterchange(file, text);
                        var r = InputFiles.Parsing(file, () => ingestor.IngestDocument(InputFiles.NameOf(file), text));
                        switch (r.Status)
                        {
                            case IngestStatus.Added: added++; units += r.Units; break;
                            case IngestStatus.AlreadyPresent: present++; break;
                            default: empty++; break;
                        }
                        if (!context.ErrorIsTerminal) context.Note($"{file}: {BuildCommand.Describe(r)}");
                    }
                    catch (CliException e) when (e.ExitCode == ExitCodes.BadInput)
                    {
                        failed++;
                        sink.Line(e.Render());
                    }
                    sink.Report(i + 1);
                }
            });
            context.Note($"ingested {files.Count} file(s) into {memory.Location}: {added} added ({units} new unit(s)), {present} already present, {empty} with nothing to align, {failed} failed");
            if (parse.GetValue(format) == OutputFormat.Jsonl)
            {
                new Jsonl(context.Out).Write(w =>
                {
                    w.WriteNumber("files", files.Count);
                    w.WriteNumber("added", added);
                    w.WriteNumber("alreadyPresent", present);
                    w.WriteNumber("nothingToAlign", empty);
                    w.WriteNumber("failed", failed);
                    w.WriteNumber("unitsAdded", units);
                });
            }
            return failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The beads not stored, one JSON object a line: ids, texts, confidence and why.</summary>
    private static void WriteReview(string path, PairIngestReport result, CliContext context)
    {
        using var writer = OutputFiles.OpenText(path, context.Out);
        var jsonl = new Jsonl(writer);
        OutputFiles.Guard(path, () =>
        {
            foreach (var r in result.Review)
                jsonl.Write(w =>
                {
                    w.WriteStartArray("src"); foreach (var i in r.Bead.Source) w.WriteNumberValue(i); w.WriteEndArray();
                    w.WriteStartArray("tgt"); foreach (var j in r.Bead.Target) w.WriteNumberValue(j); w.WriteEndArray();
                    w.WriteNumber("confidence", r.Bead.Confidence);
                    w.WriteString("source", r.English);
                    w.WriteString("target", r.Translation);
                    w.WriteString("reason", r.Bead.IsDeletion ? "unaligned" : "low-confidence");
                });
            return 0;
        });
    }

    internal static string Status(IngestStatus status) => status switch
    {
        IngestStatus.Added => "added",
        IngestStatus.AlreadyPresent => "already-present",
        IngestStatus.Refused => "refused",
        _ => "nothing-to-align",
    };

    private static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal));
            else
                files.Add(p);
        }
        return files;
    }
}
