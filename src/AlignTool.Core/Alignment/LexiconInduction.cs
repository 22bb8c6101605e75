namespace AlignTool.Core.Alignment;

/// <summary>How a word list is induced from sentence pairs (<see cref="BilingualLexicon.Induce"/>).</summary>
public sealed record LexiconInduction
{
    public static readonly LexiconInduction Default = new();

    /// <summary>Fewest pairs a source and a target token must share (fewer is chance).</summary>
    public int MinPairs { get; init; } = 2;

    /// <summary>Lowest Dice coefficient of a kept translation.</summary>
    public double MinDice { get; init; } = 0.2;

    /// <summary>Translations kept per source token, best first.</summary>
    public int MaxTranslations { get; init; } = 3;

    /// <summary>Tokens in more than this share of the pairs are left out (they associate with everything).</summary>
    public double MaxShare { get; init; } = 0.25;
}
