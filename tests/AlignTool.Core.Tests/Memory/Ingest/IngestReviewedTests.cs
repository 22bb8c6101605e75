using AlignTool.Core.Alignment;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.InMemory;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Tests.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Memory.Ingest;

[TestClass]
public sealed class IngestReviewedTests
{
    // The Chinese of tests/fixtures/pair-zh.md's first paragraph and its English: two sentences each.
    private static readonly string[] English =
    [
        "Today marks the annual International Day for Mine Awareness and Assistance in Mine Action.",
        "On this occasion, Azerbaijan repeats its grave concerns about the serious threat emanating from the massive mine contamination of its recently liberated territories.",
        "85 citizens, including 16 civilians, have been seriously injured.",
    ];

    private static readonly string[] Chinese =
    [
        "今天是一年一度的国际提高地雷意识和协助地雷行动日。",
        "值此之际，阿塞拜疆再次严重关切其最近解放的领土遭受大规模地雷污染所构成的严重威胁。",
        "85名公民受重伤，其中包括16名平民。",
    ];

    private static ReviewedPair Pair(params Bead[] beads) => new("pair-en.md", English, "pair-zh.md", "zh", Chinese, beads);

    [TestMethod]
    public void MergedBead_IsStoredAsOneUnit_WithTheNeighboursAsContext()
    {
        using var memory = new InMemoryTranslationMemory();
        var report = TranslationMemoryContract.IngestorFor(memory).IngestReviewed(Pair(new([0, 1], [0, 1], 1), new([2], [2], 1)));
        Assert.AreEqual(IngestStatus.Added, report.Status, report.Note);
        Assert.AreEqual(2, report.Units);
        var match = new MemoryLookup(memory).Lookup(English[0] + " " + English[1], Language.English, Language.Chinese).First();
        Assert.AreEqual(MatchKind.Exact, match.Kind);
        Assert.AreEqual(Chinese[0] + Chinese[1], match.Target); // Chinese sentences run on, no space
        Assert.AreEqual("pair-en.md + pair-zh.md (reviewed)", match.Via);
        // The merged bead's English is the next bead's context: the same context is exact, another one is not.
        var same = new MemoryLookup(memory).Lookup(English[2], Language.English, Language.Chinese, new LookupOptions { Previous = English[0] + " " + English[1] }).First();
        Assert.AreEqual(MatchKind.Exact, same.Kind);
        var other = new MemoryLookup(memory).Lookup(English[2], Language.English, Language.Chinese, new LookupOptions { Previous = English[1] }).First();
        Assert.AreEqual(MatchKind.Context, other.Kind);
    }

    [TestMethod]
    public void SameBeadsAgain_AddNothing_AndDeletionsAreNotStored()
    {
        using var memory = new InMemoryTranslationMemory();
        var ingestor = TranslationMemoryContract.IngestorFor(memory);
        var first = ingestor.IngestReviewed(Pair(new([0], [0], 1), new([1], [], 1), new([], [1], 1)));
        Assert.AreEqual(1, first.Units);
        Assert.AreEqual(IngestStatus.AlreadyPresent, ingestor.IngestReviewed(Pair(new([0], [0], 1), new([1], [], 1), new([], [1], 1))).Status);
        Assert.AreEqual(IngestStatus.NothingToAlign, ingestor.IngestReviewed(Pair(new Bead([2], [], 1))).Status);
    }

    [TestMethod]
    public void BeadsNamingMissingOrRepeatedSentences_AreRefused_AndNothingIsStored()
    {
        using var memory = new InMemoryTranslationMemory();
        var ingestor = TranslationMemoryContract.IngestorFor(memory);
        var e = Assert.ThrowsExactly<ArgumentException>(() => ingestor.IngestReviewed(Pair(new([0], [0], 1), new([3], [1], 1))));
        StringAssert.Contains(e.Message, "bead 1: English sentence 3 does not exist (3 sentence(s))");
        e = Assert.ThrowsExactly<ArgumentException>(() => ingestor.IngestReviewed(Pair(new([0], [0], 1), new([1], [0], 1))));
        StringAssert.Contains(e.Message, "bead 1: zh sentence 0 is in two beads");
        Assert.AreEqual(0, memory.Stats().Documents);
    }
}
