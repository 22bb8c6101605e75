using AlignTool.Server.Access;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Api;

/// <summary><c>GET /api/stats</c> (the object of <c>stats --format jsonl</c>) and <c>GET /api/health</c>.</summary>
internal static class MemoryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", Stats)
            .WithTags("memory").WithName("stats").WithSummary("Counts of the memory: documents, units, templates, variants by language, occurrences, schema (as 'stats --format jsonl')")
            .Produces<StatsRecord>().ProducesProblem400();
        app.MapGet("/api/health", Health)
            .WithTags("memory").WithName("health").WithSummary("Whether the server can read its memory, and whether it takes writes (no token needed)")
            .Produces<HealthRecord>().Produces<ApiError>(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(PublicAccess.Instance);
    }

    private static async Task<IResult> Stats(MemoryPool pool, HttpContext context)
    {
        var s = await pool.Use(h => h.Memory.Stats(), context.RequestAborted);
        return Results.Json(new StatsRecord(s.Documents, s.Units, s.TemplateUnits, s.VariantsPerLanguage.ToDictionary(kv => kv.Key.Tag, kv => kv.Value), s.Occurrences, s.SchemaVersion), ServerJson.Options);
    }

    private static async Task<IResult> Health(MemoryPool pool, ServeOptions options, HttpContext context)
    {
        await pool.Use(h => h.Memory.HasDocument("health"), context.RequestAborted); // a storage failure answers 503
        return Results.Json(new HealthRecord("ok", options.Tokens is not null), ServerJson.Options);
    }
}

/// <summary>The fields of <c>stats --format jsonl</c>.</summary>
internal sealed record StatsRecord(int Documents, int Units, int Templates, IReadOnlyDictionary<string, int> Variants, int Occurrences, int Schema);

/// <summary><c>status</c> is <c>ok</c>; <c>writable</c> says whether writer tokens exist (a token file was given).</summary>
internal sealed record HealthRecord(string Status, bool Writable);
