using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class LanguageTagTests
{
    [TestMethod]
    [DataRow("zh", "zh")]
    [DataRow("zh-CN", "zh")]
    [DataRow("ZH-CN", "zh")]
    [DataRow("zh-Hans", "zh")]
    [DataRow("zh_CN", "zh")]
    [DataRow("en-US", "en")]
    [DataRow("AR-SA", "ar")]
    [DataRow("zh-TW", "zh-tw")]
    [DataRow("fr-FR", "fr-fr")]
    public void Normalize_AcceptsOtherToolsTags(string input, string expected) => Assert.AreEqual(expected, LanguageTag.Normalize(input));
}
