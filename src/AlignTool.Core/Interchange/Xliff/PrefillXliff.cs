using System.Globalization;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// A prefill as an XLIFF file: one unit per segment in document order. An exact, context or template fill is
/// <see cref="XliffState.Translated"/> with its kind and score; a fuzzy fill needs review (its target is the match
/// without the draft's review mark); a segment with no match has no target; a segment kept as it is (masthead lines,
/// the annex as received) is not for translation and keeps its source as target. The memory's other candidates go
/// with each unit, the reason in a note, and the draft's skeleton in the file, so that <see cref="XliffMerge"/> rebuilds
/// the target document.
/// </summary>
public static class PrefillXliff
{
    public static XliffFile From(PrefillResult result, string documentName, XliffVersion version)
    {
        var units = result.Segments.Select(Unit).ToList();
        return new XliffFile(version, documentName, LanguageTag.English, result.Report.TargetLang, units)
        {
            Skeleton = result.Skeleton?.ToString(),
        };
    }

    private static XliffUnit Unit(PrefillSegment s)
    {
        var id = s.Id.ToString(CultureInfo.InvariantCulture);
        var matches = s.Candidates.Select(m => new XliffMatch(m.Source, m.Target, m.Score, m.Via, m.Kind.Name())).ToList();
        var field = s.Field.Length > 0 ? s.Field : null;
        switch (s.Action)
        {
            case PrefillAction.Kept:
                return new XliffUnit(id, s.Source, s.Source, XliffState.Final) { Translate = false, Zone = s.Zone, Field = field, Note = "kept as it is: " + s.Via };
            case PrefillAction.LeftInEnglish:
                return new XliffUnit(id, s.Source, null, XliffState.Untranslated)
                {
                    Zone = s.Zone, Field = field, Kind = MatchKind.None.Name(), Score = 0, Matches = matches,
                    Note = s.Suggestion is { } best
                        ? string.Create(CultureInfo.InvariantCulture, $"no match at the fill threshold; the best, {best.Kind.Name()} {best.Score} from {best.Via}, is among the candidates")
                        : "no match in the memory",
                };
            default:
            {
                bool review = s.Action == PrefillAction.FilledForReview;
                var target = review ? s.Suggestion!.Target : s.Target;
                var reasons = s.Suggestion is { Reasons.Count: > 0 } m ? ": " + string.Join("; ", m.Reasons) : "";
                return new XliffUnit(id, s.Source, target, review ? XliffState.NeedsReview : XliffState.Translated)
                {
                    Zone = s.Zone, Field = field, Kind = s.Kind.Name(), Score = s.Score, Matches = matches,
                    Note = string.Create(CultureInfo.InvariantCulture, $"{s.Kind.Name()} match {s.Score} from {s.Via}{reasons}{(review ? "; needs review" : "")}"),
                };
            }
        }
    }
}
