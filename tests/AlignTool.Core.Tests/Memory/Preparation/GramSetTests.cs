
using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Tests.Memory.Preparation;

[TestClass]
public sealed class GramSetTests
{
    [TestMethod]
    public void Add_KeepsEachGramOnce_InTheOrderFirstMet_AcrossClearsAndGrowth()
    {
        var rng = new Random(7);
        var set = new GramSet();
        for (int text = 0; text < 2_000; text++)
        {
            set.Clear();
            // Mostly short texts, some long enough to make the table grow; small ranges give repeats, and keys that
            // differ only in their high bits land on the same slot before the mix.
            int n = text % 100 == 0 ? rng.Next(500, 3_000) : rng.Next(0, 60);
            var expected = new List<long>();
            var seen = new HashSet<long>();
            for (int k = 0; k < n; k++)
            {
                long gram = (text % 3) switch
                {
                    0 => rng.NextInt64(),
                    1 => rng.Next(0, 40),
                    _ => (long)rng.Next(0, 50) << 56,
                };
                set.Add(gram);
                if (seen.Add(gram)) expected.Add(gram);
            }
            CollectionAssert.AreEqual(expected, set.Items.ToArray(), $"text {text}");
        }
    }

    [TestMethod]
    public void Clear_ForgetsTheGramsOfTheTextBefore()
    {
        var set = new GramSet();
        set.Add(42);
        set.Add(43);
        set.Clear();
        set.Add(43);
        CollectionAssert.AreEqual(new long[] { 43 }, set.Items.ToArray());
    }
}
