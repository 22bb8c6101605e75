using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Memory.Lookup;

/// <summary>
/// The bound that orders fuzzy candidates: on the graded set and on a Chinese pair, the share of plain units in
/// common counted with multiplicity, never below the score the candidate then gets (else a match could be skipped).
/// </summary>
[TestClass]
public sealed class PlainOverlapTests
{
    /// <summary>The bound as defined: plain units of both, each unit of the query used once.</summary>
    private static int Expected(string query, string candidate, string lang)
    {
        var q = Tokens.PlainUnits(query, lang);
        var left = q.GroupBy(u => u, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var c = Tokens.PlainUnits(candidate, lang);
        int shared = 0;
        foreach (var u in c)
            if (left.TryGetValue(u, out int n) && n > 0) { left[u] = n - 1; shared++; }
        int longest = Math.Max(q.Count, c.Count);
        return longest == 0 ? 0 : (int)Math.Floor(100.0 * shared / longest);
    }

    [TestMethod]
    [DynamicData(nameof(FuzzyGradedTests.Pairs), typeof(FuzzyGradedTests))]
    public void Bound_IsTheShareOfPlainUnitsInCommon(string lang, int band, string query, string memory, string why)
    {
        var (q, m) = (TextNormalizer.Normalize(query), TextNormalizer.Normalize(memory));
        var overlap = new PlainOverlap(q, Language.Of(lang));
        Assert.AreEqual(Expected(q, m, lang), overlap.Bound(m), why);
        // The same object bounds the next candidate from a clean slate.
        Assert.AreEqual(Expected(q, q, lang), overlap.Bound(q));
        Assert.AreEqual(Expected(q, m, lang), overlap.Bound(m));
    }

    [TestMethod]
    public void PlainUnits_AreRunsOfLettersAndDigits_AndOtherMarksOneByOne()
    {
        CollectionAssert.AreEqual(new[] { "council", "’", "s", "50th", "session", ":", "a", "/", "hrc", "/", "50", "." },
            Tokens.PlainUnits("council’s 50th  session*: a/hrc/50.", "en"));
        CollectionAssert.AreEqual(new[] { "人", "权", "*", "理", "事", "会" }, Tokens.PlainUnits("人权 *理事会", "zh"));
        Assert.IsEmpty(Tokens.PlainUnits(" * ", "en"));
    }

    [TestMethod]
    public void Bound_OfChinese_CountsCharacters()
    {
        var overlap = new PlainOverlap("人权理事会第五十届会议", Language.Chinese);
        Assert.AreEqual(11, overlap.QueryUnits);
        Assert.AreEqual(Expected("人权理事会第五十届会议", "人权理事会第四十三届会议", "zh"), overlap.Bound("人权理事会第四十三届会议"));
        Assert.AreEqual(0, overlap.Bound(""));
    }
}
