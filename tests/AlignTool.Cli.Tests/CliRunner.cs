using AlignTool.Cli;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Tests;

/// <summary>Runs the <c>aligntool</c> command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    public static Result Run(IReadOnlyDictionary<string, string?> environment, params string[] args) => Run(environment, [], args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input; what is written to stdout as bytes (a TMX file to
    /// <c>-</c>) follows what was written as text.</summary>
    public static Result Run(IReadOnlyDictionary<string, string?> environment, byte[] stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var bytes = new MemoryStream();
        var context = new CliContext(output, error, environment, stdin: () => new MemoryStream(stdin, writable: false), stdout: () => bytes);
        int code = App.Run(args, context);
        return new Result(code, output.ToString() + System.Text.Encoding.UTF8.GetString(bytes.ToArray()), error.ToString());
    }

    public static Result WithStdin(string stdin, params string[] args) => Run(new Dictionary<string, string?>(), System.Text.Encoding.UTF8.GetBytes(stdin), args);
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aligntool-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] content)
    {
        var p = File(name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
