using System.Globalization;
using AlignTool.Core.Prefill;

namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// Rebuilds the target document from a finished XLIFF file that <c>aligntool prefill --format xliff|xliff2</c> wrote:
/// its skeleton with each segment's translation in its slot, so that headings, line breaks and the masthead stay as the
/// draft had them. A translation still to review is written with the draft's review mark and its score; a segment
/// without one stays in English with the draft's mark, as in a prefilled draft. An untouched file gives the draft
/// prefill wrote.
/// </summary>
public static class XliffMerge
{
    /// <exception cref="XliffException">The file has no AlignTool skeleton (another tool's, or one whose skeleton was
    /// damaged).</exception>
    public static (string Markdown, XliffMergeReport Report) Merge(XliffFile file, PrefillPolicy? policy = null)
    {
        policy ??= PrefillPolicy.Default;
        var skeleton = (file.Skeleton is null ? null : DraftSkeleton.Parse(file.Skeleton))
            ?? throw new XliffException(file.Skeleton is null
                ? "has no AlignTool skeleton: merge rebuilds documents from files that 'aligntool prefill --format xliff' wrote; add another tool's translations to the memory with 'aligntool import'"
                : "its AlignTool skeleton is damaged: the target document cannot be rebuilt");
        var byId = new Dictionary<string, XliffUnit>(StringComparer.Ordinal);
        foreach (var u in file.Units) byId.TryAdd(u.Id, u);
        int translated = 0, review = 0, untranslated = 0;
        var markdown = skeleton.Fill(id =>
        {
            if (!byId.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var u) || string.IsNullOrEmpty(u.Target) || u.State == XliffState.Untranslated)
            {
                untranslated++;
                return u is null ? null : DraftSkeleton.Escape(policy.UnmatchedMark + u.Source);
            }
            string text = u.Target;
            if (u.State == XliffState.NeedsReview)
            {
                review++;
                text = policy.FuzzyMark.Replace("{score}", u.Score?.ToString(CultureInfo.InvariantCulture) ?? "?", StringComparison.Ordinal) + text;
            }
            else translated++;
            return text == u.Source ? null : DraftSkeleton.Escape(text);
        });
        return (markdown, new XliffMergeReport(translated, review, untranslated));
    }
}
