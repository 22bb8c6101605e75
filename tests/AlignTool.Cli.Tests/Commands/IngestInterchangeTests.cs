namespace AlignTool.Cli.Tests.Commands;

/// <summary>
/// <c>ingest</c> given a translation-memory or CAT-tool file (TMX, XLIFF, PO) instead of a document: exit 2 and one line
/// saying what to do, recognised by its content whatever its name, and by its name whatever its content; nothing is
/// stored (the memory is not even created).
/// </summary>
[TestClass]
public sealed class IngestInterchangeTests
{
    private const string Tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
        <body><tu><tuv xml:lang="en"><seg>Please recycle</seg></tuv><tuv xml:lang="zh"><seg>请回收</seg></tuv></tu></body></tmx>
        """;

    private const string Xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.md" source-language="en" target-language="zh" datatype="plaintext">
        <body><trans-unit id="1"><source>Please recycle</source><target>请回收</target></trans-unit></body></file></xliff>
        """;

    private const string Xliff20 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar"><file id="f1">
        <unit id="u1"><segment><source>Please recycle</source><target>الرجاء إعادة الاستعمال</target></segment></unit></file></xliff>
        """;

    private const string Po = """
        # Translators' comment
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\n"

        msgid "Please recycle"
        msgstr "请回收"
        """;

    [TestMethod]
    [DataRow("memory.tmx", Tmx, "aligntool import")]
    [DataRow("memory.txt", Tmx, "aligntool import")]
    [DataRow("draft.xlf", Xliff12, "XLIFF")]
    [DataRow("draft.xml", Xliff12, "XLIFF")]
    [DataRow("draft.md", Xliff20, "XLIFF")]
    [DataRow("messages.po", Po, "PO")]
    [DataRow("messages.txt", Po, "PO")]
    [DataRow("empty.xliff", "", "XLIFF")]
    [DataRow("empty.tmx", "", "aligntool import")]
    public void Ingest_InterchangeFile_ExitsTwoWithOneLine(string name, string content, string says)
    {
        using var dir = new TempDir();
        var file = dir.Write(name, content);
        var tm = dir.File("m.db");
        var r = CliRunner.Run("ingest", file, "--tm", tm);
        Assert.AreEqual(2, r.ExitCode, r.Err);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, r.Err);
        StringAssert.StartsWith(lines[0], "aligntool: error: " + file + ": ");
        StringAssert.Contains(lines[0], says);
        Assert.IsFalse(r.Err.Contains("nothing to align", StringComparison.Ordinal), r.Err);
        Assert.IsFalse(File.Exists(tm), "nothing is stored: the memory is not created");
    }

    [TestMethod]
    public void Ingest_TmxInAFolderOfDocuments_IsRefusedBeforeAnythingIsStored()
    {
        using var dir = new TempDir();
        var docs = Directory.CreateDirectory(dir.File("docs")).FullName;
        File.Copy(TestSample(), Path.Combine(docs, "a.md"));
        var tmx = dir.Write("docs/z.tmx", Tmx);
        var tm = dir.File("m.db");
        var r = CliRunner.Run("ingest", docs, "--tm", tm);
        Assert.AreEqual(2, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, tmx + ": ");
        StringAssert.Contains(r.Err, "aligntool import");
        Assert.IsFalse(File.Exists(tm));
    }

    [TestMethod]
    public void Ingest_TmxOnStdin_ExitsTwo()
    {
        using var dir = new TempDir();
        var r = CliRunner.WithStdin(Tmx, "ingest", "-", "--tm", dir.File("m.db"));
        Assert.AreEqual(2, r.ExitCode, r.Err);
        Assert.HasCount(1, r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.Err);
        StringAssert.Contains(r.Err, "aligntool import");
    }

    [TestMethod]
    public void Ingest_PairWithAnXliffFile_ExitsTwo()
    {
        using var dir = new TempDir();
        var xlf = dir.Write("draft.xlf", Xliff12);
        var r = CliRunner.Run("ingest", "--pair", TestSample(), xlf, "--tm", dir.File("m.db"));
        Assert.AreEqual(2, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, xlf + ": ");
        StringAssert.Contains(r.Err, "XLIFF");
    }

    [TestMethod]
    public void Ingest_MarkdownThatMentionsPoAndTmx_IsStillADocument()
    {
        using var dir = new TempDir();
        var doc = dir.Write("notes.md", "# Formats\n\nA PO file has msgid and msgstr lines; a TMX file starts with <tmx.\n");
        var r = CliRunner.Run("ingest", doc, "--tm", dir.File("m.db"));
        Assert.AreEqual(0, r.ExitCode, r.Err);
    }

    private static string TestSample() => Path.Combine(Core.Tests.TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");
}
