using System.Net.Http.Headers;

namespace AlignTool.Server.Tests.Access;

/// <summary>Who may do what: read-only without a token file; with one, 401 without a known token, 403 for a reader's write.</summary>
[TestClass]
public sealed class AccessTests
{
    private static readonly object NoBeads = new
    {
        source = new { lang = "en", sentences = new[] { "The Council adopted the report." } },
        target = new { lang = "zh", sentences = new[] { "理事会通过了报告。" } },
        beads = new[] { new { src = new[] { 0 }, tgt = new[] { 0 } } },
    };

    [TestMethod]
    public async Task WithoutATokenFile_ReadsAreOpen_AndWritesAre403()
    {
        await using var f = await ServerFixture.Start();
        Assert.AreEqual(200, (await f.Get("/api/stats")).Status);
        Assert.AreEqual(200, (await f.Get("/api/lookup?text=session&to=zh")).Status);
        Assert.AreEqual(200, (await f.Post("/api/align", ServerFixture.AlignPair("zh"))).Status);
        var (status, body, _) = await f.Post("/api/beads", NoBeads);
        Assert.AreEqual(403, status);
        Assert.AreEqual("the server is read-only: it was started without --token-file", body.GetProperty("error").GetString());
        // A token changes nothing: there is no writer.
        Assert.AreEqual(403, (await f.Post("/api/beads", NoBeads, ServerFixture.WriterToken)).Status);
        using var m = f.OpenMemory();
        Assert.AreEqual(5, m.Stats().Documents);
    }

    [TestMethod]
    [DataRow("GET", "/api/stats", null, 401)]
    [DataRow("GET", "/api/stats", "not-a-token-of-the-file", 401)]
    [DataRow("GET", "/api/stats", ServerFixture.ReaderToken, 200)]
    [DataRow("GET", "/api/stats", ServerFixture.WriterToken, 200)]
    [DataRow("GET", "/api/lookup?text=session&to=zh", null, 401)]
    [DataRow("GET", "/api/lookup?text=session&to=zh", ServerFixture.ReaderToken, 200)]
    [DataRow("GET", "/api/concordance?term=session", null, 401)]
    [DataRow("GET", "/api/concordance?term=session", ServerFixture.ReaderToken, 200)]
    [DataRow("POST", "/api/align", null, 401)]
    [DataRow("POST", "/api/align", ServerFixture.ReaderToken, 200)]
    [DataRow("POST", "/api/prefill", null, 401)]
    [DataRow("POST", "/api/prefill", ServerFixture.ReaderToken, 200)]
    [DataRow("POST", "/api/beads", null, 401)]
    [DataRow("POST", "/api/beads", "not-a-token-of-the-file", 401)]
    [DataRow("POST", "/api/beads", ServerFixture.ReaderToken, 403)]
    [DataRow("POST", "/api/beads", ServerFixture.WriterToken, 200)]
    [DataRow("GET", "/api/health", null, 200)]
    [DataRow("GET", "/openapi.json", null, 200)]
    [DataRow("GET", "/", null, 200)]
    public async Task WithATokenFile_EachEndpointAndToken(string method, string url, string? token, int expected)
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        object? body = url switch
        {
            "/api/align" => ServerFixture.AlignPair("zh"),
            "/api/prefill" => new { text = ServerFixture.Fixture("en-cover-000.md"), to = "zh" },
            "/api/beads" => NoBeads,
            _ => null,
        };
        var (status, json, response) = await f.Send(new HttpMethod(method), url, token, body);
        Assert.AreEqual(expected, status, json.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "" : json.ToString());
        if (expected == 401)
        {
            Assert.AreEqual("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.AreEqual(401, json.GetProperty("status").GetInt32());
        }
        if (expected == 403) Assert.AreEqual("this token may read, not write", json.GetProperty("error").GetString());
    }

    [TestMethod]
    public async Task AnotherSchemeThanBearer_Is401_AndNoCookieIsEverSet()
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        var request = ServerFixture.Request(HttpMethod.Get, "/api/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("reader:" + ServerFixture.ReaderToken is var s ? System.Text.Encoding.ASCII.GetBytes(s) : []));
        var response = await f.Client.SendAsync(request);
        Assert.AreEqual(401, (int)response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "'Bearer TOKEN'");
        foreach (var url in new[] { "/", "/api/stats", "/api/health" })
        {
            var r = await f.Client.SendAsync(ServerFixture.Request(HttpMethod.Get, url, ServerFixture.ReaderToken));
            Assert.IsFalse(r.Headers.Contains("Set-Cookie"), url);
        }
    }
}
