using System.Text.Json;
using AlignTool.Core.Documents;
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
        using var json = JsonDocument.Parse(File.ReadAllBytes(path!));
        var parser = new DocumentParser();
        var segmenter = new Segmenter();
        int passed = 0;
        failures = [];
        foreach (var c in json.RootElement.GetProperty(lang).EnumerateArray())
        {
            var text = c.GetProperty("text").GetString()!;
            var expected = c.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
            bool pdf = c.TryGetProperty("options", out var o) && o.TryGetProperty("doc_type", out var d) && d.GetString() == "pdf";
            var doc = parser.Parse("case", text, new ParseOptions { Format = InputFormat.Plain, Language = lang, LineBreaks = pdf ? LineBreakMode.Space : LineBreakMode.Auto });
            var actual = doc.Blocks.SelectMany(b => segmenter.Segment(b.Text, b.Lang).Select(s => s.Of(b.Text).Trim())).ToList();
            if (actual.SequenceEqual(expected)) passed++;
            else failures.Add($"#{c.GetProperty("id").GetInt32()}: {string.Join(" | ", actual)}");
        }
        return passed;
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
