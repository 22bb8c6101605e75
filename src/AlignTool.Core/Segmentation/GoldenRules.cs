using System.Text.Json;
using AlignTool.Core.Documents;

namespace AlignTool.Core.Segmentation;

/// <summary>The result of one language of the golden rules: passes, cases, and the failing cases with what we gave.</summary>
public sealed record GoldenRulesResult(string Lang, int Passed, int Total, IReadOnlyList<(int Id, IReadOnlyList<string> Actual)> Failures);

/// <summary>
/// Scores the segmenter on the "Golden Rules" benchmark (pragmatic_segmenter, pySBD): a case passes when the
/// whole list of segments, each trimmed, equals the expected one. Text marked <c>doc_type: pdf</c> has line breaks
/// that are not sentence ends; elsewhere a line break ends a segment unless the line ends in white space.
/// </summary>
public static class GoldenRules
{
    public static IEnumerable<GoldenRulesResult> Score(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var parser = new DocumentParser();
        var segmenter = new Segmenter();
        foreach (var lang in doc.RootElement.EnumerateObject())
        {
            int passed = 0, total = 0;
            var failures = new List<(int, IReadOnlyList<string>)>();
            foreach (var c in lang.Value.EnumerateArray())
            {
                total++;
                var text = c.GetProperty("text").GetString() ?? "";
                var expected = c.GetProperty("expected").EnumerateArray().Select(e => (e.GetString() ?? "").Trim()).ToList();
                bool pdf = c.TryGetProperty("options", out var o) && o.TryGetProperty("doc_type", out var d) && d.GetString() == "pdf";
                var actual = Segment(parser, segmenter, text, lang.Name, pdf ? LineBreakMode.Space : LineBreakMode.Auto);
                if (actual.SequenceEqual(expected)) passed++;
                else failures.Add((c.GetProperty("id").GetInt32(), actual));
            }
            yield return new GoldenRulesResult(lang.Name, passed, total, failures);
        }
    }

    private static List<string> Segment(DocumentParser parser, Segmenter segmenter, string text, string lang, LineBreakMode mode)
    {
        var doc = parser.Parse("case", text, new ParseOptions { Format = InputFormat.Plain, LineBreaks = mode, Language = lang });
        return doc.Blocks.SelectMany(b => segmenter.Segment(b.Text, b.Lang).Select(s => s.Of(b.Text).Trim())).ToList();
    }
}
