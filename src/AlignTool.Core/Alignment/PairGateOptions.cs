namespace AlignTool.Core.Alignment;

/// <summary>The thresholds of <see cref="PairGate"/>.</summary>
public sealed record PairGateOptions
{
    public static readonly PairGateOptions Default = new();

    /// <summary>Beads at or above this confidence are stored; the rest are written for review. 0.5: on the UN sets, 95%
    /// of correct beads reach it.</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>A pair whose sentences aligned with <see cref="PlausibleConfidence"/> or more are fewer than this share of
    /// all its sentences is refused: translations of one document align almost wholly, two different documents hardly
    /// at all (two notes verbales of one mission, 33%).</summary>
    public double MinAlignedShare { get; init; } = 0.5;

    /// <summary>The confidence at which a bead counts as aligned when the pair as a whole is judged: fixed, so that a
    /// stricter <see cref="MinConfidence"/> for storing never makes a translation look like another document.</summary>
    public double PlausibleConfidence { get; init; } = 0.5;

    /// <summary>A translation with more than this share of sentences in the source language (or marked <c>[EN]</c>)
    /// is refused: it is a draft, not a translation.</summary>
    public double MaxUntranslatedShare { get; init; } = 0.2;
}
