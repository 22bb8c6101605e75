namespace AlignTool.Cli.Infrastructure;

/// <summary>Where a command reports how far it got: a bar on a terminal, nothing elsewhere (<see cref="ProgressDisplay"/>).</summary>
internal interface IProgressSink
{
    /// <summary>How far the work got, out of the total the display was started with (or set since).</summary>
    void Report(double value);

    /// <summary>The total, once known (an import learns its size in bytes; an export counts the units first).</summary>
    void SetTotal(double total);

    /// <summary>What the work is doing now (the file being ingested, the units read so far).</summary>
    void Describe(string description);

    /// <summary>A line for the user above the bar (an error on one file of many), or on stderr when there is no bar.</summary>
    void Line(string line);
}
