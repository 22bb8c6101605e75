namespace AlignTool.Cli.Infrastructure;

/// <summary>A failure reported as one line, <c>aligntool: error: FILE[:LINE[:COL]]: message</c>, with its exit code.</summary>
internal sealed class CliException(int exitCode, string? file, string message, int? line = null, int? column = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public string? File { get; } = file;

    public int? Line { get; } = line;

    public int? Column { get; } = column;

    public string Render()
    {
        var where = File is null ? "" : File + (Line is null ? "" : $":{Line}" + (Column is null ? "" : $":{Column}")) + ": ";
        return $"aligntool: error: {where}{Message}";
    }

    public static CliException BadInput(string file, string message, int? line = null, int? column = null) =>
        new(ExitCodes.BadInput, file, message, line, column);

    public static CliException Usage(string message) => new(ExitCodes.Usage, null, message);
}
