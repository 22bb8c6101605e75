namespace AlignTool.Cli.Infrastructure;

/// <summary>What a command writes to and reads from: the streams and the environment, injected so tests run in-process.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment, bool errorIsTerminal = false,
    Func<Stream>? stdin = null, Func<Stream>? stdout = null)
{
    /// <summary>Standard input as bytes, for <c>-</c> given as an input file.</summary>
    public Stream OpenStdin() => (stdin ?? Console.OpenStandardInput)();

    /// <summary>Standard output as bytes, for <c>-</c> given as a binary output (a TMX file); <see cref="Out"/> is flushed first.</summary>
    public Stream OpenStdout()
    {
        Out.Flush();
        return (stdout ?? Console.OpenStandardOutput)();
    }

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    /// <summary>Progress bars are drawn only when stderr is a terminal.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public bool Verbose { get; set; }

    public void Warn(string? file, string message) =>
        Err.WriteLine($"aligntool: warning: {(file is null ? "" : file + ": ")}{message}");

    public void Note(string message) => Err.WriteLine(message);

    public static CliContext FromProcess() =>
        new(Console.Out, Console.Error,
            System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value),
            !Console.IsErrorRedirected);
}
