using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Text;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Api;

/// <summary><c>POST /api/prefill</c>: an English document in, its draft, one record per source segment (the fields of
/// <c>prefill --format jsonl</c>) and the report out, made by Core's <see cref="Prefiller"/>. Markdown for now; .docx and
/// XLIFF take a <c>format</c> of their own when they land.</summary>
internal static class PrefillEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/prefill", Prefill)
            .WithTags("documents").WithName("prefill").WithSummary("Prefill the Arabic or Chinese draft of an English document (Markdown) from the memory")
            .Accepts<PrefillRequest>("application/json").Produces<PrefillResponse>().ProducesWriteErrors();

    private static async Task<IResult> Prefill(MemoryPool pool, HttpContext context)
    {
        var request = await RequestBody.Read<PrefillRequest>(context);
        var target = Languages.Target(request.To, "to");
        if (request.Format is not (null or "md")) throw new ApiException(StatusCodes.Status415UnsupportedMediaType, $"format '{request.Format}' is not read yet (md is)");
        int fill = request.Fill ?? PrefillPolicy.Default.FillThreshold, suggest = request.Suggest ?? PrefillPolicy.Default.SuggestThreshold;
        if (fill is < 0 or > 100 || suggest is < 0 or > 100) throw ApiException.BadRequest("fill and suggest are scores from 0 to 100");
        if (string.IsNullOrWhiteSpace(request.Text)) throw ApiException.BadRequest("text is empty");
        var name = string.IsNullOrWhiteSpace(request.Name) ? "document.md" : request.Name;
        var doc = new DocumentParser().Parse(name, request.Text, ParseOptions.Default);
        var main = doc.HasCover ? doc.CoverLanguage : doc.Languages.FirstOrDefault() ?? LanguageTag.Undetermined;
        if (main != LanguageTag.English)
            throw ApiException.BadRequest(LanguageTag.IsSupported(main) ? $"the document is in {Languages.Name(main)}; prefill takes an English document" : "the document is in no language AlignTool supports; prefill takes an English document");
        var policy = PrefillPolicy.Default with { FillThreshold = fill, SuggestThreshold = suggest };
        var result = await pool.Use(h => new Prefiller(h.Lookup).Prefill(doc, target, policy), context.RequestAborted);
        var r = result.Report;
        var report = new PrefillReportRecord(name, r.TargetLang, r.Segments, r.SegmentsKept, r.SegmentsFilled, r.SegmentsForReview, r.Words, r.WordsFilled, r.Suggestions,
            r.SegmentShare, r.WordShare, r.ByKind.ToDictionary(kv => kv.Key.Name(), kv => kv.Value), r.LeftInEnglishByField, r.UnknownStates);
        return Results.Json(new PrefillResponse(result.Draft, report, result.Segments.Select(s => PrefillSegmentRecord.Of(s, target)).ToList()), ServerJson.Options);
    }
}

/// <summary>The document (Markdown text), the target language, and the thresholds of <c>prefill --fill/--suggest</c>.</summary>
internal sealed record PrefillRequest(string Text, string To, string? Name = null, string? Format = null, int? Fill = null, int? Suggest = null);

internal sealed record PrefillResponse(string Draft, PrefillReportRecord Report, IReadOnlyList<PrefillSegmentRecord> Segments);

/// <summary>The report <c>prefill</c> prints on stderr, as numbers.</summary>
internal sealed record PrefillReportRecord(
    string Document, string Lang, int Segments, int Kept, int Filled, int ForReview, int Words, int WordsFilled, int Suggestions,
    double SegmentShare, double WordShare, IReadOnlyDictionary<string, int> ByKind, IReadOnlyDictionary<string, int> LeftInEnglishByField, IReadOnlyList<string> UnknownStates);

/// <summary>A source segment: the fields of <c>prefill --format jsonl</c>.</summary>
internal sealed record PrefillSegmentRecord(
    int Id, string Source, string Target, string Lang, string Kind, int Score, string Via, string Action, string Zone, string? Field, int Start, int Length, SuggestionRecord? Suggestion)
{
    public static PrefillSegmentRecord Of(PrefillSegment s, string lang) => new(
        s.Id, s.Source, s.Target, lang, s.Kind.Name(), s.Score, s.Via, s.Action.ToString().ToLowerInvariant(), s.Zone, s.Field.Length > 0 ? s.Field : null,
        s.SourceSpan.Start, s.SourceSpan.Length,
        s.Action == PrefillAction.LeftInEnglish && s.Suggestion is { } m ? new SuggestionRecord(m.Target, m.Kind.Name(), m.Score, m.Via) : null);
}

internal sealed record SuggestionRecord(string Target, string Kind, int Score, string Via);
