using AlignTool.Core.Documents;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>A language version as the aligner reads it: its sentences block by block, and the language most of them are in.</summary>
public static class VersionSentences
{
    /// <summary>The sentences of each block with words in it (blocks without linguistic content and empty ones left out).</summary>
    public static List<IReadOnlyList<string>> ByBlock(Document doc)
    {
        var segmenter = new Segmenter();
        return doc.Blocks.Where(b => b.Lang != LanguageTag.NoLinguisticContent)
            .Select(b => (IReadOnlyList<string>)segmenter.Sentences([b]))
            .Where(b => b.Count > 0)
            .ToList();
    }

    /// <summary>The language of most of the sentences' words (<c>und</c> or <c>zxx</c> when none is supported).</summary>
    public static string Language(IEnumerable<IReadOnlyList<string>> blocks) =>
        LanguageDetector.Count(string.Join(' ', blocks.SelectMany(b => b))).Language;
}
