using System.Text;
using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Tests.Memory.Preparation;

[TestClass]
public sealed class TextNormalizerTests
{
    /// <summary>The normalization as first written, one character at a time through the general path: the oracle
    /// for the short paths the fast one takes.</summary>
    private static string Reference(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c0 in s)
        {
            char c = c0;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (c == '*') continue;
            c = TextNormalizer.FoldArabic(c);
            if (c == '\0') continue;
            c = c switch
            {
                '’' or '‘' or '‛' or '`' => '\'',
                '“' or '”' or '„' => '"',
                '–' or '—' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            };
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    [TestMethod]
    public void Normalize_EveryCharacterOfTheBasicPlane_AsTheGeneralPathDoes()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = "A" + (char)c + "b ";
            string expected;
            try
            {
                expected = Reference(text);
            }
            catch (ArgumentException)
            {
                expected = "a\ufffdb"; // a code point NFKC refuses (U+FFFE): replaced, never a failure
            }
            Assert.AreEqual(expected, TextNormalizer.Normalize(text), $"U+{c:X4}");
        }
    }

    [TestMethod]
    public void Normalize_AsciiText_TheShortPathAndTheGeneralOneAgree()
    {
        // Every ASCII character inside a word, between words, leading, trailing and doubled: the texts the vectorized
        // path takes (printable, single spaces) and those next to them that it must leave to the general path.
        var texts = new List<string>();
        for (int c = 0; c < 0x80; c++)
        {
            char ch = (char)c;
            texts.AddRange([$"Ab{ch}cD", $"Forty {ch} Third", $"{ch}Session", $"Session{ch}", $"x{ch}{ch}y", $"{ch}", $"A {ch}"]);
        }
        texts.AddRange(["", " ", "  ", "Agenda  item 3", " Agenda item 3", "Agenda item 3 ", "A/HRC/50/3", "ALL CAPS TITLE", "already lower"]);
        foreach (var text in texts) Assert.AreEqual(Reference(text), TextNormalizer.Normalize(text), $"[{text}]");
    }

    [TestMethod]
    public void Normalize_LoneSurrogate_IsReplacedNotAFailure() =>
        Assert.AreEqual("a\ufffdb", TextNormalizer.Normalize("A\ud800b"));

    [TestMethod]
    public void Normalize_EverySeedLine_AsTheGeneralPathDoes_LongLinesIncluded()
    {
        foreach (var seed in new[] { TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed003, TestData.Seed004 })
        {
            var text = TestData.SeedText(seed);
            foreach (var line in text.Split('\n')) Assert.AreEqual(Reference(line), TextNormalizer.Normalize(line));
            Assert.AreEqual(Reference(text), TextNormalizer.Normalize(text), "a whole document: longer than the stack buffer");
        }
    }
}
