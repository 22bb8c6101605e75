using AlignTool.Core.Memory.Lookup;

namespace AlignTool.Core.Tests.Memory.Lookup;

[TestClass]
public sealed class FuzzyUnitsTests
{
    [TestMethod]
    public void Reader_NumbersTheSameTextAlike_AndIsReplacedOnceItHasNumberedItsLimit()
    {
        // French: a language no other test reads, so that this one alone fills its reader; a limit of 1,000 texts
        // stands for the product's (FuzzyUnits.MaxNumbered).
        const int limit = 1_000;
        var reader = FuzzyUnits.For("fr", limit);
        Assert.AreSame(reader, FuzzyUnits.For("fr", limit));
        var a = reader.Read(["conseil", "des", "droits", "conseil"]);
        Assert.AreEqual(a[0].TextId, a[3].TextId);
        Assert.AreNotEqual(a[0].TextId, a[1].TextId);

        // A server's long run of new texts (here numbers, each a text of its own).
        reader.Read(Enumerable.Range(0, limit).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        var next = FuzzyUnits.For("fr", limit);
        Assert.AreNotSame(reader, next);
        var b = next.Read(["conseil", "des", "droits", "conseil"]);
        Assert.AreEqual(b[0].TextId, b[3].TextId);
        Assert.IsTrue(b.All(u => u.TextId < 3), "the new reader numbers from the start");
    }
}
