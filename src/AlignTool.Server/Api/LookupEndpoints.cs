using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Text;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Api;

/// <summary><c>GET /api/lookup</c> and <c>GET /api/concordance</c>: what <c>lookup</c> and <c>concordance</c> print with
/// <c>--format jsonl</c>, as a JSON array, found by Core's <see cref="MemoryLookup"/>.</summary>
internal static class LookupEndpoints
{
    public const int MaxLimit = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lookup", Lookup)
            .WithTags("lookup").WithName("lookup").WithSummary("Matches for a text: exact, context, template and fuzzy, best first (the records of 'lookup --format jsonl')")
            .Produces<IReadOnlyList<MatchRecord>>().ProducesProblem400();
        app.MapGet("/api/concordance", Concordance)
            .WithTags("lookup").WithName("concordance").WithSummary("Units that contain a term, in any language (the records of 'concordance --format jsonl')")
            .Produces<IReadOnlyList<ConcordanceRecord>>().ProducesProblem400();
    }

    private static async Task<IResult> Lookup(MemoryPool pool, HttpContext context, string? text, string? to, string? from, int? min, int? limit)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiException.BadRequest("text is empty");
        var target = Languages.Target(to, "to");
        int minScore = min ?? 70, most = limit ?? 5;
        if (minScore is < 0 or > 100) throw ApiException.BadRequest($"min is a score from 0 to 100, not {minScore}");
        if (most is < 1 or > MaxLimit) throw ApiException.BadRequest($"limit is from 1 to {MaxLimit}, not {most}");
        var sourceLang = Languages.Source(from, "from") ?? LanguageDetector.Detect(text);
        if (!LanguageTag.IsSupported(sourceLang)) sourceLang = LanguageTag.English;
        var matches = await pool.Use(h => h.Lookup.Lookup(text, Language.Of(sourceLang), Language.Of(target), new LookupOptions { MinScore = minScore, Limit = most }), context.RequestAborted);
        return Results.Json(matches.Select(MatchRecord.Of).ToList(), ServerJson.Options);
    }

    private static async Task<IResult> Concordance(MemoryPool pool, HttpContext context, string? term, int? limit)
    {
        if (string.IsNullOrWhiteSpace(term)) throw ApiException.BadRequest("term is empty");
        int most = limit ?? 50;
        if (most is < 1 or > 500) throw ApiException.BadRequest($"limit is from 1 to 500, not {most}");
        var hits = await pool.Use(h => h.Lookup.Concordance(term, most), context.RequestAborted);
        return Results.Json(hits.Select(h => new ConcordanceRecord(h.Source, h.Lang.Tag, h.Target, h.Via)).ToList(), ServerJson.Options);
    }
}

/// <summary>A match: the fields of <c>lookup --format jsonl</c>.</summary>
internal sealed record MatchRecord(string Source, string Target, string Lang, string Kind, int Score, string Via, IReadOnlyList<string> Reasons)
{
    public static MatchRecord Of(MemoryMatch m) => new(m.Source, m.Target, m.TargetLang.Tag, m.Kind.Name(), m.Score, m.Via, m.Reasons);
}

/// <summary>A unit with the term: the fields of <c>concordance --format jsonl</c>.</summary>
internal sealed record ConcordanceRecord(string Source, string Lang, string Target, string Via);
