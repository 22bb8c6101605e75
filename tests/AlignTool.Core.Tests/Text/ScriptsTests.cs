using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class ScriptsTests
{
    [TestMethod]
    public void IsLetterOrDigit_AnswersAsDotNetDoes_ForEveryCodeUnit()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.AreEqual(char.IsLetterOrDigit((char)c), Scripts.IsLetterOrDigit((char)c), $"U+{c:X4}");
        }
    }
}
