using System.Globalization;
using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>
/// The gate before anything aligned is stored: beads at or above <see cref="PairGateOptions.MinConfidence"/> pass, the
/// rest go to review; a pair that is implausible as a whole (two different documents, a draft that is still largely
/// in the source language) is refused, and nothing of it is stored.
/// </summary>
public static class PairGate
{
    /// <summary>Judges a pair from its beads, the counts of sentences aligned on each side, and every sentence of the
    /// translation's running text in whatever language (so that a draft's untranslated sentences count against it).</summary>
    public static PairVerdict Judge(IReadOnlyList<Bead> beads, int sourceCount, int targetCount, IReadOnlyList<string> translation, string sourceLang, PairGateOptions? options = null)
    {
        var o = options ?? PairGateOptions.Default;
        var stored = beads.Where(b => !b.IsDeletion && b.Confidence >= o.MinConfidence).ToList();
        var review = beads.Where(b => b.IsDeletion || b.Confidence < o.MinConfidence).ToList();
        int untranslated = translation.Count(t => IsUntranslated(t, sourceLang));
        double untranslatedShare = translation.Count == 0 ? 0 : (double)untranslated / translation.Count;
        int sentences = sourceCount + targetCount;
        int aligned = beads.Where(b => !b.IsDeletion && b.Confidence >= o.PlausibleConfidence).Sum(b => b.Source.Count + b.Target.Count);
        double alignedShare = sentences == 0 ? 0 : (double)aligned / sentences;
        string? reason = null;
        if (untranslatedShare > o.MaxUntranslatedShare)
            reason = $"{untranslated} of {translation.Count} sentences of the translation are still in the source language or marked [EN] (a draft?)";
        else if (sourceCount == 0 || targetCount == 0)
            reason = "one version has no running text to align";
        else if (alignedShare < o.MinAlignedShare)
            reason = string.Create(CultureInfo.InvariantCulture, $"only {alignedShare * 100:0}% of the sentences align with confidence {o.PlausibleConfidence:0.##} or more: the files do not look like versions of one document");
        return new PairVerdict(reason is null, reason, stored, review, alignedShare, untranslatedShare);
    }

    /// <summary>A sentence of the translation left in the source language, or marked by a prefill as having no match.</summary>
    private static bool IsUntranslated(string sentence, string sourceLang) =>
        sentence.Contains("[EN]", StringComparison.Ordinal) || LanguageDetector.Count(sentence).Language == sourceLang;
}
