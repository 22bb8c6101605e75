namespace AlignTool.Memory.Sqlite.Tests;

[TestClass]
public sealed class PostingCodecTests
{
    private static (long[] Ids, List<(int, int)> Runs) Runs(params long[][] runs)
    {
        var ids = new List<long>();
        var spans = new List<(int, int)>();
        foreach (var run in runs)
        {
            spans.Add((ids.Count, run.Length));
            ids.AddRange(run);
        }
        return ([.. ids], spans);
    }

    private static long[] Ascending(long[] ids, List<(int, int)> runs)
    {
        var into = new List<long>();
        PostingCodec.Ascending(ids, runs, into);
        return [.. into];
    }

    [TestMethod]
    public void Ascending_RunsThatFollowOneAnother_AreLaidEndToEnd()
    {
        // As a flush merges them: the new postings first, then the chunks from the newest to the oldest.
        var (ids, runs) = Runs([900, 950], [], [500, 600, 700], [1, 2, 300]);
        CollectionAssert.AreEqual(new long[] { 1, 2, 300, 500, 600, 700, 900, 950 }, Ascending(ids, runs));
    }

    [TestMethod]
    public void Ascending_OverlappingRuns_AreSorted()
    {
        // Ids freed by a removal are given again: a new run can fall inside an older one.
        var (ids, runs) = Runs([5, 6, 40], [1, 10, 20, 30], [50]);
        CollectionAssert.AreEqual(new long[] { 1, 5, 6, 10, 20, 30, 40, 50 }, Ascending(ids, runs));
    }

    [TestMethod]
    public void EncodeThenDecode_GivesTheIdsBack()
    {
        long[] ids = [3, 4, 200, 70_000, 1L << 40];
        var buffer = new byte[PostingCodec.MaxBytes(ids.Length)];
        var chunk = buffer.AsSpan(0, PostingCodec.Encode(ids, buffer));
        var back = new long[chunk.Length];
        int n = PostingCodec.Decode(chunk, back);
        CollectionAssert.AreEqual(ids, back[..n]);
    }
}
