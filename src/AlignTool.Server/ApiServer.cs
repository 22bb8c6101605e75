using System.Net;
using AlignTool.Server.Access;
using AlignTool.Server.Api;
using AlignTool.Server.Page;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlignTool.Server;

/// <summary>
/// <c>aligntool serve</c>: the memory over HTTP. A JSON API (lookup, concordance, prefill, align, beads, stats,
/// health), its OpenAPI description at <c>/openapi.json</c>, and the browser page at <c>/</c>, on ASP.NET Core's
/// Kestrel. The memory is any <see cref="Core.Memory.Storage.ITranslationMemory"/>, opened through the host's
/// <see cref="MemoryPool"/>; every piece of logic is Core's.
/// </summary>
public static class ApiServer
{
    /// <summary>Builds the server; <paramref name="host"/> may replace the server (the in-process test host).</summary>
    public static WebApplication Build(ServeOptions options, MemoryPool pool, ServerLog? log = null, Action<IWebHostBuilder>? host = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ApiServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestLineSize = 16 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            if (options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) k.ListenLocalhost(options.Port);
            else k.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        host?.Invoke(builder.WebHost);
        builder.Services.ConfigureHttpJsonOptions(j => ServerJson.Configure(j.SerializerOptions));
        // A query parameter that does not bind (limit=many) throws, so that ErrorHandling answers it as JSON with the reason.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AlignTool";
            document.Info.Description = "The translation memory over HTTP: lookup, concordance, prefill, align, reviewed beads. Errors are {\"status\", \"error\"}. " +
                "With a token file, every endpoint but /api/health needs 'Authorization: Bearer TOKEN', and /api/beads a writer token; without one, the server is read-only.";
            document.Info.Version = typeof(ApiServer).Assembly.GetName().Version?.ToString(3) ?? "0";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(pool);
        builder.Services.AddSingleton(log ?? ServerLog.None);
        builder.Services.AddSingleton<LexiconCache>();

        var app = builder.Build();
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h.ContentSecurityPolicy = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            h["Referrer-Policy"] = "no-referrer";
            h.CacheControl = "no-store";
            return next(context);
        });
        app.UseMiddleware<ErrorHandling>();
        app.UseStatusCodePages(context => context.HttpContext.Response.ContentLength is null && context.HttpContext.Response.ContentType is null
            ? ApiError.Write(context.HttpContext, context.HttpContext.Response.StatusCode, Reason(context.HttpContext.Response.StatusCode))
            : Task.CompletedTask);
        app.UseMiddleware<BodyLimit>();
        app.UseRouting();
        app.UseMiddleware<AccessGate>();
        LookupEndpoints.Map(app);
        MemoryEndpoints.Map(app);
        PrefillEndpoint.Map(app);
        AlignEndpoint.Map(app);
        BeadsEndpoint.Map(app);
        PageEndpoints.Map(app);
        app.MapOpenApi("/openapi.json").WithMetadata(PublicAccess.Instance);
        return app;
    }

    private static string Reason(int status) => status switch
    {
        StatusCodes.Status404NotFound => "no such endpoint (see /openapi.json)",
        StatusCodes.Status405MethodNotAllowed => "this endpoint does not take this method (see /openapi.json)",
        _ => ReasonPhrases(status),
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : $"HTTP {status}";
}
