using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class InspectCommandTests
{
    [TestMethod]
    [DataRow(TestData.Seed000, "yes", "ar")]
    [DataRow(TestData.Seed001, "yes", "zh")]
    [DataRow(TestData.Seed002, "yes", "zh")]
    [DataRow(TestData.Seed003, "no", "en")]
    [DataRow(TestData.Seed004, "yes", "zh")]
    public void Inspect_EverySeed_ShowsCoverAndLanguage(string seed, string cover, string lang)
    {
        var r = CliRunner.Run("inspect", TestData.SeedPath(seed));
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, $"cover page: {cover}; version language: {lang}");
    }

    [TestMethod]
    public void Inspect_Seed004_ShowsSplitFieldsAndHanRepair()
    {
        var r = CliRunner.Run("inspect", TestData.SeedPath(TestData.Seed004), "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var blocks = r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var session = blocks.Single(b => b.GetProperty("field").GetString() == "session");
        Assert.AreEqual("第四十七届会议", session.GetProperty("text").GetString());
        Assert.AreEqual("split-fields", session.GetProperty("repairs")[0].GetString());
        var title = blocks.Single(b => b.GetProperty("zone").GetString() == "title");
        CollectionAssert.Contains(title.GetProperty("repairs").EnumerateArray().Select(e => e.GetString()).ToList(), "han-spacing");
    }
}
