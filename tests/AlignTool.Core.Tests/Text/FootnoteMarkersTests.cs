using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class FootnoteMarkersTests
{
    [TestMethod]
    [DataRow("临时议程*项目69(b)", "Item 69 (b) of the provisional agenda*", "临时议程*项目69(b)")]
    [DataRow("临时议程*项目69(b)", "Item 69 (b) of the provisional agenda", "临时议程项目69(b)")]
    [DataRow("البند 3 من جدول الأعمال المؤقت*", "Item 3 of the provisional agenda", "البند 3 من جدول الأعمال المؤقت")]
    [DataRow("2025年3月6日秘书长给大会主席的信", "Letter dated 6 March 2025 from the Secretary-General addressed to the President of the General Assembly*", "2025年3月6日秘书长给大会主席的信*")]
    [DataRow("* 附件不译，原文照发。", "* Reproduced as received, in the language of submission only.", "* 附件不译，原文照发。")]
    [DataRow("大会", "General Assembly", "大会")]
    public void Follow_KeepsAMarkerOnlyWhereTheTextHasOne(string counterpart, string text, string expected) =>
        Assert.AreEqual(expected, FootnoteMarkers.Follow(counterpart, text));
}
