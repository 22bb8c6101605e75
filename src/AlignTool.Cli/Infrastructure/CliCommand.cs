using System.CommandLine;

namespace AlignTool.Cli.Infrastructure;

/// <summary>A command with examples, which <c>aligntool COMMAND --help</c> prints after the options.</summary>
internal sealed class CliCommand(string name, string description, params string[] examples) : Command(name, description)
{
    public IReadOnlyList<string> Examples { get; } = examples;
}
