namespace AlignTool.Core.Alignment;

/// <summary>What <see cref="PairGate"/> decided: whether the pair is plausible (and if not, why), the beads to store,
/// the beads for review, the share of sentences aligned with confidence, the share of the translation left untranslated.</summary>
public sealed record PairVerdict(bool Plausible, string? Reason, IReadOnlyList<Bead> Stored, IReadOnlyList<Bead> Review, double AlignedShare, double UntranslatedShare);
