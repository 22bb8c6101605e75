
using AlignTool.Core.Memory.Lookup;

namespace AlignTool.Core.Tests.Memory.Lookup;

[TestClass]
public sealed class IdCounterTests
{
    [TestMethod]
    [DataRow(7919L, 0L)]
    [DataRow(7919L, 1L << 40)]
    public void Counts_AsADictionaryWould_ThroughGrowthAndReuse(long stride, long offset)
    {
        var counter = new IdCounter();
        var rng = new Random(3);
        for (int round = 0; round < 3; round++)
        {
            counter.Reset(); // the first row counts in bytes, the second (ids past the dense range) in the table, which grows
            var expected = new Dictionary<long, int>();
            for (int i = 0; i < 20_000; i++)
            {
                long id = offset + rng.Next(1, 5_000) * stride;
                counter.Add(id);
                expected[id] = expected.GetValueOrDefault(id) + 1;
            }
            for (int i = 0; i < 5_000; i++)
            {
                long id = offset + rng.Next(1, 10_000) * stride;
                counter.AddIfPresent(id);
                if (expected.ContainsKey(id)) expected[id]++;
            }
            Assert.AreEqual(expected.Count, counter.Count);
            var top = counter.Top(25);
            var best = expected.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Take(25).Select(kv => kv.Key).ToList();
            CollectionAssert.AreEqual(best, top, $"round {round}: the most counted first, the newest on a tie");
        }
    }
}
