namespace AlignTool.Cli.Infrastructure;

internal enum OutputFormat
{
    Text,
    Jsonl,
}
