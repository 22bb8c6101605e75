using AlignTool.Core.Text;

using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Core.Tests.Memory.Ingest;

[TestClass]
public sealed class ParallelPreparationTests
{
    private static IEnumerable<string> Sentences()
    {
        foreach (var seed in new[] { TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed003, TestData.Seed004 })
        {
            foreach (var line in TestData.SeedText(seed).Split('\n'))
                if (line.Trim().Length > 10) yield return line.Trim();
        }
    }

    private static PreparedUnit Unit(TextPreparer preparer, string text) => new(preparer.Prepare(text, Language.English), []);

    [TestMethod]
    public void Prepare_InParallel_GivesWhatASerialPreparationGives_InSourceOrder()
    {
        var source = Sentences().ToList();
        Assert.IsGreaterThan(100, source.Count);
        var serialPreparer = new TextPreparer();
        var serial = source.Select(t => Unit(serialPreparer, t)).ToList();
        var parallel = ParallelPreparation.Prepare(source, Unit, new PreparationOptions { BatchSize = 7, Workers = 2, Ahead = 3 }).ToList();
        Assert.HasCount(serial.Count, parallel);
        for (int i = 0; i < serial.Count; i++)
        {
            var (a, b) = (serial[i].English, parallel[i].English);
            Assert.AreEqual((a.Text, a.Norm, a.NormHash, a.Template, a.TemplateHash, a.Length), (b.Text, b.Norm, b.NormHash, b.Template, b.TemplateHash, b.Length), $"unit {i}");
            CollectionAssert.AreEquivalent(a.Grams.ToList(), b.Grams.ToList());
        }
    }

    [TestMethod]
    public void Prepare_AFailingUnit_SurfacesItsOwnException()
    {
        var source = Enumerable.Range(0, 50).Select(i => $"Paragraph {i}");
        var units = ParallelPreparation.Prepare(source, (p, t) => t == "Paragraph 33" ? throw new FormatException("bad unit 33") : Unit(p, t), new PreparationOptions { BatchSize = 4, Workers = 2, Ahead = 2 });
        var e = Assert.ThrowsExactly<FormatException>(() => units.ToList());
        Assert.AreEqual("bad unit 33", e.Message);
    }

    [TestMethod]
    public void Prepare_WhileTheWorkersAreBusy_TheConsumerPreparesBatchesItself()
    {
        // The workers cannot go on until the consumer has prepared a unit itself: without that, they time out and fail.
        int consumer = Environment.CurrentManagedThreadId;
        using var gate = new ManualResetEventSlim();
        int byConsumer = 0;
        PreparedUnit Prepare(TextPreparer p, string text)
        {
            if (Environment.CurrentManagedThreadId == consumer)
            {
                byConsumer++;
                gate.Set();
            }
            else if (!gate.Wait(TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException("the consumer never prepared a batch while it waited");
            }
            return Unit(p, text);
        }
        var source = Enumerable.Range(0, 60).Select(i => $"Paragraph {i} of the annex").ToList();
        var units = ParallelPreparation.Prepare(source, Prepare, new PreparationOptions { BatchSize = 5, Workers = 1, Ahead = 3 }).ToList();
        CollectionAssert.AreEqual(source, units.Select(u => u.English.Text).ToList(), "in source order, whoever prepared them");
        Assert.IsGreaterThanOrEqualTo(5, byConsumer);
    }

    [TestMethod]
    public void Prepare_ReadsTheSourceOnlyAFewBatchesAhead()
    {
        int read = 0;
        IEnumerable<string> Source()
        {
            for (int i = 0; i < 10_000; i++)
            {
                read++;
                yield return $"Paragraph {i}";
            }
        }
        using var e = ParallelPreparation.Prepare(Source(), Unit, new PreparationOptions { BatchSize = 10, Workers = 2, Ahead = 2 }).GetEnumerator();
        Assert.IsTrue(e.MoveNext());
        Assert.IsLessThanOrEqualTo(30, read, "memory stays bounded: a million units are never all held");
    }
}
