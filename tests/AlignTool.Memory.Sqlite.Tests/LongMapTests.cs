using AlignTool.Memory.Sqlite;

namespace AlignTool.Memory.Sqlite.Tests;

/// <summary>The writer's open-addressing table keeps every key it is given, through growth, whatever the keys.</summary>
[TestClass]
public sealed class LongMapTests
{
    [TestMethod]
    public void Keys_added_are_found_with_their_values_through_growth_and_others_are_not()
    {
        var map = new LongMap<long>(4);
        var rng = new Random(7);
        var expected = new Dictionary<long, long>();
        // Hash-like keys, and the awkward ones: zero, negatives, the extremes, keys that differ only in high bits.
        long[] awkward = [0, -1, 1, long.MinValue, long.MaxValue, 1L << 40, 2L << 40, 3L << 40];
        foreach (var key in awkward.Concat(Enumerable.Range(0, 100_000).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue))))
        {
            ref long value = ref map.GetOrAdd(key, out bool exists);
            Assert.AreEqual(expected.ContainsKey(key), exists);
            if (!exists) value = key ^ 0x5555;
            expected[key] = key ^ 0x5555;
        }
        Assert.AreEqual(expected.Count, map.Count);
        foreach (var (key, value) in expected)
        {
            Assert.IsTrue(map.TryGetValue(key, out long found), $"{key}");
            Assert.AreEqual(value, found);
        }
        for (int i = 0; i < 10_000; i++)
        {
            long other = rng.NextInt64(long.MinValue, long.MaxValue);
            Assert.AreEqual(expected.ContainsKey(other), map.TryGetValue(other, out _));
        }
    }

    [TestMethod]
    public void A_value_set_through_the_reference_stays_and_a_second_add_sees_it()
    {
        var map = new LongMap<int>();
        map.GetOrAdd(42, out _) = 7;
        ref int again = ref map.GetOrAdd(42, out bool exists);
        Assert.IsTrue(exists);
        Assert.AreEqual(7, again);
        again = 8;
        Assert.IsTrue(map.TryGetValue(42, out int value));
        Assert.AreEqual(8, value);
        Assert.AreEqual(1, map.Count);
    }

    [TestMethod]
    public void Clear_empties_the_table_and_it_fills_again()
    {
        var map = new LongMap<int>(16);
        for (int i = 0; i < 1000; i++) map.GetOrAdd(i * 7919L, out _) = i;
        map.Clear();
        Assert.AreEqual(0, map.Count);
        Assert.IsFalse(map.TryGetValue(7919, out _));
        map.GetOrAdd(7919, out bool exists) = 5;
        Assert.IsFalse(exists);
        Assert.IsTrue(map.TryGetValue(7919, out int v));
        Assert.AreEqual(5, v);
    }
}
