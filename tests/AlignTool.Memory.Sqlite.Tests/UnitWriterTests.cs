namespace AlignTool.Memory.Sqlite.Tests;

[TestClass]
public sealed class UnitWriterTests
{
    private static (List<long> Ids, List<(int, int)> Runs) Runs(params long[][] runs)
    {
        var ids = new List<long>();
        var spans = new List<(int, int)>();
        foreach (var run in runs)
        {
            spans.Add((ids.Count, run.Length));
            ids.AddRange(run);
        }
        return (ids, spans);
    }

    [TestMethod]
    public void Merge_RunsThatFollowOneAnother_AreLaidEndToEnd()
    {
        // As a flush merges them: the new postings first, then the chunks from the newest to the oldest.
        var (ids, runs) = Runs([900, 950], [], [500, 600, 700], [1, 2, 300]);
        CollectionAssert.AreEqual(new long[] { 1, 2, 300, 500, 600, 700, 900, 950 }, UnitWriter.Merge(ids, runs));
    }

    [TestMethod]
    public void Merge_OverlappingRuns_AreSorted()
    {
        // Ids freed by a removal are given again: a new run can fall inside an older one.
        var (ids, runs) = Runs([5, 6, 40], [1, 10, 20, 30], [50]);
        CollectionAssert.AreEqual(new long[] { 1, 5, 6, 10, 20, 30, 40, 50 }, UnitWriter.Merge(ids, runs));
    }
}
