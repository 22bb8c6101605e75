using System.Diagnostics;
using System.Text;
using AlignTool.Core.Documents;

namespace AlignTool.Core.Tests.Documents;

[TestClass]
public sealed class MarkdownLimitsTests
{
    private static string Lines(int n, Func<int, string> line)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append(line(i)).Append('\n');
        return sb.ToString();
    }

    public static IEnumerable<object[]> TooDeep =>
    [
        // 3,000 nested bullets took Markdig 56 s before it gave up; 1,500 numbered items 7 s.
        ["nested bullets", Lines(3000, i => new string(' ', 2 * i) + "- a")],
        ["nested numbered items", Lines(1500, i => new string(' ', 4 * i) + "1. a")],
        ["bullets on one line", string.Concat(Enumerable.Repeat("- ", 3000)) + "x\n"],
        ["block quotes", new string('>', 20000) + " x\n"],
        ["block quotes and lists", string.Concat(Enumerable.Repeat("> - ", 1500)) + "x\n"],
        ["brackets", new string('[', 50000) + "x" + new string(']', 50000) + "\n"],
        ["emphasis", "intro\n\n" + new string('*', 50000) + "x" + new string('*', 50000) + "\n"],
    ];

    /// <summary>Milliseconds within which a refusal comes: well under what parsing such input took (37 s to
    /// minutes), well over what a loaded machine takes to refuse it (under a second when quiet).</summary>
    private const int RefusedWithin = 10_000;

    [TestMethod]
    [DynamicData(nameof(TooDeep))]
    public void Parse_NestingPastTheLimit_IsRefusedAtOnce(string what, string markdown)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<MarkdownLimitException>(() => new DocumentParser().Parse("deep.md", markdown), what);
        // Refused before the parse, not after it (which took minutes): the bound is far from both, so that a machine
        // busy with other builds does not fail it.
        Assert.IsLessThan(RefusedWithin, clock.ElapsedMilliseconds, $"{what}: {clock.ElapsedMilliseconds} ms");
        StringAssert.Contains(e.Message, $"{MarkdownLimits.MaxDepth} levels");
    }

    [TestMethod]
    public void Parse_AParagraphPastTheLimit_IsRefusedAtOnceWithItsFirstLine()
    {
        // One line of 9 MB took 37 s and 520 MB to prefill.
        var words = string.Join(' ', Enumerable.Repeat("the Council session", 200_000));
        var markdown = "Title\n\nA short paragraph.\n\n" + words + "\n" + words + "\n";
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<MarkdownLimitException>(() => new DocumentParser().Parse("long.md", markdown));
        Assert.IsLessThan(RefusedWithin, clock.ElapsedMilliseconds);
        Assert.AreEqual(5, e.Line);
        StringAssert.Contains(e.Message, "1,000,000 characters");
    }

    [TestMethod]
    public void Check_LongTextInShortParagraphs_IsAccepted()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("the Council session", 1_000)) + "\n\n";
        MarkdownLimits.Check(string.Concat(Enumerable.Repeat(paragraph, 200))); // 4 MB in all
    }

    [TestMethod]
    public void Check_NestedBullets_NamesTheFirstLinePastTheLimit()
    {
        var markdown = Lines(200, i => new string(' ', 2 * i) + "- a");
        var e = Assert.ThrowsExactly<MarkdownLimitException>(() => MarkdownLimits.Check(markdown));
        Assert.AreEqual(MarkdownLimits.MaxDepth + 1, e.Line); // line n is nested n deep
    }

    [TestMethod]
    public void Parse_NestingWithinTheLimitAndLongRules_AreRead()
    {
        var markdown = Lines(20, i => new string(' ', 2 * i) + "- item " + i)
            + "\n" + string.Concat(Enumerable.Repeat("- ", 200)) + "\n\n" + new string('_', 500) + "\n\n"
            + new string(' ', 60) + "- 2 -\n";
        var doc = new DocumentParser().Parse("ok.md", markdown);
        Assert.IsTrue(doc.Blocks.Any(b => b.Text.Contains("item 19", StringComparison.Ordinal)));
    }
}
