using System.Text.Json;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>QA acceptance: problems planted in a small memory built from the seeds are found with their spans; the
/// clean seed memory yields no error.</summary>
[TestClass]
public sealed class QaCommandTests
{
    private const string Planted = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
          <tu tuid="p-forbidden"><tuv xml:lang="en"><seg>Human Rights Council</seg></tuv><tuv xml:lang="zh"><seg>人权委员会</seg></tuv></tu>
          <tu tuid="p-term"><tuv xml:lang="en"><seg>The note verbale was received.</seg></tuv><tuv xml:lang="zh"><seg>收到了照会。</seg></tuv></tu>
          <tu tuid="p-number"><tuv xml:lang="en"><seg>Agenda item 7</seg></tuv><tuv xml:lang="zh"><seg>议程项目8</seg></tuv></tu>
          <tu tuid="p-ordinal"><tuv xml:lang="en"><seg>Forty-fourth session</seg></tuv><tuv xml:lang="zh"><seg>第四十二届会议</seg></tuv></tu>
          <tu tuid="p-numerals-ok"><tuv xml:lang="en"><seg>Up to 60.000 inhabitants fled in 1993.</seg></tuv><tuv xml:lang="ar"><seg>فر ما يصل إلى ٦٠٠٠٠ نسمة في عام ١٩٩٣.</seg></tuv><tuv xml:lang="zh"><seg>1993年多达60000名居民逃离。</seg></tuv></tu>
          <tu tuid="p-untranslated"><tuv xml:lang="en"><seg>Please circulate the letter.</seg></tuv><tuv xml:lang="zh"><seg>Please circulate the letter.</seg></tuv></tu>
          <tu tuid="p-cross"><tuv xml:lang="en"><seg>A report of the Human Rights Council was issued.</seg></tuv><tuv xml:lang="ar"><seg>صدر تقرير لمجلس حقوق الإنسان.</seg></tuv><tuv xml:lang="zh"><seg>发布了一份报告。</seg></tuv></tu>
          <tu tuid="s1"><tuv xml:lang="en"><seg>The statement was issued.</seg></tuv><tuv xml:lang="zh"><seg>声明已发布。</seg></tuv></tu>
          <tu tuid="s2"><tuv xml:lang="en"><seg>The mission was informed.</seg></tuv><tuv xml:lang="zh"><seg>代表团已获通知。</seg></tuv></tu>
          <tu tuid="s3"><tuv xml:lang="en"><seg>The letter was circulated.</seg></tuv><tuv xml:lang="zh"><seg>信件已分发。</seg></tuv></tu>
          <tu tuid="s4"><tuv xml:lang="en"><seg>The meeting was held.</seg></tuv><tuv xml:lang="zh"><seg>会议已举行。</seg></tuv></tu>
          <tu tuid="s5"><tuv xml:lang="en"><seg>The annex was attached.</seg></tuv><tuv xml:lang="zh"><seg>附件已附上。</seg></tuv></tu>
          <tu tuid="p-punct"><tuv xml:lang="en"><seg>The document was printed.</seg></tuv><tuv xml:lang="zh"><seg>文件已印发.</seg></tuv></tu>
        </body></tmx>
        """;

    private static List<JsonElement> Issues(CliRunner.Result r) => r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [TestMethod]
    public void Qa_CleanSeedMemory_HasNoErrors()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("qa", "--tm", TmxCommandsTests.BuiltMemory(dir), "--format", "jsonl", "--fail-on", "error");
        Assert.AreEqual(0, r.ExitCode, r.Out + r.Err);
        Assert.IsFalse(Issues(r).Any(i => i.GetProperty("severity").GetString() == "error"));
    }

    [TestMethod]
    public void Qa_PlantedProblems_AreFoundWithTheirSpans()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        Assert.AreEqual(0, CliRunner.Run("import", dir.Write("planted.tmx", Planted), "--tm", tm).ExitCode);
        var r = CliRunner.Run("qa", "--tm", tm, "--format", "jsonl", "--fail-on", "error");
        Assert.AreEqual(1, r.ExitCode, "errors were planted");
        var issues = Issues(r);
        JsonElement One(string kind, string target) => issues.First(i => i.GetProperty("kind").GetString() == kind && i.GetProperty("target").GetString() == target);
        foreach (var i in issues) foreach (var f in new[] { "kind", "severity", "unit", "lang", "source", "target", "message", "sourceSpan", "targetSpan" }) Assert.IsTrue(i.TryGetProperty(f, out _), f);

        var forbidden = One("forbidden-term", "人权委员会");
        Assert.AreEqual("error", forbidden.GetProperty("severity").GetString());
        Assert.AreEqual(0, forbidden.GetProperty("targetSpan").GetProperty("start").GetInt32());
        Assert.AreEqual(5, forbidden.GetProperty("targetSpan").GetProperty("length").GetInt32());
        One("inconsistent-target", "人权委员会");
        var term = One("term-missing", "收到了照会。");
        Assert.AreEqual(4, term.GetProperty("sourceSpan").GetProperty("start").GetInt32(), "the span of 'note verbale'");
        var number = issues.Where(i => i.GetProperty("kind").GetString() == "number-mismatch" && i.GetProperty("target").GetString() == "议程项目8").ToList();
        Assert.IsTrue(number.Any(i => i.GetProperty("message").GetString()!.Contains("number 7 of the source", StringComparison.Ordinal)));
        Assert.IsTrue(number.Any(i => i.GetProperty("targetSpan").ValueKind == JsonValueKind.Object && i.GetProperty("targetSpan").GetProperty("start").GetInt32() == 4));
        Assert.IsTrue(issues.Any(i => i.GetProperty("kind").GetString() == "number-mismatch" && i.GetProperty("target").GetString() == "第四十二届会议"));
        Assert.IsFalse(issues.Any(i => i.GetProperty("kind").GetString() == "number-mismatch" && i.GetProperty("source").GetString()!.StartsWith("Up to 60.000", StringComparison.Ordinal)), "60.000 = ٦٠٠٠٠ = 60000");
        One("untranslated", "Please circulate the letter.");
        Assert.AreEqual("zh", One("cross-language-term", "发布了一份报告。").GetProperty("lang").GetString());
        var punct = One("punctuation", "文件已印发.");
        Assert.AreEqual(5, punct.GetProperty("targetSpan").GetProperty("start").GetInt32());
        Assert.IsFalse(issues.Any(i => i.GetProperty("kind").GetString() == "punctuation" && i.GetProperty("target").GetString()!.Contains("(见附件)", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Qa_Draft_FromPrefillJsonl_AndTextTable()
    {
        using var dir = new TempDir();
        var draft = dir.Write("draft.jsonl", """
            {"id":0,"source":"Agenda item 4","target":"议程项目5","lang":"zh","kind":"template","score":99,"via":"x","action":"filled"}
            {"id":1,"source":"Distr.: General","target":"Distr.: General","lang":"zh","kind":"none","score":0,"via":"masthead","action":"kept"}
            {"id":2,"source":"Human Rights Council","target":"","lang":"zh","kind":"none","score":0,"via":"","action":"leftinenglish"}
            """);
        var r = CliRunner.Run("qa", "--draft", draft);
        Assert.AreEqual(0, r.ExitCode, "no --fail-on");
        StringAssert.Contains(r.Out, "## number-mismatch");
        StringAssert.Contains(r.Out, "## empty-target");
        StringAssert.Contains(r.Out, "议程项目⟦5⟧");
        Assert.IsFalse(r.Out.Contains("Distr.", StringComparison.Ordinal), "kept segments are not checked");
        Assert.AreEqual(1, CliRunner.Run("qa", "--draft", draft, "--fail-on", "warning").ExitCode);
    }
}
