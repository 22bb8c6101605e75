using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlignTool.Core.Alignment;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Tests;
using AlignTool.Memory.Sqlite;
using AlignTool.Server.Access;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.TestHost;

namespace AlignTool.Server.Tests;

/// <summary>
/// The server on the in-process test host over a SQLite memory in a temporary folder: the boilerplate catalogue and
/// four seeds, built once and copied for each fixture. Handles are opened as <c>aligntool serve</c> opens them, one
/// connection each.
/// </summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    public const string WriterToken = "writer-token-0123456789";
    public const string ReaderToken = "reader-token-0123456789";

    /// <summary>A token file with one writer (named, so what it stores is recorded as Alice's) and one reader.</summary>
    public const string TokenFile = $"# tokens for the tests\n{WriterToken} writer Alice Example\n\n{ReaderToken} reader\n";

    private static readonly Lazy<string> Template = new(BuildTemplate);

    private ServerFixture(string dir, string db, MemoryPool pool, WebApplication app)
    {
        Dir = dir;
        DbPath = db;
        Pool = pool;
        App = app;
        Client = app.GetTestClient();
    }

    public string Dir { get; }

    public string DbPath { get; }

    public MemoryPool Pool { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static Task<ServerFixture> Start(bool withTokens = false, long? maxRequestBytes = null, Func<string, ITranslationMemory>? open = null, Func<Exception, string?>? describe = null)
    {
        var options = ServeOptions.Default with
        {
            Port = 0,
            Tokens = withTokens ? TokenSet.Parse(TokenFile) : null,
            MaxRequestBytes = maxRequestBytes ?? ServeOptions.Default.MaxRequestBytes,
            DescribeStorageFailure = describe ?? (e => e is MemoryException m ? m.Message : null),
            MaxHandles = 4,
        };
        return Start(options, open);
    }

    public static async Task<ServerFixture> Start(ServeOptions options, Func<string, ITranslationMemory>? open = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aligntool-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "memory.db");
        File.Copy(Template.Value, db);
        open ??= path => SqliteTranslationMemory.Open(path);
        var pool = new MemoryPool(() => open(db), options.MaxHandles);
        var app = ApiServer.Build(options, pool, host: web => web.UseTestServer());
        await app.StartAsync();
        return new ServerFixture(dir, db, pool, app);
    }

    /// <summary>A copy of the test memory in <paramref name="dir"/>, for a server run as its own process.</summary>
    public static string CopyOfMemory(string dir)
    {
        var path = Path.Combine(dir, "memory.db");
        File.Copy(Template.Value, path);
        return path;
    }

    /// <summary>The memory in a file of its own: the catalogue and seeds 000, 001, 002 and 004.</summary>
    private static string BuildTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "aligntool-serve-template-" + Guid.NewGuid().ToString("N") + ".db");
        using var memory = SqliteTranslationMemory.Open(path, new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing });
        var ingestor = new Ingestor(memory, TimeProvider.System, "test");
        ingestor.IngestCatalog(Catalog.Default, "catalog:test");
        foreach (var s in new[] { TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed004 })
            ingestor.IngestDocument(s, TestData.SeedText(s), Ingestor.TmDataOrigin);
        return path;
    }

    /// <summary>A second handle on the memory, to check what the server stored.</summary>
    public SqliteTranslationMemory OpenMemory() => SqliteTranslationMemory.Open(DbPath);

    public static HttpRequestMessage Request(HttpMethod method, string url, string? token = null, object? json = null)
    {
        var r = new HttpRequestMessage(method, url);
        if (token is not null) r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) r.Content = new StringContent(json as string ?? JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        return r;
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Send(HttpMethod method, string url, string? token = null, object? json = null)
    {
        var response = await Client.SendAsync(Request(method, url, token, json));
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json" ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response);
    }

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Get(string url, string? token = null) => Send(HttpMethod.Get, url, token);

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Post(string url, object json, string? token = null) => Send(HttpMethod.Post, url, token, json);

    /// <summary>The body of <c>/api/align</c> for the test pair tests/fixtures/pair-en.md and pair-LANG.md.</summary>
    public static object AlignPair(string lang) => new
    {
        source = new { name = "pair-en.md", text = Fixture("pair-en.md") },
        target = new { name = $"pair-{lang}.md", text = Fixture($"pair-{lang}.md") },
    };

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "fixtures", name));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Pool.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}
