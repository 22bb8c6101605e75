using Spectre.Console;

namespace AlignTool.Cli.Infrastructure;

/// <summary>
/// Progress of a long command on stderr (Spectre.Console): what is being done, a bar, the percentage and the time
/// left. Only when stderr is a terminal; elsewhere the work runs with a sink that writes nothing but its lines.
/// <c>NO_COLOR</c> (set to anything) turns colour off.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(CliContext context, string description, double? total, Func<IProgressSink, T> work)
    {
        if (!context.ErrorIsTerminal) return work(new Silent(context));
        var console = Console(context);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = work(new Bar(task, console));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }

    public static void Run(CliContext context, string description, double? total, Action<IProgressSink> work) =>
        Run(context, description, total, sink => { work(sink); return 0; });

    /// <summary>The console of stderr, colour off under <c>NO_COLOR</c> (https://no-color.org).</summary>
    internal static IAnsiConsole Console(CliContext context) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(context.Err),
        Ansi = AnsiSupport.Detect,
        Interactive = InteractionSupport.Yes,
        ColorSystem = NoColor(context) ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        EnvironmentVariables = context.Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!),
    });

    internal static bool NoColor(CliContext context) => !string.IsNullOrEmpty(context.Environment.GetValueOrDefault("NO_COLOR"));

    private sealed class Silent(CliContext context) : IProgressSink
    {
        public void Report(double value) { }

        public void SetTotal(double total) { }

        public void Describe(string description) { }

        public void Line(string line) => context.Err.WriteLine(line);
    }

    private sealed class Bar(ProgressTask task, IAnsiConsole console) : IProgressSink
    {
        public void Report(double value) => task.Value = Math.Min(value, task.MaxValue);

        public void SetTotal(double total)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, total);
        }

        public void Describe(string description) => task.Description = Markup.Escape(description);

        public void Line(string line) => console.WriteLine(line);
    }
}
