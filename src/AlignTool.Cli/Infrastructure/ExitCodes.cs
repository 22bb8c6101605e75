namespace AlignTool.Cli.Infrastructure;

/// <summary>Exit codes of every command (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ProblemsFound = 1;
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int MemoryError = 4;
}
