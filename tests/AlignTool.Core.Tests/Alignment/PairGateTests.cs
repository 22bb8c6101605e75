using AlignTool.Core.Alignment;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class PairGateTests
{
    private static readonly string[] English = ["The Council adopted the report.", "It decided to meet again in June."];

    [TestMethod]
    public void Judge_ConfidentBeads_AreStoredAndTheRestReviewed()
    {
        var beads = new List<Bead> { new([0], [0], 0.9), new([1], [1], 0.4) };
        var v = PairGate.Judge(beads, 2, 2, ["اعتمد المجلس التقرير.", "وقرر أن يجتمع مرة أخرى في حزيران/يونيه."], "en", PairGateOptions.Default with { MinAlignedShare = 0.4 });
        Assert.IsTrue(v.Plausible, v.Reason);
        Assert.HasCount(1, v.Stored);
        Assert.HasCount(1, v.Review);
        Assert.AreEqual(0.5, v.AlignedShare, 1e-9);
    }

    [TestMethod]
    public void Judge_FewSentencesAlignedWithConfidence_IsRefused()
    {
        var beads = new List<Bead> { new([0], [0], 0.2), new([1], [1], 0.3) };
        var v = PairGate.Judge(beads, 2, 2, ["اعتمد المجلس التقرير.", "وقرر أن يجتمع مرة أخرى في حزيران/يونيه."], "en");
        Assert.IsFalse(v.Plausible);
        StringAssert.Contains(v.Reason, "do not look like versions of one document");
    }

    [TestMethod]
    public void Judge_ADraftWithEnglishLeft_IsRefused()
    {
        var beads = new List<Bead> { new([0], [0], 0.9), new([1], [1], 0.9) };
        var v = PairGate.Judge(beads, 2, 2, ["اعتمد المجلس التقرير.", "[EN] It decided to meet again in June.", "It decided to meet again in June."], "en");
        Assert.IsFalse(v.Plausible);
        StringAssert.Contains(v.Reason, "2 of 3 sentences of the translation are still in the source language or marked [EN]");
    }

    [TestMethod]
    public void Judge_OneVersionWithoutText_IsRefused()
    {
        var v = PairGate.Judge([.. English.Select((_, i) => new Bead([i], [], 0))], 2, 0, [], "en");
        Assert.IsFalse(v.Plausible);
        StringAssert.Contains(v.Reason, "no running text");
    }
}
