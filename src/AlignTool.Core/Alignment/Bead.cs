namespace AlignTool.Core.Alignment;

/// <summary>A bead: source sentence ids and target sentence ids aligned together, with its confidence (0–1).</summary>
public sealed record Bead(IReadOnlyList<int> Source, IReadOnlyList<int> Target, double Confidence)
{
    public bool IsDeletion => Source.Count == 0 || Target.Count == 0;

    public string Shape => $"{Source.Count}-{Target.Count}";
}
