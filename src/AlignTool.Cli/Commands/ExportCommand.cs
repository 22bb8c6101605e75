using System.CommandLine;
using System.Globalization;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Interchange;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool export --out X.tmx</c>: the memory as TMX 1.4b.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var output = new Option<string>("--out") { HelpName = "FILE", Description = "The TMX file to write ('-': stdout)", Required = true };
        var src = LanguageOption<string>.Create(n => new Option<string>(n) { HelpName = "LANG", Description = "Source language of the TMX (the memory's units are English)", DefaultValueFactory = _ => "en" }, "--from", "--src");
        var langs = LanguageOption<string?>.Create(n => new Option<string?>(n) { HelpName = "LANG[,LANG...]", Description = "Target languages, comma-separated: one writes a bilingual en->LANG file (for OmegaT and translate-toolkit), several or none (all) a multilingual file" }, "--to", "--langs");
        var since = new Option<string?>("--since") { HelpName = "DATE", Description = "Only units changed since this date (yyyy-MM-dd or ISO 8601)" };
        var format = CommonOptions.SummaryFormat();
        var command = new CliCommand("export", """
            Export the memory as TMX 1.4b. With one --to language (zh or ar) the file is bilingual: one tu per
            translation, holding the English and that language, and only the units that have it. OmegaT and
            translate-toolkit need one such file per target language: from a multilingual file OmegaT puts a unit's
            Arabic into a Chinese project (and the reverse), and translate-toolkit reads only a unit's second tuv.
            With --to ar,zh, or no --to, the file is multilingual (one tu per unit, all its languages), which
            aligntool import reads.
            """,
            "aligntool export --tm my.db --to zh --out my.en-zh.tmx",
            "aligntool export --tm my.db --to ar,zh --out my.tmx") { tm, output };
        src.AddTo(command);
        langs.AddTo(command);
        command.Add(since);
        command.Add(format);
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            if (LanguageTag.Normalize(src.Get(parse)!) != LanguageTag.English) throw CliException.Usage("--from must be en: the memory's units are English");
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } s)
            {
                if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) throw CliException.Usage($"--since: '{s}' is not a date");
                from = d;
            }
            var options = new TmxExportOptions
            {
                Languages = langs.Get(parse)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LanguageTag.Normalize).ToList(),
                Since = from,
                ToolVersion = typeof(ExportCommand).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
            };
            var path = parse.GetValue(output)!;
            bool jsonl = parse.GetValue(format) == OutputFormat.Jsonl;
            if (path == OutputFiles.Stdout && jsonl) throw CliException.Usage("--format jsonl prints a summary on stdout: give --out a file, not '-'");
            OutputFiles.Check(path);
            using var memory = MemoryAccess.Open(parse.GetValue(tm), context, MemoryUse.Read);
            int count;
            // On a terminal: units written out of the memory's units (fewer are written with --to or --since).
            int Write(Stream stream) => ProgressDisplay.Run(context, "exporting", context.ErrorIsTerminal ? memory.Stats().Units : null, sink =>
                TmxExchange.Export(memory, stream, options, Clock(context), new ImmediateProgress<int>(n => sink.Report(n))));
            if (path == OutputFiles.Stdout)
            {
                using var stdout = context.OpenStdout();
                count = Write(stdout);
                stdout.Flush();
            }
            else
            {
                var temp = path + ".partial";
                try
                {
                    using (var stream = File.Create(temp)) count = Write(stream);
                    File.Move(temp, path, overwrite: true); // a reader never sees half a file
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    File.Delete(temp);
                    throw CliException.BadInput(path, "cannot be written: " + e.Message);
                }
            }
            context.Note($"exported {count} unit(s) to {(path == OutputFiles.Stdout ? "stdout" : path)}");
            if (jsonl) new Jsonl(context.Out).Write(w => { w.WriteString("file", path); w.WriteNumber("units", count); });
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The system clock, or the fixed time of <c>SOURCE_DATE_EPOCH</c> for reproducible files.</summary>
    internal static TimeProvider Clock(CliContext context) =>
        long.TryParse(context.Environment.GetValueOrDefault("SOURCE_DATE_EPOCH"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? new FixedClock(DateTimeOffset.FromUnixTimeSeconds(epoch))
            : TimeProvider.System;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
