using System.Text;
using AlignTool.Core.Interchange.Xliff;

namespace AlignTool.Core.Tests.Interchange.Xliff;

[TestClass]
public sealed class XliffRoundTripTests
{
    private static XliffFile Sample(XliffVersion version) => new(version, "doc.md", "en", "zh",
    [
        new XliffUnit("0", "United Nations", "联合国", XliffState.Translated)
        {
            Zone = "masthead", Field = "organ", Kind = "context", Score = 99, Note = "context match 99",
            Matches = [new XliffMatch("United Nations", "联合国", 99, "catalog:organ-un", "context")],
        },
        new XliffUnit("1", "A/HRC/50/G/3", "A/HRC/50/G/3", XliffState.Final) { Translate = false, Zone = "masthead", Field = "symbol" },
        new XliffUnit("2", "The vote  was deferred.\r\n", "表决推迟。", XliffState.NeedsReview) { Zone = "body", Kind = "fuzzy", Score = 91 },
        new XliffUnit("3", "A & B < C", null, XliffState.Untranslated) { Zone = "body", Kind = "none", Score = 0 },
    ])
    { Skeleton = "\uE0000\uE001United Nations\uE002\r\n  text" };

    private static XliffFile RoundTrip(XliffFile file)
    {
        var stream = new MemoryStream();
        XliffWriter.Write(stream, file);
        stream.Position = 0;
        return XliffReader.Read(stream);
    }

    [TestMethod]
    [DataRow(XliffVersion.V12)]
    [DataRow(XliffVersion.V20)]
    public void WriteRead_KeepsEveryUnitTextStateAndTheSkeleton(XliffVersion version)
    {
        var file = Sample(version);
        var back = RoundTrip(file);
        Assert.AreEqual(file.Skeleton, back.Skeleton, "a CR and spaces in the skeleton survive");
        Assert.AreEqual("zh", back.TargetLang);
        Assert.HasCount(file.Units.Count, back.Units);
        for (int i = 0; i < file.Units.Count; i++)
        {
            var (a, b) = (file.Units[i], back.Units[i]);
            Assert.AreEqual(a.Id, b.Id);
            Assert.AreEqual(a.Source, b.Source);
            Assert.AreEqual(a.Target, b.Target);
            Assert.AreEqual(a.State, b.State);
            Assert.AreEqual(a.Translate, b.Translate);
            Assert.AreEqual(a.Zone, b.Zone);
            Assert.AreEqual(a.Field, b.Field);
            Assert.AreEqual(a.Kind, b.Kind);
            Assert.AreEqual(a.Score, b.Score);
            CollectionAssert.AreEqual(a.Matches.ToList(), b.Matches.ToList());
            Assert.IsGreaterThan(0, b.Line);
        }
    }

    [TestMethod]
    public void Read_NotXliff_ThrowsWithWhere()
    {
        var e = Assert.ThrowsExactly<XliffException>(() => XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>"))));
        StringAssert.Contains(e.Message, "root element is <tmx>");
        Assert.AreEqual(2, e.Line);
    }

    [TestMethod]
    public void Read_UnknownVersion_Throws()
    {
        var e = Assert.ThrowsExactly<XliffException>(() => XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<xliff version=\"3.0\" xmlns=\"urn:x\"/>"))));
        StringAssert.Contains(e.Message, "'3.0'");
    }

    [TestMethod]
    public void Merge_WritesMarksForReviewAndUntranslated()
    {
        var file = Sample(XliffVersion.V12) with { };
        var skeleton = AlignTool.Core.Prefill.DraftSkeleton.Build("A\n\nB\n\nC *x*\n", [(2, 0, 1), (3, 3, 1), (0, 6, 5)], []).ToString();
        var (md, report) = XliffMerge.Merge(file with { Skeleton = skeleton });
        Assert.AreEqual("[~91%] 表决推迟。\n\n[EN] A & B < C\n\n联合国\n", md);
        Assert.AreEqual(new XliffMergeReport(1, 1, 1), report);
    }
}
