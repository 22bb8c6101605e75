using System.Globalization;
using AlignTool.Core.Data;

namespace AlignTool.Core.Alignment;

/// <summary>
/// Gale–Church's length model with both of its parameters learned from the pair: <see cref="Ratio"/>, target length
/// per unit of source length, and <see cref="Variance"/>, the variance of a target length per unit of length. A bead
/// of source length ls and target length lt deviates by δ = (lt − c·ls) / √(s²·(c·ls + lt)/2); its cost is
/// −log 2(1 − Φ(|δ|)).
/// </summary>
internal sealed record LengthModel(double Ratio, double Variance)
{
    /// <summary>Gale and Church's variance (6.8 characters per character, French–English), scaled to the target's unit:
    /// the start before the pair's own is estimated.</summary>
    public static LengthModel Initial(double ratio) => new(ratio, 6.8 * ratio);

    /// <summary>Fewest sentences on each side for the ratio of a pair's totals to be trusted: in a short pair one
    /// sentence missing from a side skews it.</summary>
    private const int MinSentencesForTotals = 20;

    /// <summary>The model to start from: the language pair's known one (<c>tm-data/rules/alignment/length.tsv</c>, read
    /// either way round) for a short pair, else the ratio of the pair's totals with Gale and Church's variance.</summary>
    public static LengthModel Start(string sourceLang, string targetLang, double totalsRatio, int sentences)
    {
        if (sentences < MinSentencesForTotals && Known(sourceLang, targetLang) is { } known) return known;
        return Initial(totalsRatio);
    }

    private static readonly Lazy<Dictionary<(string, string), LengthModel>> Table = new(() =>
    {
        var table = new Dictionary<(string, string), LengthModel>();
        foreach (var row in EmbeddedData.Rows(EmbeddedData.ReadRule("alignment/length.tsv"), 4))
        {
            double ratio = double.Parse(row[2], CultureInfo.InvariantCulture), variance = double.Parse(row[3], CultureInfo.InvariantCulture);
            table[(row[0], row[1])] = new LengthModel(ratio, variance);
            // The other way round: source letters per target letter; the variance in the new target's unit.
            table[(row[1], row[0])] = new LengthModel(1 / ratio, variance / (ratio * ratio) * ratio);
        }
        return table;
    });

    /// <summary>The language pair's known model, or null.</summary>
    public static LengthModel? Known(string sourceLang, string targetLang) => Table.Value.GetValueOrDefault((sourceLang, targetLang));

    /// <summary>Median of the χ² distribution with one degree of freedom: the median of δ² when the model is right.</summary>
    private const double MedianChiSquare1 = 0.4549;

    /// <summary>The ratio and variance of the given 1-1 pairs (source length, target length). The variance is
    /// estimated from the median squared deviation, so that a few wrong pairs do not inflate it.</summary>
    public static LengthModel Estimate(IReadOnlyList<(double Source, double Target)> pairs, LengthModel fallback)
    {
        var usable = pairs.Where(p => p.Source > 0 && p.Target > 0).ToList();
        if (usable.Count < 20) return fallback;
        double ratio = usable.Sum(p => p.Target) / usable.Sum(p => p.Source);
        var squares = usable.Select(p => Square(p.Target - ratio * p.Source) / Math.Max(1, (ratio * p.Source + p.Target) / 2)).Order().ToList();
        double variance = squares[squares.Count / 2] / MedianChiSquare1;
        return new LengthModel(ratio, Math.Clamp(variance, 0.05 * ratio, 50 * ratio));
    }

    private static double Square(double x) => x * x;

    public double Cost(double sourceLength, double targetLength)
    {
        double delta = (targetLength - Ratio * sourceLength) / Math.Sqrt(Variance * Math.Max(1, (Ratio * sourceLength + targetLength) / 2));
        return -Math.Log(Math.Max(1e-12, 2 * (1 - Phi(Math.Abs(delta)))));
    }

    /// <summary>Standard normal distribution function (Abramowitz–Stegun 26.2.17).</summary>
    private static double Phi(double x)
    {
        double t = 1 / (1 + 0.2316419 * Math.Abs(x));
        double d = 0.3989423 * Math.Exp(-x * x / 2);
        double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
        return x >= 0 ? 1 - p : p;
    }
}
