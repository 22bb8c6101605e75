namespace AlignTool.Core.Memory.Storage;

/// <summary>How much of a unit's history a read of units brings with each variant.</summary>
public enum UnitDetail
{
    /// <summary>The variant's first occurrence and its most recent ones (up to a backend's limit): where it comes
    /// from and the contexts it was seen in, for exact and context matches, concordance and export.</summary>
    Full,

    /// <summary>The variant's first occurrence still stored only: where it comes from, all a fuzzy match shows.
    /// Its <see cref="StoredVariant.Documents"/> hold at most that document's name.</summary>
    Origin,
}
