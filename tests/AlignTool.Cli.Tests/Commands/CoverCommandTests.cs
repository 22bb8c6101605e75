using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class CoverCommandTests
{
    [TestMethod]
    public void Cover_Seed004Jsonl_ListsFieldsOneByOneWithContractFields()
    {
        var r = CliRunner.Run("cover", TestData.SeedPath(TestData.Seed004), "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var records = r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var o in records)
            foreach (var f in new[] { "field", "lang", "text", "english", "slots", "via" }) Assert.IsTrue(o.TryGetProperty(f, out _), f);
        var session = records.Single(o => o.GetProperty("field").GetString() == "session");
        Assert.AreEqual("第四十七届会议", session.GetProperty("text").GetString());
        Assert.AreEqual("Forty-seventh session", session.GetProperty("english").GetString());
        Assert.AreEqual("catalog", session.GetProperty("via").GetString());
        Assert.AreEqual("47", session.GetProperty("slots").GetProperty("session-ordinal").GetString());
        var dates = records.Single(o => o.GetProperty("field").GetString() == "session-dates");
        Assert.AreEqual("2021-06-21/2021-07-09", dates.GetProperty("slots").GetProperty("daterange").GetString());
        var transmittal = records.Single(o => o.GetProperty("field").GetString() == "transmittal");
        Assert.AreEqual(JsonValueKind.Null, transmittal.GetProperty("english").ValueKind);
        Assert.IsGreaterThan(0, transmittal.GetProperty("unaligned").GetArrayLength());
    }

    [TestMethod]
    public void Cover_Seed000Text_ShowsEnglishCounterparts()
    {
        var r = CliRunner.Run("cover", TestData.SeedPath(TestData.Seed000));
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "Forty-third session");
        StringAssert.Contains(r.Out, "GE.20-06433(E)");
        StringAssert.Contains(r.Out, "unaligned:");
        StringAssert.Contains(r.Err, "cover field(s)");
    }

    [TestMethod]
    public void Cover_EnglishOnlyDocument_SaysNothingToAlignAndExits0()
    {
        var r = CliRunner.Run("cover", TestData.SeedPath(TestData.Seed003), "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode);
        Assert.AreEqual("", r.Out);
        StringAssert.Contains(r.Err, "nothing to align");
    }

    [TestMethod]
    public void Cover_NoCoverPage_GivesEmptyListAndANote()
    {
        using var dir = new TempDir();
        var file = dir.Write("zh.md", "阿塞拜疆共和国外交部发表声明。\n\n声明全文如下。\n");
        var r = CliRunner.Run("cover", file);
        Assert.AreEqual(0, r.ExitCode);
        Assert.AreEqual("", r.Out);
        StringAssert.Contains(r.Err, "no recognisable UN cover page");
    }
}
