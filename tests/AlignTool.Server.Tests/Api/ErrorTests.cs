using System.Text;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;

namespace AlignTool.Server.Tests.Api;

/// <summary>Every error is JSON <c>{"status", "error"}</c> with its status code, never a stack trace; bodies are limited.</summary>
[TestClass]
public sealed class ErrorTests
{
    private static void AssertErrorShape(int status, System.Text.Json.JsonElement body, int expected)
    {
        Assert.AreEqual(expected, status);
        CollectionAssert.AreEqual(new[] { "status", "error" }, body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.AreEqual(expected, body.GetProperty("status").GetInt32());
        var error = body.GetProperty("error").GetString()!;
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal) || error.Contains(".cs:line", StringComparison.Ordinal), error);
    }

    [TestMethod]
    public async Task UnknownPath_Is404_AndAnotherMethod405_AsJson()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Get("/api/nothing-here");
        AssertErrorShape(status, body, 404);
        (status, body, _) = await f.Get("/../../etc/passwd");
        AssertErrorShape(status, body, 404);
        (status, body, _) = await f.Send(HttpMethod.Delete, "/api/stats");
        AssertErrorShape(status, body, 405);
    }

    [TestMethod]
    public async Task ABodyOverTheLimit_Is413_DeclaredOrNot_AndNothingIsStored()
    {
        await using var f = await ServerFixture.Start(withTokens: true, maxRequestBytes: 1024);
        var big = new string('x', 4096);
        var (status, body, _) = await f.Post("/api/align", new { source = new { text = big }, target = new { text = big } });
        AssertErrorShape(status, body, 413);
        StringAssert.Contains(body.GetProperty("error").GetString(), "1024 bytes");

        // Streamed without a Content-Length: cut at the limit as it is read.
        var request = ServerFixture.Request(HttpMethod.Post, "/api/beads", ServerFixture.WriterToken);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"source\":{{\"lang\":\"en\",\"sentences\":[\"{big}\"]}}}}")));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentLength = null;
        var response = await f.Client.SendAsync(request);
        Assert.AreEqual(413, (int)response.StatusCode);
        using var m = f.OpenMemory();
        Assert.AreEqual(5, m.Stats().Documents);
    }

    [TestMethod]
    public async Task ABodyThatIsNotJson_Is415_AndBrokenJson400()
    {
        await using var f = await ServerFixture.Start();
        var request = ServerFixture.Request(HttpMethod.Post, "/api/align");
        request.Content = new StringContent("source=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await f.Client.SendAsync(request);
        Assert.AreEqual(415, (int)response.StatusCode);
        var (status, body, _) = await f.Post("/api/align", "{\"source\": [1, 2");
        AssertErrorShape(status, body, 400);
        (status, body, _) = await f.Post("/api/prefill", "null");
        AssertErrorShape(status, body, 400);
    }

    [TestMethod]
    public async Task AFailureOfTheServer_Is500_WithoutItsDetails()
    {
        await using var f = await ServerFixture.Start(open: _ => throw new InvalidOperationException("secret detail at /srv/memory.db"));
        var (status, body, _) = await f.Get("/api/stats");
        AssertErrorShape(status, body, 500);
        Assert.AreEqual("internal error (the server's log has the details)", body.GetProperty("error").GetString());
    }

    [TestMethod]
    public async Task AStorageFailure_Is503_InTheBackendsWords()
    {
        await using var f = await ServerFixture.Start(open: path => throw new MemoryException(MemoryProblem.Busy, path, "the memory stayed locked by another process"));
        var (status, body, _) = await f.Get("/api/health");
        AssertErrorShape(status, body, 503);
        Assert.AreEqual("the memory: the memory stayed locked by another process", body.GetProperty("error").GetString());
    }

    [TestMethod]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        await using var f = await ServerFixture.Start();
        foreach (var url in new[] { "/", "/api/stats", "/api/nothing-here" })
        {
            var (_, _, r) = await f.Get(url);
            Assert.AreEqual("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single(), url);
            StringAssert.Contains(r.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'self'", url);
            Assert.AreEqual("DENY", r.Headers.GetValues("X-Frame-Options").Single(), url);
        }
    }
}
