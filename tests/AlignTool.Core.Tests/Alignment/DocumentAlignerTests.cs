using AlignTool.Core.Alignment;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class DocumentAlignerTests
{
    private static string[] Lines(string lang) => File.ReadAllLines(Path.Combine(TestData.RepoRoot, "tests", "fixtures", $"un-2015-{lang}.txt"));

    private static List<IReadOnlyList<string>> Blocks(string[] lines, int size) =>
        [.. lines.Chunk(size).Select(c => (IReadOnlyList<string>)c.ToList())];

    [TestMethod]
    [DataRow("ar")]
    [DataRow("zh")]
    public void Align_AParagraphMissingFromTheTranslation_DoesNotDerailTheRest(string lang)
    {
        // 30 paragraphs of four real UN sentences; the translation lacks paragraph 12.
        var en = Blocks(Lines("en"), 4);
        var other = Blocks(Lines(lang), 4);
        other.RemoveAt(12);
        var beads = new DocumentAligner().Align(en, "en", other, lang);
        var missing = Enumerable.Range(48, 4).ToHashSet();
        Assert.IsTrue(missing.All(i => beads.Any(b => b.Source.SequenceEqual([i]) && b.Target.Count == 0)), "the missing paragraph's sentences are deletions");
        int right = beads.Count(b => b.Source.Count == 1 && b.Target.Count == 1 && b.Target[0] == (b.Source[0] < 48 ? b.Source[0] : b.Source[0] - 4));
        Assert.IsGreaterThanOrEqualTo(110, right);
    }

    [TestMethod]
    public void Align_FewBlocks_IsTheSentenceAlignersResult()
    {
        var en = Lines("en").Take(30).ToArray();
        var ar = Lines("ar").Take(30).ToArray();
        var flat = new SentenceAligner().Align(en, "en", ar, "ar");
        var byBlocks = new DocumentAligner().Align([en], "en", [ar], "ar");
        CollectionAssert.AreEqual(flat.Select(b => b.Shape + string.Join(",", b.Source)).ToList(), byBlocks.Select(b => b.Shape + string.Join(",", b.Source)).ToList());
    }
}
