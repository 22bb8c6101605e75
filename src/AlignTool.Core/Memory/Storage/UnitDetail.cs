namespace AlignTool.Core.Memory.Storage;

/// <summary>How much of a unit's history a read of units brings with each variant.</summary>
public enum UnitDetail
{
    /// <summary>The variant's first occurrence and its most recent ones (up to a backend's limit): where it comes
    /// from and the contexts it was seen in, for concordance and whoever shows a unit's history.</summary>
    Full,

    /// <summary>The variant's first occurrence still stored only: where it comes from, all a lookup's match shows (a
    /// lookup asks <see cref="ITranslationMemory.SeenInContext"/> for a context the origin is not).
    /// Its <see cref="StoredVariant.Documents"/> hold at most that document's name.</summary>
    Origin,
}
