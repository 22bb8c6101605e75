using System.CommandLine;
using System.Security.Cryptography;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Interchange;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool import X.tmx|X.xlf</c>: a TMX file, or an XLIFF file's finished segments, into the memory, in one transaction.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A TMX file (1.1–1.4; UTF-8 or UTF-16) or an XLIFF file (1.2, 2.0), by its content; '-': stdin" };
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.SummaryFormat();
        var to = new Option<string?>("--to") { HelpName = "LANG", Description = "XLIFF only: the target language of a file that names none (translate-toolkit's po2xliff writes none)" };
        var command = new CliCommand("import", "Import a TMX file, or the finished segments of an XLIFF file (translated, reviewed, final; untranslated ones are counted), into the memory (all or nothing; duplicates merge, usage counts add)",
            "aligntool import their.tmx --tm my.db", "aligntool import finished.zh.xlf --tm my.db") { file, tm, format, to };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var given = parse.GetValue(file)!;
            // stdin is read twice (its hash, then its units): it is kept in a temporary file first.
            using var spooled = given == InputFiles.Stdin ? InputFiles.Spool(context) : null;
            var path = spooled?.Path ?? given;
            var name = spooled is null ? Path.GetFileName(path) : "stdin.tmx";
            if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give a TMX or XLIFF file");
            if (XliffFiles.IsXliff(path, spooled is null ? path : null))
            {
                var (xliff, xliffHash) = XliffFiles.Read(path, context);
                XliffFiles.Store(given, xliff, xliffHash, parse.GetValue(tm), context, parse.GetValue(format) == OutputFormat.Jsonl,
                    parse.GetValue(to) is { } lang ? LanguageTag.Normalize(lang) : null);
                return ExitCodes.Success;
            }
            string hash;
            try
            {
                using var stream = File.OpenRead(path);
                var head = new byte[65536];
                int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                if (n == 0) throw CliException.BadInput(path, "the file is empty");
                TmxReader.CheckDoctype(head.AsSpan(0, n));
                stream.Position = 0;
                hash = "tmx:" + Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (TmxException e) { throw CliException.BadInput(path, e.Message, e.Line, e.Column); }
            catch (FileNotFoundException) { throw CliException.BadInput(path, "no such file"); }
            catch (DirectoryNotFoundException) { throw CliException.BadInput(path, "no such file"); }
            catch (UnauthorizedAccessException) { throw CliException.BadInput(path, "permission denied"); }
            catch (IOException e) { throw CliException.BadInput(path, e.Message); }

            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Create);
            TmxImportReport report;
            try
            {
                using var input = File.OpenRead(path);
                // A large file takes minutes: on a terminal, how far into the file the reader is and the units read so far.
                report = ProgressDisplay.Run(context, $"importing {name}", input.Length, sink =>
                    TmxExchange.Import(memory, input, name, hash, MemoryAccess.Author(context), ExportCommand.Clock(context),
                        progress: new ImmediateProgress<int>(n => { sink.Report(input.Position); sink.Describe($"importing {name}: {n:N0} units"); })));
            }
            catch (TmxException e)
            {
                throw CliException.BadInput(path, e.Message.TrimEnd('.') + "; nothing was imported", e.Line, e.Column);
            }
            if (report.AlreadyPresent) context.Note($"{given}: already imported; nothing added");
            else context.Note($"imported {given}: {report.Units} unit(s) read, {report.Added} new unit(s), {report.VariantsAdded} new variant(s){(report.SkippedWithoutSource > 0 ? $", {report.SkippedWithoutSource} without an English segment skipped" : "")}");
            if (parse.GetValue(format) == OutputFormat.Jsonl)
            {
                new Jsonl(context.Out).Write(w =>
                {
                    w.WriteString("file", given);
                    w.WriteBoolean("alreadyImported", report.AlreadyPresent);
                    w.WriteNumber("units", report.Units);
                    w.WriteNumber("added", report.Added);
                    w.WriteNumber("variantsAdded", report.VariantsAdded);
                    w.WriteNumber("skippedWithoutSource", report.SkippedWithoutSource);
                });
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
