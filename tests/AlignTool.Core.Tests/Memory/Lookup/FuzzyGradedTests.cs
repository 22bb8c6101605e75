using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Lookup;

namespace AlignTool.Core.Tests.Memory.Lookup;

/// <summary>
/// The graded set (<c>fuzzy-graded.tsv</c> beside this file): pairs of a query and a memory text with the band a
/// professional translator would put the match in, and why. The scorer must land each pair in its band.
/// </summary>
[TestClass]
public sealed class FuzzyGradedTests
{
    public static IEnumerable<object[]> Pairs() =>
        File.ReadAllLines(Path.Combine(TestData.RepoRoot, "tests", "AlignTool.Core.Tests", "Memory", "Lookup", "fuzzy-graded.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new object[] { c[0], int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), c[2], c[3], c[4] });

    private static (int Score, List<string> Reasons) Score(string lang, string query, string memory)
    {
        var tokens = new Tokens();
        return FuzzyScorer.Score(tokens.Units(TextNormalizer.Normalize(query), lang), tokens.Units(TextNormalizer.Normalize(memory), lang), lang);
    }

    [TestMethod]
    [DynamicData(nameof(Pairs))]
    public void Score_LandsInTheBandATranslatorWouldGive(string lang, int band, string query, string memory, string why)
    {
        var (score, reasons) = Score(lang, query, memory);
        int top = band switch { 95 => 100, 85 => 94, 75 => 84, 50 => 74, _ => 49 };
        var message = $"{score} ({string.Join(" | ", reasons)}); expected {band}–{top}: {why}";
        Assert.IsTrue(score >= band && score <= top, message);
    }

    [TestMethod]
    [DynamicData(nameof(Pairs))]
    public void Quick_GivesTheScoreThatScoreGives(string lang, int band, string query, string memory, string why)
    {
        var tokens = new Tokens();
        var (q, c) = (tokens.Units(TextNormalizer.Normalize(query), lang), tokens.Units(TextNormalizer.Normalize(memory), lang));
        var units = FuzzyUnits.For(lang);
        var read = units.Read(q);
        Assert.AreEqual(FuzzyScorer.Score(q, c, lang).Score, FuzzyScorer.Quick(read, read.Sum(u => u.Weight), units.Read(c)), $"band {band}: {why}");
    }

    [TestMethod]
    public void TheGradedSet_HasSixtyPairsInEveryBand()
    {
        var pairs = Pairs().ToList();
        Assert.IsGreaterThanOrEqualTo(60, pairs.Count);
        foreach (var band in new[] { 95, 85, 75, 50, 0 }) Assert.IsTrue(pairs.Any(p => (int)p[1] == band), $"band {band}");
        Assert.IsTrue(pairs.Any(p => (string)p[0] == "ar"));
    }

    [TestMethod]
    public void Score_SaysWhy()
    {
        var (score, reasons) = Score("en", "Human rights situation that require Council attention", "Human rights situations that require the Council’s attention");
        Assert.IsGreaterThanOrEqualTo(70, score);
        StringAssert.Contains(reasons[0], "situations→situation: inflection");
        StringAssert.Contains(reasons[0], "-the: function word dropped");
    }

    [TestMethod]
    public void Score_OfAFuzzyMatch_StaysBelowTemplateContextAndExact()
    {
        var (score, _) = Score("en", "The Committee adopted the report of its twentieth session", "The Committee adopted the report of its twentieth session.");
        Assert.AreEqual(FuzzyScorer.MaxFuzzy, score);
    }

    /// <summary>English stems are Snowball's (Porter2): the published examples of its English stemmer.</summary>
    [TestMethod]
    [DataRow("situations", "situat")]
    [DataRow("situation", "situat")]
    [DataRow("council's", "council")]
    [DataRow("generously", "generous")]
    [DataRow("requiring", "requir")]
    [DataRow("consignment", "consign")]
    [DataRow("knightly", "knight")]
    public void EnglishStems_AreSnowballs(string word, string stem) => Assert.AreEqual(stem, FuzzyUnits.Snowball(word));
}
