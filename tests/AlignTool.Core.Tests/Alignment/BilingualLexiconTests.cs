using AlignTool.Core.Alignment;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class BilingualLexiconTests
{
    private static IEnumerable<(string, string)> Pairs(int copies) => Enumerable.Range(0, copies).SelectMany(i => new[]
    {
        ($"The Security Council met on {i} May.", $"اجتمع مجلس الأمن في {i} أيار/مايو."),
        ($"The Council adopted resolution {i}.", $"واعتمد المجلس القرار {i}."),
        ($"The Committee adopted its report {i}.", $"واعتمدت اللجنة تقريرها {i}."),
        ($"The Committee met in Geneva {i}.", $"واجتمعت اللجنة في جنيف {i}."),
        ($"Elections were held in {i} provinces.", $"وأجريت انتخابات في {i} مقاطعة."),
        ($"The mission visited {i} schools.", $"وزارت البعثة {i} مدرسة."),
        ($"Refugees returned to {i} villages.", $"وعاد اللاجئون إلى {i} قرية."),
        ($"Donors pledged {i} million dollars.", $"وتعهد المانحون بتقديم {i} مليون دولار."),
        ($"Delegates discussed water and sanitation {i}.", $"وناقش المندوبون المياه والصرف الصحي {i}."),
        ($"Workshops trained {i} judges.", $"ودربت حلقات العمل {i} قاضيا."),
    });

    [TestMethod]
    public void Induce_FromMemoryPairs_LinksWordsWithTheirArabicClitics()
    {
        var lexicon = MemoryLexicon.Induce(Pairs(150), "ar", "en", "ar");
        Assert.IsTrue(lexicon.TryGet("council", out var council), string.Join(", ", lexicon.Entries.Select(e => e.Key)));
        CollectionAssert.Contains(council.ToList(), "مجلس");
        Assert.IsTrue(lexicon.TryGet(LexicalTokens.For("en").Stem("committee"), out var committee));
        CollectionAssert.Contains(committee.ToList(), "لجن"); // اللجنة, واعتمدت اللجنة: one token
    }

    [TestMethod]
    public void Induce_TheOtherWayRound_MapsArabicToEnglish()
    {
        var lexicon = MemoryLexicon.Induce(Pairs(150), "ar", "ar", "en");
        Assert.IsTrue(lexicon.TryGet("مجلس", out var council));
        CollectionAssert.Contains(council.ToList(), "council");
    }

    [TestMethod]
    public void Induce_FromTooFewPairs_IsEmpty() =>
        Assert.AreEqual(0, MemoryLexicon.Induce(Pairs(10), "ar", "en", "ar").Count);

    [TestMethod]
    public void Merge_KeepsTheTranslationsOfBoth()
    {
        var a = BilingualLexicon.FromWordList(new Dictionary<string, IReadOnlyList<string>> { ["council"] = ["مجلس"] }, "en", "ar");
        var b = BilingualLexicon.FromWordList(new Dictionary<string, IReadOnlyList<string>> { ["council"] = ["المجلس"], ["report"] = ["تقرير"] }, "en", "ar");
        var m = a.Merge(b);
        Assert.AreEqual(2, m.Count);
        Assert.IsTrue(m.TryGet("council", out var t));
        CollectionAssert.AreEquivalent(new[] { "مجلس" }, t.ToList()); // both forms are one token
    }
}
