using System.Text.RegularExpressions;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class SpacesTests
{
    [TestMethod]
    [DataRow("Forty-third session", "Forty-third session")]
    [DataRow("  Forty-third\u00A0 \tsession \n", "Forty-third session")]
    [DataRow("الثالثة و   الأربعون", "الثالثة و الأربعون")]
    [DataRow("\u2003", "")]
    [DataRow("", "")]
    public void Collapse_TrimsAndFoldsRuns(string input, string expected) => Assert.AreEqual(expected, Spaces.Collapse(input));

    [TestMethod]
    public void Collapse_ReturnsACleanTextItself()
    {
        const string clean = "Forty-third session";
        Assert.AreSame(clean, Spaces.Collapse(clean));
    }

    /// <summary>It replaces <c>Regex.Replace(t.Trim(), @"\s+", " ")</c> and <c>Regex.Replace(t, @"\s+", "")</c>:
    /// every white space character of the BMP, alone and in runs, gives what the regexes gave.</summary>
    [TestMethod]
    public void Collapse_AndRemove_AgreeWithTheRegexesOnEveryWhiteSpace()
    {
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => Regex.IsMatch(c.ToString(), @"\s")).ToList();
        Assert.IsGreaterThan(20, spaces.Count);
        foreach (var c in spaces)
        {
            foreach (var text in new[] { $"a{c}b", $"{c}a{c}{c}b{c}", $"二{c} {c}三", $"{c}" })
            {
                Assert.AreEqual(Regex.Replace(text.Trim(), @"\s+", " "), Spaces.Collapse(text), $"U+{(int)c:X4}");
                Assert.AreEqual(Regex.Replace(text, @"\s+", ""), Spaces.Remove(text), $"U+{(int)c:X4}");
            }
        }
    }
}
