using System.Text;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Placeables;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Prefill;

/// <summary>
/// Produces the Arabic or Chinese draft of an English UN document from a memory: cover fields looked up whole,
/// with their field and neighbours as context; running text sentence by sentence; masthead lines kept in English
/// with the version's language line added; the job number's letter set for the target; the annex reproduced as
/// received. The draft is the input Markdown with each segment replaced in place, so its structure stays.
/// </summary>
public sealed class Prefiller(MemoryLookup lookup, PlaceableSet? placeables = null)
{
    private readonly PlaceableSet _placeables = placeables ?? PlaceableSet.Default;
    private readonly Segmenter _segmenter = new();
    private TemplateMasker? _masker;

    /// <param name="blocksDone">Told how many of the document's blocks are done, after each.</param>
    public PrefillResult Prefill(Document doc, string targetLang, PrefillPolicy? policy = null, IProgress<int>? blocksDone = null)
    {
        policy ??= PrefillPolicy.Default;
        var segments = new List<PrefillSegment>();
        var replacements = new List<(int Start, int Length, string Text)>();
        var coverBlocks = doc.Blocks.Where(b => b.Field != Documents.CoverField.None && b.Zone is not Zone.AnnexHeading and not Zone.AnnexBody).ToList();

        int done = 0;
        foreach (var block in doc.Blocks)
        {
            if (done > 0) blocksDone?.Report(done);
            done++;
            if (block.Text.Length == 0) continue;
            bool annex = block.Zone is Zone.AnnexHeading or Zone.AnnexBody;
            if (annex && policy.KeepAnnexAsReceived)
            {
                foreach (var span in _segmenter.Segment(block.Text, block.Lang))
                    segments.Add(Kept(segments.Count, block, span, "as received"));
                continue;
            }
            if (block.Field != Documents.CoverField.None && block.Zone != Zone.AnnexBody)
            {
                var span = new TextSpan(0, block.Text.Length);
                var seg = TranslateField(segments.Count, block, span, targetLang, policy, coverBlocks);
                segments.Add(seg);
                if (seg.Target != seg.Source) replacements.Add(Replacement(block, span, seg.Target));
                continue;
            }
            foreach (var span in _segmenter.Segment(block.Text, block.Lang))
            {
                var seg = Translate(segments.Count, block, span, targetLang, policy, new LookupOptions());
                segments.Add(seg);
                if (seg.Target != seg.Source) replacements.Add(Replacement(block, span, seg.Target));
            }
        }

        // The masthead of an Arabic or Chinese version names its language before "Original:".
        var original = doc.Blocks.FirstOrDefault(b => b.Field == Documents.CoverField.OriginalLanguage);
        if (original is not null && !doc.Blocks.Any(b => b.Field == Documents.CoverField.VersionLanguage))
        {
            var name = _placeables.Codes.NameOf(targetLang);
            int at = original.Source.Start;
            bool hardBreaks = at >= 3 && doc.Source[at - 1] == '\n' && doc.Source[at - 2] == ' ' && doc.Source[at - 3] == ' ';
            bool sameLine = at > 0 && doc.Source[at - 1] == ' ';
            replacements.Add((at, 0, sameLine ? name + " " : hardBreaks ? name + "  \n" : name + "\n\n"));
        }

        var draft = Apply(doc.Source, replacements);
        return new PrefillResult(draft, segments, Report(targetLang, segments) with
        {
            LeftInEnglishByField = segments.Where(s => s.Action == PrefillAction.LeftInEnglish)
                                           .GroupBy(s => s.Field.Length > 0 ? s.Field : s.Zone).ToDictionary(g => g.Key, g => g.Count()),
            UnknownStates = UnknownStates(segments, targetLang),
        });
    }

    private PrefillSegment TranslateField(int id, Block block, TextSpan span, string targetLang, PrefillPolicy policy, List<Block> cover)
    {
        switch (block.Field)
        {
            case Documents.CoverField.Distribution or Documents.CoverField.IssueDate or Documents.CoverField.OriginalLanguage
                or Documents.CoverField.VersionLanguage or Documents.CoverField.Symbol or Documents.CoverField.Barcode:
                return Kept(id, block, span, "masthead stays in English");
            case Documents.CoverField.JobNumber when Codes.RecognizeJob(block.Text) is { } job:
            {
                var target = _placeables.Codes.RenderJob(job, targetLang);
                return Segment(id, block, span, target, MatchKind.Template, 100, "job-number", PrefillAction.Filled, null);
            }
        }
        int i = cover.IndexOf(block);
        var options = new LookupOptions
        {
            Field = block.Field is Documents.CoverField.Organ or Documents.CoverField.Body or Documents.CoverField.None ? null : block.Field,
            Previous = i > 0 ? cover[i - 1].Text : null,
            Next = i + 1 < cover.Count ? cover[i + 1].Text : null,
        };
        return Translate(id, block, span, targetLang, policy, options);
    }

