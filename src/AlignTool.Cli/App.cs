using System.CommandLine;
using AlignTool.Cli.Commands;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli;

/// <summary>The <c>aligntool</c> command line: parses arguments, runs a command, turns failures into one line and an exit code.</summary>
internal static class App
{
    private static string DidYouMean(string typed, Command parent) =>
        Suggestions.Nearest(typed, parent.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) is { } near ? $" (did you mean '{near}'?)" : "";

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
            MergeCommand.Create(context),
            QaCommand.Create(context),
            GlossaryCommand.Create(context),
            ServeCommand.Create(context),
            BenchCommand.Create(context),
        };
        // Bare 'aligntool' is a request for help, not a mistake.
        if (args.Length == 0) args = ["--help"];
        var parse = root.Parse(args);
        context.Verbose = parse.GetValue(verbose);
        if (args[0] is var first && !first.StartsWith('-') && root.Subcommands.All(c => c.Name != first))
        {
            context.Err.WriteLine($"aligntool: error: '{first}' is not an aligntool command{DidYouMean(first, root)}; see 'aligntool --help'");
            return ExitCodes.Usage;
        }
        if (parse.Errors.Count > 0)
        {
            // One line: the first error (the others usually follow from it), and where the usage is.
            var command = parse.CommandResult.Command;
            var path = string.Join(' ', command.Parents.OfType<Command>().Where(p => p != root).Reverse().Select(p => p.Name).Append(command == root ? "" : command.Name)).Trim();
            var usage = path.Length == 0 ? "aligntool --help" : $"aligntool {path} --help";
            // An unknown option or argument says more than the missing command or argument it left behind.
            var message = (parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0]).Message;
            // An unknown subcommand (bench memroy) gets the nearest one suggested, as an unknown command does.
            if (command.Subcommands.Count > 0 && parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown)
                message = $"'{unknown}' is not an 'aligntool {path}' command{DidYouMean(unknown, command)}";
            // Some of System.CommandLine's messages list the choices on lines of their own.
            message = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
            context.Err.WriteLine($"aligntool: error: {message}; see '{usage}'");
            return ExitCodes.Usage;
        }
        try
        {
            int code = parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Err, EnableDefaultExceptionHandler = false });
            if (parse.Action is System.CommandLine.Help.HelpAction && parse.CommandResult.Command is CliCommand { Examples.Count: > 0 } c)
            {
                context.Out.WriteLine(c.Examples.Count > 1 ? "Examples:" : "Example:");
                foreach (var e in c.Examples) context.Out.WriteLine("  " + e);
                context.Out.WriteLine();
            }
            return code;
        }
        catch (CliException e)
        {
            context.Err.WriteLine(e.Render());
            if (context.Verbose) context.Err.WriteLine(e.ToString());
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Err.WriteLine($"aligntool: error: internal error (a bug in AlignTool: please report it with the output of --verbose): {e.GetType().Name}: {e.Message}");
            if (context.Verbose) context.Err.WriteLine(e.ToString());
            return 70;
        }
    }
}
