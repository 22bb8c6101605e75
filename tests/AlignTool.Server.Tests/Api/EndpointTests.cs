using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Server.Tests.Api;

/// <summary>Every endpoint through the in-process test host, on a SQLite memory of the catalogue and four seeds.</summary>
[TestClass]
public sealed class EndpointTests
{
    private static readonly string[] MatchFields = ["source", "target", "lang", "kind", "score", "via", "reasons"];

    private static string[] Names(JsonElement o) => o.EnumerateObject().Select(p => p.Name).ToArray();

    [TestMethod]
    public async Task Health_IsOk_AndSaysWhetherWritesAreTaken()
    {
        await using (var f = await ServerFixture.Start())
        {
            var (status, body, _) = await f.Get("/api/health");
            Assert.AreEqual(200, status);
            Assert.AreEqual("ok", body.GetProperty("status").GetString());
            Assert.IsFalse(body.GetProperty("writable").GetBoolean());
        }
        await using (var f = await ServerFixture.Start(withTokens: true))
        {
            var (status, body, _) = await f.Get("/api/health"); // no token: health tells nothing of the memory
            Assert.AreEqual(200, status);
            Assert.IsTrue(body.GetProperty("writable").GetBoolean());
        }
    }

    [TestMethod]
    public async Task Stats_AreTheMemorysCounts_WithTheFieldsOfStatsJsonl()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Get("/api/stats");
        Assert.AreEqual(200, status);
        using var m = f.OpenMemory();
        var s = m.Stats();
        CollectionAssert.AreEqual(new[] { "documents", "units", "templates", "variants", "occurrences", "schema" }, Names(body));
        Assert.AreEqual(s.Documents, body.GetProperty("documents").GetInt32());
        Assert.AreEqual(5, s.Documents); // the catalogue and four seeds
        Assert.AreEqual(s.Units, body.GetProperty("units").GetInt32());
        Assert.AreEqual(s.VariantsPerLanguage[AlignTool.Core.Text.Language.Chinese], body.GetProperty("variants").GetProperty("zh").GetInt32());
    }

    [TestMethod]
    public async Task Lookup_ReRendersATemplate_WithTheFieldsOfLookupJsonl()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, response) = await f.Get("/api/lookup?text=" + Uri.EscapeDataString("Fiftieth session") + "&to=ar");
        Assert.AreEqual(200, status);
        Assert.AreEqual("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var first = body.EnumerateArray().First();
        CollectionAssert.AreEqual(MatchFields, Names(first));
        Assert.AreEqual("الدورة الخمسون", first.GetProperty("target").GetString());
        Assert.AreEqual("template", first.GetProperty("kind").GetString());
        Assert.AreEqual("ar", first.GetProperty("lang").GetString());
        // The raw JSON carries Arabic as it is, not escaped.
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "الدورة الخمسون");
    }

    [TestMethod]
    public async Task Lookup_TakesMinAndLimit_AndAcceptsTheTagsOfOtherTools()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Get("/api/lookup?text=" + Uri.EscapeDataString("Human Rights Council") + "&to=zh-CN&min=100&limit=1");
        Assert.AreEqual(200, status);
        Assert.AreEqual(1, body.GetArrayLength());
        Assert.AreEqual("人权理事会", body[0].GetProperty("target").GetString());
        Assert.AreEqual(100, body[0].GetProperty("score").GetInt32());
    }

    [TestMethod]
    [DataRow("/api/lookup?to=ar", "text is empty")]
    [DataRow("/api/lookup?text=session&to=fr", "to must be zh or ar, not 'fr'")]
    [DataRow("/api/lookup?text=session", "to must be zh or ar, not ''")]
    [DataRow("/api/lookup?text=session&to=ar&min=101", "min is a score from 0 to 100, not 101")]
    [DataRow("/api/lookup?text=session&to=ar&limit=0", "limit is from 1 to 100, not 0")]
    [DataRow("/api/lookup?text=session&to=ar&from=de", "from must be auto, en, ar or zh, not 'de'")]
    [DataRow("/api/lookup?text=session&to=ar&limit=many", "limit")]
    [DataRow("/api/concordance?term=%20", "term is empty")]
    public async Task BadQueries_Are400_WithTheReason(string url, string reason)
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Get(url);
        Assert.AreEqual(400, status);
        Assert.AreEqual(400, body.GetProperty("status").GetInt32());
        StringAssert.Contains(body.GetProperty("error").GetString(), reason);
    }

    [TestMethod]
    public async Task Concordance_FindsTheTermInChinese_WithTheFieldsOfConcordanceJsonl()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Get("/api/concordance?term=" + Uri.EscapeDataString("人权理事会") + "&limit=3");
        Assert.AreEqual(200, status);
        Assert.IsTrue(body.GetArrayLength() is > 0 and <= 3);
        CollectionAssert.AreEqual(new[] { "source", "lang", "target", "via" }, Names(body[0]));
        Assert.IsTrue(body.EnumerateArray().All(h => h.GetProperty("lang").GetString() == "zh" && h.GetProperty("target").GetString()!.Contains("人权理事会", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Prefill_DraftsTheSample_AsThePrefillCommandDoes()
    {
        await using var f = await ServerFixture.Start();
        var text = File.ReadAllText(Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md"));
        var (status, body, _) = await f.Post("/api/prefill", new { text, to = "zh", name = "A-HRC-50-G-3.md" });
        Assert.AreEqual(200, status, body.ToString());
        var report = body.GetProperty("report");
        Assert.AreEqual(20, report.GetProperty("segments").GetInt32()); // as the README's prefill says
        Assert.AreEqual("zh", report.GetProperty("lang").GetString());
        Assert.IsTrue(report.GetProperty("byKind").GetProperty("template").GetInt32() > 0);
        StringAssert.Contains(body.GetProperty("draft").GetString(), "人权理事会");
        var segment = body.GetProperty("segments")[0];
        foreach (var field in new[] { "id", "source", "target", "lang", "kind", "score", "via", "action", "zone", "start", "length" })
            Assert.IsTrue(segment.TryGetProperty(field, out _), field);
    }

    [TestMethod]
    public async Task Prefill_OfAChineseDocument_OrAnotherFormat_IsRefused()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Post("/api/prefill", new { text = ServerFixture.Fixture("pair-zh.md"), to = "ar" });
        Assert.AreEqual(400, status);
        Assert.AreEqual("the document is in Chinese; prefill takes an English document", body.GetProperty("error").GetString());
        (status, body, _) = await f.Post("/api/prefill", new { text = ServerFixture.Fixture("pair-en.md"), to = "ar", format = "docx" });
        Assert.AreEqual(415, status);
        StringAssert.Contains(body.GetProperty("error").GetString(), "format 'docx'");
    }

    [TestMethod]
    public async Task Align_GivesSentencesAndBeads_WithTheSplitAndTheMergeOfThePair()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Post("/api/align", ServerFixture.AlignPair("zh"));
        Assert.AreEqual(200, status, body.ToString());
        Assert.AreEqual("en", body.GetProperty("source").GetProperty("lang").GetString());
        Assert.AreEqual("zh", body.GetProperty("target").GetProperty("lang").GetString());
        Assert.AreEqual(6, body.GetProperty("source").GetProperty("sentences").GetArrayLength());
        var beads = body.GetProperty("beads").EnumerateArray().Select(b => $"{string.Join(",", b.GetProperty("src").EnumerateArray())}-{string.Join(",", b.GetProperty("tgt").EnumerateArray())}").ToList();
        CollectionAssert.Contains(beads, "2-2,3"); // one English sentence split in two
        CollectionAssert.Contains(beads, "4,5-5"); // two merged into one
        var bead = body.GetProperty("beads")[0];
        CollectionAssert.AreEqual(new[] { "src", "tgt", "confidence", "review" }, Names(bead));
        Assert.IsTrue(bead.GetProperty("confidence").GetDouble() is > 0 and <= 1);
    }

    [TestMethod]
    public async Task Align_AVersionInAnotherLanguageThanSaid_Is400()
    {
        await using var f = await ServerFixture.Start();
        var (status, body, _) = await f.Post("/api/align", new { source = new { text = ServerFixture.Fixture("pair-en.md") }, target = new { text = ServerFixture.Fixture("pair-ar.md"), lang = "zh" } });
        Assert.AreEqual(400, status);
        Assert.AreEqual("target: the text is in Arabic, not Chinese as target.lang says", body.GetProperty("error").GetString());
    }

    [TestMethod]
    public async Task Beads_MergedByAReviewer_AreStored_AndALookupReturnsTheMergedPair()
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        var (_, aligned, _) = await f.Post("/api/align", ServerFixture.AlignPair("ar"), ServerFixture.ReaderToken);
        var en = aligned.GetProperty("source").GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        var ar = aligned.GetProperty("target").GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        // The reviewer merges the first two beads (0-0 and 1-1) into one.
        var beads = new object[] { new { src = new[] { 0, 1 }, tgt = new[] { 0, 1 } } };
        var request = new { source = new { name = "pair-en.md", lang = "en", sentences = en }, target = new { name = "pair-ar.md", lang = "ar", sentences = ar }, beads };
        var (status, body, _) = await f.Post("/api/beads", request, ServerFixture.WriterToken);
        Assert.AreEqual(200, status, body.ToString());
        Assert.AreEqual("added", body.GetProperty("status").GetString());
        Assert.AreEqual("pair-en.md + pair-ar.md (reviewed)", body.GetProperty("document").GetString());
        Assert.AreEqual(1, body.GetProperty("units").GetInt32());

        var (_, matches, _) = await f.Get("/api/lookup?to=ar&text=" + Uri.EscapeDataString(en[0] + " " + en[1]), ServerFixture.ReaderToken);
        Assert.AreEqual("exact", matches[0].GetProperty("kind").GetString());
        Assert.AreEqual(ar[0] + " " + ar[1], matches[0].GetProperty("target").GetString());
        Assert.AreEqual("pair-en.md + pair-ar.md (reviewed)", matches[0].GetProperty("via").GetString());

        // The same beads again add nothing; the author recorded is the token's name.
        (status, body, _) = await f.Post("/api/beads", request, ServerFixture.WriterToken);
        Assert.AreEqual("already-present", body.GetProperty("status").GetString());
        using var m = f.OpenMemory();
        var unit = m.Export(null).Single(u => u.English == en[0] + " " + en[1]);
        Assert.AreEqual("Alice Example", unit.Variants.Single(v => v.Lang == AlignTool.Core.Text.Language.Arabic).Meta.CreatedBy);
    }

    [TestMethod]
    public async Task Beads_OfOneEnglishWithArabicThenChinese_AreStored_AndALookupReturnsEachTranslation()
    {
        // The review page's three-way store: the same English rows, once a pair.
        await using var f = await ServerFixture.Start(withTokens: true);
        var versions = new Dictionary<string, List<string>>();
        foreach (var lang in new[] { "ar", "zh" })
        {
            var (_, aligned, _) = await f.Post("/api/align", ServerFixture.AlignPair(lang), ServerFixture.ReaderToken);
            versions["en"] = aligned.GetProperty("source").GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
            versions[lang] = aligned.GetProperty("target").GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        }
        var en = versions["en"];
        var expected = new Dictionary<string, (int Units, int Variants, string Target)>
        {
            ["ar"] = (1, 1, versions["ar"][0] + " " + versions["ar"][1]),
            ["zh"] = (0, 1, versions["zh"][0] + versions["zh"][1]), // the unit is there already; Chinese runs on
        };
        foreach (var (lang, want) in expected)
        {
            var request = new
            {
                source = new { name = "pair-en.md", lang = "en", sentences = en },
                target = new { name = $"pair-{lang}.md", lang, sentences = versions[lang] },
                beads = new object[] { new { src = new[] { 0, 1 }, tgt = new[] { 0, 1 } } },
            };
            var (status, body, _) = await f.Post("/api/beads", request, ServerFixture.WriterToken);
            Assert.AreEqual(200, status, body.ToString());
            Assert.AreEqual("added", body.GetProperty("status").GetString(), lang);
            Assert.AreEqual($"pair-en.md + pair-{lang}.md (reviewed)", body.GetProperty("document").GetString());
            Assert.AreEqual(want.Units, body.GetProperty("units").GetInt32(), lang);
            Assert.AreEqual(want.Variants, body.GetProperty("variants").GetInt32(), lang);
        }
        foreach (var (lang, want) in expected)
        {
            var (_, matches, _) = await f.Get($"/api/lookup?to={lang}&text=" + Uri.EscapeDataString(en[0] + " " + en[1]), ServerFixture.ReaderToken);
            Assert.AreEqual("exact", matches[0].GetProperty("kind").GetString(), lang);
            Assert.AreEqual(want.Target, matches[0].GetProperty("target").GetString(), lang);
        }
    }

    [TestMethod]
    [DataRow("""{"source":{"lang":"en","sentences":["A."]},"target":{"lang":"zh","sentences":["甲。"]},"beads":[{"src":[1],"tgt":[0]}]}""", "bead 0: English sentence 1 does not exist (1 sentence(s))")]
    [DataRow("""{"source":{"lang":"ar","sentences":["أ."]},"target":{"lang":"zh","sentences":["甲。"]},"beads":[]}""", "source.lang must be en")]
    [DataRow("""{"source":{"lang":"en","sentences":["A."]},"target":{"lang":"zh","sentences":["甲。"]}}""", "missing required properties")]
    [DataRow("""{"source":{"lang":"en","sentences":["A."]},"target":{"lang":"zh","sentences":["甲。"]},"beads":[{"src":["x"],"tgt":[0]}]}""", "$.beads[0].src[0]")]
    [DataRow("""{"source":{"lang":"en","sentences":["A."]},"target":{"lang":"zh","sentences":["甲。"]},"beads":[],"extra":1}""", "extra")]
    [DataRow("""{"source": """, "the request body is not a valid request")]
    public async Task Beads_ThatCannotBeStored_Are400_AndNothingIsStored(string json, string reason)
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        var (status, body, _) = await f.Post("/api/beads", json, ServerFixture.WriterToken);
        Assert.AreEqual(400, status, body.ToString());
        StringAssert.Contains(body.GetProperty("error").GetString(), reason);
        using var m = f.OpenMemory();
        Assert.AreEqual(5, m.Stats().Documents);
    }

    [TestMethod]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        var (status, body, _) = await f.Get("/openapi.json"); // no token needed
        Assert.AreEqual(200, status);
        StringAssert.StartsWith(body.GetProperty("openapi").GetString(), "3.");
        var paths = body.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "/api/align", "/api/beads", "/api/concordance", "/api/health", "/api/lookup", "/api/prefill", "/api/stats" }, paths);
        Assert.IsTrue(body.GetProperty("paths").GetProperty("/api/beads").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
    }
}