    private PrefillSegment Translate(int id, Block block, TextSpan span, string targetLang, PrefillPolicy policy, LookupOptions options)
    {
        var source = span.Of(block.Text);
        var matches = lookup.Lookup(source, Language.English, Language.Of(targetLang), options with { MinScore = policy.SuggestThreshold, Limit = 3 });
        var best = matches.FirstOrDefault();
        if (best is null)
            return Segment(id, block, span, policy.UnmatchedMark + source, MatchKind.None, 0, "", PrefillAction.LeftInEnglish, null);
        if (best.Score < policy.FillThreshold)
            return Segment(id, block, span, policy.UnmatchedMark + source, MatchKind.None, 0, "", PrefillAction.LeftInEnglish, best);
        var fuzzy = best.Kind == MatchKind.Fuzzy;
        var target = fuzzy ? policy.FuzzyMark.Replace("{score}", best.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + best.Target : best.Target;
        return Segment(id, block, span, target, best.Kind, best.Score, best.Via, fuzzy ? PrefillAction.FilledForReview : PrefillAction.Filled, best);
    }

    private PrefillSegment Kept(int id, Block block, TextSpan span, string why) =>
        Segment(id, block, span, span.Of(block.Text), MatchKind.None, 0, why, PrefillAction.Kept, null);

    private static PrefillSegment Segment(int id, Block block, TextSpan span, string target, MatchKind kind, int score, string via, PrefillAction action, MemoryMatch? suggestion)
    {
        var source = span.Of(block.Text);
        return new PrefillSegment(id, block.Index, block.Zone.Name(), block.Field.Name(), block.Content.SourceSpanOf(span), source, target, kind, score, via, action, suggestion, Words(source));
    }

    private static (int, int, string) Replacement(Block block, TextSpan span, string target)
    {
        var source = block.Content.SourceSpanOf(span);
        return (source.Start, source.Length, EscapeMarkdown(target));
    }

    /// <summary>A target's asterisks are footnote markers, not emphasis.</summary>
    private static string EscapeMarkdown(string text) => text.Replace("*", "\\*", StringComparison.Ordinal);

    private static string Apply(string source, List<(int Start, int Length, string Text)> replacements)
    {
        var sb = new StringBuilder(source.Length + 256);
        int pos = 0;
        foreach (var (s0, l0, text) in replacements.OrderBy(r => r.Start).ThenBy(r => r.Length))
        {
            // A segment that starts with an escaped character (\* Reproduced as received…) takes its backslash along.
            var (start, length) = l0 > 0 && s0 > 0 && source[s0 - 1] == '\\' && char.IsPunctuation(source[s0]) ? (s0 - 1, l0 + 1) : (s0, l0);
            if (start < pos) continue; // overlapping (cannot happen for distinct segments)
            sb.Append(source, pos, start - pos).Append(text);
            pos = start + length;
        }
        sb.Append(source, pos, source.Length - pos);
        return sb.ToString();
    }

    /// <summary>The States of segments left in English that have no name in <paramref name="targetLang"/>.</summary>
    private List<string> UnknownStates(List<PrefillSegment> segments, string targetLang)
    {
        var names = new List<string>();
        foreach (var s in segments.Where(x => x.Action == PrefillAction.LeftInEnglish))
        {
            _masker ??= ReferenceEquals(_placeables, PlaceableSet.Default) ? TemplateMasker.Default : new TemplateMasker(_placeables);
            foreach (var state in _masker.Mask(s.Source, LanguageTag.English).Values.OfType<CountryValue>())
            {
                if (_placeables.Countries.Render(state, targetLang) is not null) continue;
                var name = _placeables.Countries.Render(state, LanguageTag.English) ?? state.Code;
                if (!names.Contains(name)) names.Add(name);
            }
        }
        return names;
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static PrefillReport Report(string targetLang, List<PrefillSegment> segments)
    {
        var byKind = segments.Where(s => s.Action != PrefillAction.Kept).GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        var toTranslate = segments.Where(s => s.Action != PrefillAction.Kept).ToList();
        return new PrefillReport(
            targetLang,
            byKind,
            segments.Count,
            segments.Count(s => s.Action == PrefillAction.Filled),
            segments.Count(s => s.Action == PrefillAction.FilledForReview),
            segments.Count(s => s.Action == PrefillAction.Kept),
            toTranslate.Sum(s => s.Words),
            toTranslate.Where(s => s.Action is PrefillAction.Filled or PrefillAction.FilledForReview).Sum(s => s.Words),
            segments.Count(s => s.Action == PrefillAction.LeftInEnglish && s.Suggestion is not null));
    }
}
