namespace AlignTool.Core.Alignment;

/// <summary>How the aligner works; every weight is named, with its reason.</summary>
public sealed record AlignOptions
{
    public static readonly AlignOptions Default = new();

    /// <summary>Half-width of the search band around the diagonal, in sentences (at least; it widens with the
    /// difference in counts, and doubles when the best path runs along its edge): memory stays linear in the length.</summary>
    public int Band { get; init; } = 50;

    /// <summary>Weight of a mismatch of sentence-final and quoting punctuation (? ! : ; quotes) between the sides:
    /// no length model sees it, and translators keep it.</summary>
    public double PunctuationWeight { get; init; } = 0.5;

    /// <summary>Weight of a number (digits in any numeral system) present on one side only.</summary>
    public double NumberWeight { get; init; } = 1.0;

    /// <summary>Weight of the lexical score, per sentence: the share of a sentence's known words whose translation
    /// is not found on the other side of its bead.</summary>
    public double LexicalWeight { get; init; } = 8.0;

    /// <summary>Induce a word list from the confident beads of a first pass and realign with it (as hunalign's realign).</summary>
    public bool Realign { get; init; } = true;

    /// <summary>Beads below this confidence are flagged for review.</summary>
    public double ReviewBelow { get; init; } = 0.5;

    /// <summary>A bilingual word list: source word → target words (the user's, optional).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Dictionary { get; init; }

    /// <summary>A word list known before the pair is read: induced from the pairs a memory holds (optional).</summary>
    public BilingualLexicon? Lexicon { get; init; }
}
