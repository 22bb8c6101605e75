namespace AlignTool.Cli.Tests.Commands;

/// <summary><c>glossary export</c> (TBX 3) and <c>qa --glossary</c> with TBX 3 and with files in neither TBX form.</summary>
[TestClass]
public sealed class GlossaryCommandTests
{
    private const string Draft = """
        {"id":0,"source":"The Human Rights Council adopted the note verbale.","target":"人权委员会通过了口头照会。","lang":"zh","action":"filled"}
        {"id":1,"source":"The General Assembly met.","target":"大会开会。","lang":"zh","action":"filled"}
        """;

    [TestMethod]
    public void Export_WritesTbx3ThatQaReadsWithTheSameFindingsAsTheDefault()
    {
        using var dir = new TempDir();
        var tbx = dir.File("un-terms.tbx");
        var export = CliRunner.Run("glossary", "export", "--out", tbx);
        Assert.AreEqual(0, export.ExitCode, export.Err);
        StringAssert.Contains(export.Err, "exported 9 glossary entries as TBX 3");
        var text = File.ReadAllText(tbx);
        StringAssert.Contains(text, "xmlns=\"urn:iso:std:iso:30042:ed-2\"");
        StringAssert.Contains(text, "<conceptEntry id=\"note-verbale\">");
        StringAssert.Contains(text, "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>");
        var draft = dir.Write("draft.jsonl", Draft);
        var byDefault = CliRunner.Run("qa", "--draft", draft, "--format", "jsonl");
        var byTbx3 = CliRunner.Run("qa", "--draft", draft, "--glossary", tbx, "--format", "jsonl");
        Assert.AreEqual(0, byTbx3.ExitCode, byTbx3.Err);
        Assert.AreEqual(byDefault.Out, byTbx3.Out);
        StringAssert.Contains(byTbx3.Out, "口头照会");
        StringAssert.Contains(byTbx3.Out, "人权委员会");
    }

    [TestMethod]
    public void Export_OfATbx2File_ConvertsIt()
    {
        using var dir = new TempDir();
        var tbx2 = dir.Write("old.tbx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
            <text><body><termEntry id="sc"><langSet xml:lang="en"><tig><term>Security Council</term></tig></langSet>
            <langSet xml:lang="ar"><tig><term>مجلس الأمن</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>
            """);
        var r = CliRunner.Run("glossary", "export", "--glossary", tbx2, "--out", "-");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "<conceptEntry id=\"sc\">");
        StringAssert.Contains(r.Out, "<term>مجلس الأمن</term>");
    }

    [TestMethod]
    [DataRow("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>", "2:2: neither TBX 2")]
    [DataRow("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body/></text></tbx>", "the glossary would be empty")]
    [DataRow("<martif><text><body><termEntry>\n<langSet></termEntry></body></text></martif>", ":2:")]
    public void Qa_GlossaryInNeitherTbxForm_Exit3NeverAnEmptyGlossary(string content, string message)
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.tbx", content);
        var draft = dir.Write("draft.jsonl", Draft);
        foreach (var r in new[] { CliRunner.Run("qa", "--draft", draft, "--glossary", bad), CliRunner.Run("glossary", "export", "--glossary", bad, "--out", dir.File("x.tbx")) })
        {
            Assert.AreEqual(3, r.ExitCode, r.Err);
            StringAssert.StartsWith(r.Err, "aligntool: error: " + bad);
            StringAssert.Contains(r.Err, message);
        }
    }
}
