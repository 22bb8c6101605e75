namespace AlignTool.Memory.Sqlite.Tests;

[TestClass]
public sealed class PostingBufferTests
{
    [TestMethod]
    public void Drain_GivesEachGramItsIdsInTheOrderAdded_ThenIsEmpty()
    {
        var buffer = new PostingBuffer();
        long big = int.MaxValue; // the highest id held
        buffer.Add([7L, -3L, 1L << 40], 5);
        buffer.Add([-3L], 9);
        buffer.Add([1L << 40, 7L], big);
        Assert.AreEqual(6, buffer.Count);
        var drained = buffer.Drain().Select(g => (g.Gram, Ids: string.Join(",", g.Ids))).ToList();
        CollectionAssert.AreEqual(new[] { (7L, $"5,{big}"), (-3L, "5,9"), (1L << 40, $"5,{big}") }, drained);
        Assert.AreEqual(0, buffer.Count);
        Assert.IsEmpty(buffer.Drain().ToList());
    }

    [TestMethod]
    public void Drain_AGramWithMoreIdsThanTheLastSegment_GetsThemAll()
    {
        var buffer = new PostingBuffer();
        for (long id = 1; id <= 5000; id++) buffer.Add([id % 2 == 0 ? 2L : 1L, 3L], id);
        var drained = buffer.Drain().ToDictionary(g => g.Gram, g => g.Ids.ToArray());
        Assert.HasCount(2500, drained[1]);
        Assert.HasCount(5000, drained[3]);
        CollectionAssert.AreEqual(Enumerable.Range(1, 5000).Select(i => (long)i).ToArray(), drained[3]);
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(-1L)]
    [DataRow(int.MaxValue + 1L)]
    public void Add_AnIdOutsideWhatItHolds_IsRefusedNotTruncated(long id)
    {
        var buffer = new PostingBuffer();
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.Add([1L], id));
        StringAssert.Contains(e.Message, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(0, buffer.Count);
    }
}
