using System.CommandLine;
using AlignTool.Cli.Commands;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli;

/// <summary>The <c>aligntool</c> command line: parses arguments, runs a command, turns failures into one line and an exit code.</summary>
internal static class App
{
    public static int Run(string[] args, CliContext context)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces on errors", Recursive = true };
        var root = new RootCommand("AlignTool: translation memory and alignment for UN documents in Arabic, Chinese and English")
        {
            verbose,
            SegmentCommand.Create(context),
            InspectCommand.Create(context),
            CoverCommand.Create(context),
            AlignCommand.Create(context),
            BuildCommand.Create(context),
            IngestCommand.Create(context),
            LookupCommand.Create(context),
            ConcordanceCommand.Create(context),
            StatsCommand.Create(context),
            DocsCommand.Create(context),
            RemoveCommand.Create(context),
            PrefillCommand.Create(context),
            ExportCommand.Create(context),
            ImportCommand.Create(context),
            QaCommand.Create(context),
            BenchCommand.Create(context),
        };
        var parse = root.Parse(args);
        context.Verbose = parse.GetValue(verbose);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) context.Err.WriteLine($"aligntool: error: {e.Message}");
            context.Err.WriteLine("Run 'aligntool --help' (or 'aligntool COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Err, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            context.Err.WriteLine(e.Render());
            if (context.Verbose) context.Err.WriteLine(e.ToString());
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Err.WriteLine($"aligntool: error: internal error: {e.GetType().Name}: {e.Message}");
            if (context.Verbose) context.Err.WriteLine(e.ToString());
            return 70;
        }
    }
}
