namespace AlignTool.Core.Alignment;

/// <summary>
/// Aligns two versions of a long document hierarchically: first its blocks (paragraphs, headings, list items, cover
/// fields), whose numbers, symbols and words anchor them, then the sentences inside each group of aligned blocks. The
/// sentence passes run on small groups with the length model and the word list learned from the whole pair, so time
/// and memory stay linear in the length, and a paragraph aligned badly cannot pull the rest of the document off its
/// path. A pair with too few blocks on a side is aligned sentence by sentence as a whole.
/// </summary>
public sealed class DocumentAligner(AlignOptions? options = null)
{
    private readonly AlignOptions _o = options ?? AlignOptions.Default;

    /// <summary>Fewest blocks on each side for the block pass to pay: below it the sentences are aligned as one list.</summary>
    private const int MinBlocks = 4;

    /// <summary>The beads over the sentences of all blocks, numbered in document order.</summary>
    public IReadOnlyList<Bead> Align(IReadOnlyList<IReadOnlyList<string>> sourceBlocks, string sourceLang, IReadOnlyList<IReadOnlyList<string>> targetBlocks, string targetLang)
    {
        var src = sourceBlocks.Where(b => b.Count > 0).ToList();
        var tgt = targetBlocks.Where(b => b.Count > 0).ToList();
        var srcFlat = src.SelectMany(b => b).ToList();
        var tgtFlat = tgt.SelectMany(b => b).ToList();
        var sentences = new SentenceAligner(_o);
        if (src.Count < MinBlocks || tgt.Count < MinBlocks) return sentences.Align(srcFlat, sourceLang, tgtFlat, targetLang);

        string Sep(string lang) => lang == "zh" ? "" : " ";
        var srcTexts = src.Select(b => string.Join(Sep(sourceLang), b)).ToList();
        var tgtTexts = tgt.Select(b => string.Join(Sep(targetLang), b)).ToList();
        var (blocks, length, lexicon) = new SentenceAligner(_o).AlignAndLearn(srcTexts, sourceLang, tgtTexts, targetLang, null);

        var srcStart = Starts(src);
        var tgtStart = Starts(tgt);
        var inner = new SentenceAligner(_o with { Lexicon = lexicon, Realign = false });
        var result = new List<Bead>();
        foreach (var bead in blocks)
        {
            var s = bead.Source.SelectMany(k => Enumerable.Range(srcStart[k], src[k].Count)).ToList();
            var t = bead.Target.SelectMany(k => Enumerable.Range(tgtStart[k], tgt[k].Count)).ToList();
            if (s.Count == 0 || t.Count == 0)
            {
                result.AddRange(s.Select(i => new Bead([i], [], 0)));
                result.AddRange(t.Select(j => new Bead([], [j], 0)));
                continue;
            }
            foreach (var b in inner.Align(s.Select(i => srcFlat[i]).ToList(), sourceLang, t.Select(j => tgtFlat[j]).ToList(), targetLang, length))
                result.Add(b with { Source = [.. b.Source.Select(i => s[i])], Target = [.. b.Target.Select(j => t[j])] });
        }
        return result;
    }

    private static int[] Starts(List<IReadOnlyList<string>> blocks)
    {
        var starts = new int[blocks.Count];
        for (int k = 1; k < blocks.Count; k++) starts[k] = starts[k - 1] + blocks[k - 1].Count;
        return starts;
    }
}
