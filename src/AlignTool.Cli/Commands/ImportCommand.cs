using System.CommandLine;
using System.Security.Cryptography;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Interchange;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool import X.tmx</c>: a TMX file into the memory, in one transaction.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A TMX file (1.1–1.4; UTF-8 or UTF-16)" };
        var tm = MemoryAccess.TmOption();
        var command = new Command("import", "Import a TMX file into the memory (all or nothing; duplicates merge, usage counts add)") { file, tm };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            string hash;
            if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give a TMX file");
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
                // A large file takes minutes: on a terminal, the units read so far (the summary comes at the end).
                var progress = context.ErrorIsTerminal ? new ImmediateProgress(n => context.Err.Write($"\rread {n:N0} unit(s)…")) : null;
                report = TmxExchange.Import(memory, input, Path.GetFileName(path), hash, MemoryAccess.Author(context), ExportCommand.Clock(context), progress: progress);
                if (progress is not null) context.Err.Write("\r");
            }
            catch (TmxException e)
            {
                throw CliException.BadInput(path, e.Message.TrimEnd('.') + "; nothing was imported", e.Line, e.Column);
            }
            if (report.AlreadyPresent) context.Note($"{path}: already imported; nothing added");
            else context.Note($"imported {path}: {report.Units} unit(s) read, {report.Added} new unit(s), {report.VariantsAdded} new variant(s){(report.SkippedWithoutSource > 0 ? $", {report.SkippedWithoutSource} without an English segment skipped" : "")}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Reports at once, on the importing thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class ImmediateProgress(Action<int> write) : IProgress<int>
    {
        public void Report(int value) => write(value);
    }
}
