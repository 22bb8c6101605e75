using System.Text.RegularExpressions;

namespace AlignTool.Server.Tests.Page;

/// <summary>The page's files as served: fixed names, their types, and a label for every control.</summary>
[TestClass]
public sealed partial class PageTests
{
    [TestMethod]
    [DataRow("/", "text/html")]
    [DataRow("/app.js", "text/javascript")]
    [DataRow("/app.css", "text/css")]
    public async Task TheThreeFiles_AreServed_WithTheirTypes(string url, string type)
    {
        await using var f = await ServerFixture.Start();
        var response = await f.Client.GetAsync(url);
        Assert.AreEqual(200, (int)response.StatusCode);
        Assert.AreEqual(type, response.Content.Headers.ContentType!.MediaType);
        Assert.IsTrue((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [TestMethod]
    public async Task EveryControl_HasALabel_AndNoScriptOrStyleIsInline()
    {
        await using var f = await ServerFixture.Start();
        var html = await f.Client.GetStringAsync("/");
        var labelled = LabelFor().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var controls = Control().Matches(html).ToList();
        Assert.IsTrue(controls.Count >= 10, $"{controls.Count} controls");
        foreach (Match c in controls)
        {
            var id = Regex.Match(c.Value, "id=\"([^\"]+)\"").Groups[1].Value;
            Assert.IsTrue(labelled.Contains(id) || c.Value.Contains("aria-label=", StringComparison.Ordinal), $"no label for {c.Value}");
        }
        Assert.IsFalse(Regex.IsMatch(html, @"<script>|<style|\sstyle=|\son[a-z]+="), "inline script or style (the Content-Security-Policy forbids them)");
        StringAssert.Contains(html, "<html lang=\"en\">");
    }

    [TestMethod]
    public async Task PathsLikeFiles_AreNotServed()
    {
        await using var f = await ServerFixture.Start();
        foreach (var url in new[] { "/index.html", "/Page/wwwroot/app.js", "/app.js/../appsettings.json", "/%2e%2e/%2e%2e/etc/passwd" })
            Assert.AreEqual(404, (int)(await f.Client.GetAsync(url)).StatusCode, url);
    }

    [GeneratedRegex("<label for=\"([^\"]+)\"")]
    private static partial Regex LabelFor();

    [GeneratedRegex("<(input|textarea|select)\\b[^>]*>")]
    private static partial Regex Control();
}
