using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;
using AlignTool.Core.Memory;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool ingest PATH... [--tm FILE]</c>: documents into the memory, one transaction each.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Documents, or folders of documents", Arity = ArgumentArity.OneOrMore };
        var tm = MemoryAccess.TmOption();
        var pair = new Option<bool>("--pair") { Description = "PATH is EN.md and its Arabic or Chinese version: align them sentence by sentence and store the beads the aligner is sure of" };
        var minConfidence = new Option<double>("--min-confidence")
        {
            Description = "With --pair: store beads of at least this confidence (0–1); the rest go to --review",
            DefaultValueFactory = _ => PairGateOptions.Default.MinConfidence,
        };
        minConfidence.Validators.Add(r => { if (r.GetValue(minConfidence) is < 0 or > 1) r.AddError("--min-confidence takes a number from 0 to 1"); });
        var review = new Option<string?>("--review") { Description = "With --pair: write the beads not stored (low confidence, unaligned sentences) to this jsonl file", HelpName = "FILE" };
        var noMemory = new Option<bool>("--no-memory") { Description = "With --pair: align without the memory's pairs as lexical evidence" };
        var command = new Command("ingest", "Parse, segment and align documents and store them in the memory (one transaction per document; re-ingesting adds nothing)")
        {
            paths, tm, pair, minConfidence, review, noMemory,
        };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            if (parse.GetValue(pair))
            {
                var two = parse.GetValue(paths)!;
                if (two.Length != 2) throw CliException.Usage("--pair takes two files: the English version and its Arabic or Chinese version");
                var enText = InputFiles.ReadText(two[0]);
                var otherText = InputFiles.ReadText(two[1]);
                var reviewPath = parse.GetValue(review);
                using var pm = MemoryAccess.Open(parse.GetValue(tm), context, create: true);
                var options = PairIngestOptions.Default with
                {
                    Gate = PairGateOptions.Default with { MinConfidence = parse.GetValue(minConfidence) },
                    UseMemory = !parse.GetValue(noMemory),
                };
                var result = new Ingestor(pm, TimeProvider.System, MemoryAccess.Author(context)).IngestPair(Path.GetFileName(two[0]), enText, Path.GetFileName(two[1]), otherText, options);
                if (reviewPath is not null && result.Verdict is not null) WriteReview(reviewPath, result);
                if (result.Report.Status == IngestStatus.Refused)
                    throw CliException.BadInput(two[1], $"not stored: {result.Report.Note} (against {two[0]})");
                context.Note($"{result.Report.Name}: {BuildCommand.Describe(result.Report)}");
                if (result.Review.Count > 0 && reviewPath is null)
                    context.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Review.Count} bead(s) below confidence {options.Gate.MinConfidence:0.##} were not stored (write them with --review FILE)"));
                return ExitCodes.Success;
            }
            var files = Expand(parse.GetValue(paths)!);
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, create: true);
            var ingestor = new Ingestor(memory, TimeProvider.System, MemoryAccess.Author(context));
            int added = 0, present = 0, empty = 0, failed = 0, units = 0;
            for (int i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (context.ErrorIsTerminal) context.Err.Write($"\r[{i + 1}/{files.Count}] {Path.GetFileName(file),-60}");
                try
                {
                    var text = InputFiles.ReadText(file);
                    var r = ingestor.IngestDocument(Path.GetFileName(file), text);
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
                    if (context.ErrorIsTerminal) context.Err.WriteLine();
                    context.Err.WriteLine(e.Render());
                }
            }
            if (context.ErrorIsTerminal) context.Err.WriteLine();
            context.Note($"ingested {files.Count} file(s) into {memory.Location}: {added} added ({units} new unit(s)), {present} already present, {empty} with nothing to align, {failed} failed");
            return failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The beads not stored, one JSON object a line: ids, texts, confidence and why.</summary>
    private static void WriteReview(string path, PairIngestReport result)
    {
        StreamWriter writer;
        try
        {
            writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"{path}: cannot write the review file: {e.Message}");
        }
        using var _ = writer;
        var jsonl = new Jsonl(writer);
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
    }

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
