using AlignTool.Core.Interchange;

namespace AlignTool.Core.Tests.Interchange;

[TestClass]
public sealed class InterchangeRecognizerTests
{
    [TestMethod]
    [DataRow("a.txt", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx11.dtd\">\n<!-- OmegaT -->\n<tmx version=\"1.1\">", InterchangeFormat.Tmx)]
    [DataRow(null, "\uFEFF<tmx version=\"1.4\"><header/>", InterchangeFormat.Tmx)]
    [DataRow("a.xml", "<?xml version=\"1.0\"?><x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">", InterchangeFormat.Xliff)]
    [DataRow("a.md", "<xliff version=\"2.0\" srcLang=\"en\">", InterchangeFormat.Xliff)]
    [DataRow("a", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"Apple\"\nmsgstr[0] \"苹果\"\n", InterchangeFormat.Po)]
    [DataRow("a.XLF", "", InterchangeFormat.Xliff)]
    [DataRow("messages.pot", "", InterchangeFormat.Po)]
    [DataRow("a.tmx", "garbage", InterchangeFormat.Tmx)]
    [DataRow("report.md", "# Report\n\nThe <tmx> element and the msgid \"x\" line are explained below.\n", InterchangeFormat.None)]
    [DataRow("report.md", "# Report\n\nmsgid \"x\" alone is not a PO file.\n", InterchangeFormat.None)]
    [DataRow("report.txt", "<html><body><tmx>", InterchangeFormat.None)]
    public void Recognize_ByContentThenByExtension(string? name, string head, InterchangeFormat expected) =>
        Assert.AreEqual(expected, InterchangeRecognizer.Recognize(name, head));

    [TestMethod]
    public void Advice_TmxAndXliffNameImport_PoSaysNotSupportedYet()
    {
        StringAssert.Contains(InterchangeRecognizer.Advice(InterchangeFormat.Tmx), "aligntool import");
        StringAssert.Contains(InterchangeRecognizer.Advice(InterchangeFormat.Xliff), "aligntool import");
        StringAssert.Contains(InterchangeRecognizer.Advice(InterchangeFormat.Xliff), "aligntool merge");
        StringAssert.Contains(InterchangeRecognizer.Advice(InterchangeFormat.Po), "not supported yet");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => InterchangeRecognizer.Advice(InterchangeFormat.None));
    }
}
