namespace AlignTool.Cli.Infrastructure;

/// <summary>Reports at once, on the working thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
