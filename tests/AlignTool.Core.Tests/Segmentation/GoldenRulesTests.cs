using AlignTool.Core.Segmentation;

namespace AlignTool.Core.Tests.Segmentation;

/// <summary>The public golden-rules benchmark (shared/bench/segmentation), read as a spec file.</summary>
[TestClass]
public sealed class GoldenRulesTests
{
    private static int Passes(string lang, out List<string> failures)
    {
        var path = TestData.SharedBench("segmentation/golden-rules.json");
        if (path is null) Assert.Inconclusive("shared/bench/segmentation/golden-rules.json is not beside the repository");
        var result = GoldenRules.Score(File.ReadAllText(path!)).Single(r => r.Lang == lang);
        failures = result.Failures.Select(f => $"#{f.Id}: {string.Join(" | ", f.Actual)}").ToList();
        return result.Passed;
    }

    [TestMethod]
    public void English_PassesAtLeastPySbdsScore()
    {
        int passed = Passes("en", out var failures);
        Assert.IsGreaterThanOrEqualTo(48, passed, string.Join("\n", failures));
    }

    [TestMethod]
    public void Chinese_PassesEveryCase()
    {
        int passed = Passes("zh", out var failures);
        Assert.AreEqual(2, passed, string.Join("\n", failures));
    }

    [TestMethod]
    public void Arabic_FailsOnlyTheColonAndCommaCasesByDesign()
    {
        Passes("ar", out var failures);
        CollectionAssert.AreEquivalent(new[] { "#1", "#4", "#5" }, failures.Select(f => f.Split(':')[0]).ToList(), string.Join("\n", failures));
    }
}
