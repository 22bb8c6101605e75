using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Text;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Api;

/// <summary><c>POST /api/align</c>: two language versions (Markdown) in, their sentences and the beads between them out
/// (the fields of <c>align --format jsonl</c>), aligned by Core's <see cref="DocumentAligner"/> with the memory's pairs as
/// lexical evidence, as <c>align --tm</c> does.</summary>
internal static class AlignEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/align", Align)
            .WithTags("documents").WithName("align").WithSummary("Align two language versions: the sentences of each and the beads between them, with their confidence")
            .Accepts<AlignRequest>("application/json").Produces<AlignResponse>().ProducesWriteErrors();

    private static async Task<IResult> Align(MemoryPool pool, LexiconCache lexicons, HttpContext context)
    {
        var request = await RequestBody.Read<AlignRequest>(context);
        var (sBlocks, sl) = Read(request.Source, "source");
        var (tBlocks, tl) = Read(request.Target, "target");
        var lexicon = lexicons.Get(sl, tl, () => pool.Use(h => MemoryLexicon.Known(h.Memory, sl, tl), context.RequestAborted).GetAwaiter().GetResult());
        var options = AlignOptions.Default with { Lexicon = lexicon };
        var beads = new DocumentAligner(options).Align(sBlocks, sl, tBlocks, tl);
        var aligner = new SentenceAligner(options);
        return Results.Json(new AlignResponse(
            new VersionRecord(request.Source.Name, sl, sBlocks.SelectMany(b => b).ToList()),
            new VersionRecord(request.Target.Name, tl, tBlocks.SelectMany(b => b).ToList()),
            beads.Select(b => new BeadRecord(b.Source, b.Target, b.Confidence, aligner.NeedsReview(b))).ToList()), ServerJson.Options);
    }

    /// <summary>A version's sentences by block and its language: the one given, checked against the text's script, else the text's.</summary>
    private static (List<IReadOnlyList<string>> Blocks, string Lang) Read(AlignVersion version, string side)
    {
        var given = Languages.Source(version.Lang, $"{side}.lang");
        if (string.IsNullOrWhiteSpace(version.Text)) throw ApiException.BadRequest($"{side}.text is empty");
        var doc = new DocumentParser().Parse(version.Name ?? side, version.Text);
        var blocks = VersionSentences.ByBlock(doc);
        if (blocks.Count == 0) throw ApiException.BadRequest($"{side}: no sentence to align");
        var detected = VersionSentences.Language(blocks);
        if (given is not null && LanguageTag.IsSupported(detected) && detected != given)
            throw ApiException.BadRequest($"{side}: the text is in {Languages.Name(detected)}, not {Languages.Name(given)} as {side}.lang says");
        var lang = given ?? detected;
        if (!LanguageTag.IsSupported(lang)) throw ApiException.BadRequest($"{side}: the text is in no language AlignTool supports (give {side}.lang)");
        return (blocks, lang);
    }
}

/// <summary>A language version: its Markdown text, a name for messages and what is stored, and its language (auto when absent).</summary>
internal sealed record AlignVersion(string Text, string? Name = null, string? Lang = null);

internal sealed record AlignRequest(AlignVersion Source, AlignVersion Target);

/// <summary>A version's sentences in reading order: the ids beads refer to.</summary>
internal sealed record VersionRecord(string? Name, string Lang, IReadOnlyList<string> Sentences);

/// <summary>A bead: the fields of <c>align --format jsonl</c>.</summary>
internal sealed record BeadRecord(IReadOnlyList<int> Src, IReadOnlyList<int> Tgt, double Confidence, bool Review);

internal sealed record AlignResponse(VersionRecord Source, VersionRecord Target, IReadOnlyList<BeadRecord> Beads);
