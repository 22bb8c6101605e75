using AlignTool.Core.Alignment;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Text;
using AlignTool.Server.Access;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Api;

/// <summary><c>POST /api/beads</c>: stores the beads a person reviewed (Core's <see cref="Ingestor.IngestReviewed"/>), one
/// transaction; needs a writer token. The author recorded is the token's name, else the server's author.</summary>
internal static class BeadsEndpoint
{
    public const int MaxSentences = 20_000;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/beads", Store)
            .WithTags("documents").WithName("beads").WithSummary("Store reviewed beads: English sentences against Arabic or Chinese ones (needs a writer token)")
            .Accepts<BeadsRequest>("application/json").Produces<BeadsResponse>().ProducesWriteErrors()
            .WithMetadata(WriteAccess.Instance);

    private static async Task<IResult> Store(MemoryPool pool, LexiconCache lexicons, ServeOptions options, HttpContext context)
    {
        var request = await RequestBody.Read<BeadsRequest>(context);
        if (Languages.Source(request.Source.Lang, "source.lang") != LanguageTag.English) throw ApiException.BadRequest("source.lang must be en: the memory is keyed by English");
        var otherLang = Languages.Target(request.Target.Lang, "target.lang");
        if (request.Source.Sentences.Count > MaxSentences || request.Target.Sentences.Count > MaxSentences)
            throw ApiException.BadRequest($"at most {MaxSentences} sentences a version");
        var pair = new ReviewedPair(Name(request.Source.Name, "en"), request.Source.Sentences, Name(request.Target.Name, otherLang), otherLang, request.Target.Sentences,
            request.Beads.Select(b => new Bead(b.Src, b.Tgt, 1.0)).ToList());
        if (pair.Problem() is { } problem) throw ApiException.BadRequest(problem);
        var author = Caller.Of(context).Name ?? options.Author;
        var report = await pool.Use(h => new Ingestor(h.Memory, TimeProvider.System, author).IngestReviewed(pair), context.RequestAborted);
        if (report.Status == IngestStatus.Added) lexicons.Clear();
        var status = report.Status switch
        {
            IngestStatus.Added => "added",
            IngestStatus.AlreadyPresent => "already-present",
            _ => "nothing-to-align",
        };
        return Results.Json(new BeadsResponse(report.Name, status, report.Units, report.Variants), ServerJson.Options);
    }

    private static string Name(string? name, string lang) => string.IsNullOrWhiteSpace(name) ? $"review.{lang}.md" : name.Trim();
}

/// <summary>A version's sentences as <c>/api/align</c> gave them (the ids of the beads), with its name and language.</summary>
internal sealed record BeadsVersion(IReadOnlyList<string> Sentences, string Lang, string? Name = null);

/// <summary>A reviewed bead: English sentence ids and target sentence ids (either may be empty: not stored).</summary>
internal sealed record ReviewedBeadRecord(IReadOnlyList<int> Src, IReadOnlyList<int> Tgt);

internal sealed record BeadsRequest(BeadsVersion Source, BeadsVersion Target, IReadOnlyList<ReviewedBeadRecord> Beads);

/// <summary>The fields of <c>ingest --pair --format jsonl</c>: the document stored, its status, units and variants added.</summary>
internal sealed record BeadsResponse(string Document, string Status, int Units, int Variants);
