using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class SegmentCommandTests
{
    [TestMethod]
    public void Segment_Seed004Text_PrintsOneSegmentPerLine()
    {
        var r = CliRunner.Run("segment", TestData.SeedPath(TestData.Seed004));
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var lines = r.OutLines;
        CollectionAssert.AreEqual(new[] { "Distr.: General", "9 April 2021", "Chinese", "Original: English", "人权理事会" }, lines.Take(5).ToArray());
        CollectionAssert.Contains(lines, "85 citizens, including 16 civilians have been seriously injured, including the brave employees of the Azerbaijan National Agency for Mine Action (ANAMA) attempting to protect others.");
        StringAssert.Contains(r.Err, "segment(s)");
    }

    [TestMethod]
    public void Segment_Jsonl_HasTheContractFieldsAndSourceOffsets()
    {
        var path = TestData.SeedPath(TestData.Seed000);
        var source = File.ReadAllText(path);
        var r = CliRunner.Run("segment", path, "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        int expectedId = 0;
        foreach (var line in r.OutLines)
        {
            using var json = JsonDocument.Parse(line);
            var o = json.RootElement;
            Assert.AreEqual(expectedId++, o.GetProperty("id").GetInt32());
            Assert.AreEqual(TestData.Seed000, o.GetProperty("doc").GetString());
            foreach (var field in new[] { "block", "zone", "lang", "start", "length", "text" }) Assert.IsTrue(o.TryGetProperty(field, out _), field);
            var text = o.GetProperty("text").GetString()!;
            int start = o.GetProperty("start").GetInt32(), length = o.GetProperty("length").GetInt32();
            var read = source.Substring(start, length);
            // Repaired text differs from the source only by Markdown delimiters and joined line breaks.
            if (!read.Contains('*') && !read.Contains('\n'))
                Assert.AreEqual(text, read, "start/length point at the text as read");
            else
                Assert.AreEqual(text.Replace("*", "").Replace(" ", ""), read.Replace("\\", "").Replace("*", "").Replace(" ", "").Replace("\n", ""));
        }
        var title = r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Single(o => o.GetProperty("zone").GetString() == "title");
        Assert.AreEqual("ar", title.GetProperty("lang").GetString());
    }

    [TestMethod]
    public void Segment_PlainWithLanguage_SegmentsParagraphs()
    {
        using var dir = new TempDir();
        var file = dir.Write("plain.txt", "She has $100.00. It is in her bag.\n\nI visited the U.S.A. last year.\n");
        var r = CliRunner.Run("segment", file, "--plain", "--lang", "en");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        CollectionAssert.AreEqual(new[] { "She has $100.00.", "It is in her bag.", "I visited the U.S.A. last year." }, r.OutLines);
    }

    [TestMethod]
    public void Segment_InvalidUtf8_IsOneLineErrorWithByteOffsetAndExit3()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.md", [0x41, 0x42, 0x0A, 0xE4, 0xBD]);
        var r = CliRunner.Run("segment", file);
        Assert.AreEqual(3, r.ExitCode);
        Assert.AreEqual($"aligntool: error: {file}: invalid UTF-8 at byte 3", r.Err.Trim());
        Assert.AreEqual("", r.Out);
    }

    [TestMethod]
    public void Segment_EmptyBinaryOrMissingFile_IsAClearErrorWithoutStackTrace()
    {
        using var dir = new TempDir();
        foreach (var (file, message) in new[]
                 {
                     (dir.Write("empty.md", []), "the file is empty"),
                     (dir.Write("blob.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), "binary file (NUL byte)"),
                     (dir.File("missing.md"), "no such file"),
                 })
        {
            var r = CliRunner.Run("segment", file);
            Assert.AreEqual(3, r.ExitCode, file);
            Assert.AreEqual(1, r.Err.Trim().Split('\n').Length, r.Err);
            StringAssert.StartsWith(r.Err, $"aligntool: error: {file}: ");
            StringAssert.Contains(r.Err, message);
            Assert.IsFalse(r.Err.Contains("   at ", StringComparison.Ordinal));
        }
    }

    [TestMethod]
    public void Segment_UnsupportedLanguage_IsKeptAsUndAndSaidOnStderr()
    {
        using var dir = new TempDir();
        var file = dir.Write("ru.md", "Постоянное представительство свидетельствует своё уважение. Второе предложение.\n");
        var r = CliRunner.Run("segment", file, "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode);
        Assert.IsTrue(r.OutLines.All(l => JsonDocument.Parse(l).RootElement.GetProperty("lang").GetString() == "und"));
        StringAssert.Contains(r.Err, "aligntool: warning: ");
        StringAssert.Contains(r.Err, "'und'");
    }

    [TestMethod]
    public void Segment_BadOption_IsUsageErrorExit2()
    {
        var r = CliRunner.Run("segment", TestData.SeedPath(TestData.Seed000), "--lang", "fr");
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.StartsWith(r.Err, "aligntool: error: ");
        var unknown = CliRunner.Run("segment", TestData.SeedPath(TestData.Seed000), "--bogus");
        Assert.AreEqual(2, unknown.ExitCode);
    }

    [TestMethod]
    public void Help_ListsTheCommands()
    {
        var r = CliRunner.Run("--help");
        Assert.AreEqual(0, r.ExitCode);
        StringAssert.Contains(r.Out, "segment");
        StringAssert.Contains(r.Out, "inspect");
    }
}
