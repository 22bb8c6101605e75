using AlignTool.Core.Prefill;

namespace AlignTool.Core.Tests.Prefill;

[TestClass]
public sealed class DraftSkeletonTests
{
    private const string Source = "## Human Rights Council\n\nThe annex thereto\\* is noted.\n\n\\* Reproduced as received.\n";

    private static DraftSkeleton Build() =>
        DraftSkeleton.Build(Source, [(0, 3, 20), (1, 25, 29), (2, 57, 25)], [(0, "Chinese\n\n")]);

    [TestMethod]
    public void Fill_NullKeepsTheSourcesMarkdown_InsertionsStay()
    {
        Assert.AreEqual("Chinese\n\n" + Source, Build().Fill(_ => null));
    }

    [TestMethod]
    public void Fill_ReplacesEachSlot_AnEscapedFirstCharacterGoesWithItsSegment()
    {
        var filled = Build().Fill(id => id switch { 0 => "人权理事会", 2 => DraftSkeleton.Escape("* 原文照发。"), _ => null });
        Assert.AreEqual("Chinese\n\n## 人权理事会\n\nThe annex thereto\\* is noted.\n\n\\* 原文照发。\n", filled);
    }

    [TestMethod]
    public void ToStringParse_RoundTrips_EvenWithPrivateUseCharactersInTheDocument()
    {
        const string odd = "a\uE000b\uE003c\uE001\uE002 text";
        var skeleton = DraftSkeleton.Build(odd, [(7, 0, 3), (8, 8, 4)], []);
        var back = DraftSkeleton.Parse(skeleton.ToString())!;
        CollectionAssert.AreEqual(skeleton.Parts.ToList(), back.Parts.ToList());
        Assert.AreEqual(odd, back.Fill(_ => null));
        CollectionAssert.AreEqual(new[] { 7, 8 }, back.SlotIds.ToList());
    }

    [TestMethod]
    [DataRow("\uE000x\uE001text\uE002")]
    [DataRow("\uE0001\uE001unclosed")]
    [DataRow("stray \uE002")]
    [DataRow("ends in escape \uE003")]
    public void Parse_NotASkeleton_IsNull(string text) => Assert.IsNull(DraftSkeleton.Parse(text));
}
