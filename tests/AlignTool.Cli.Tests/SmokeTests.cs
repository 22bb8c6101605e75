namespace AlignTool.Cli.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void One_Plus_One() => Assert.AreEqual(2, int.Parse("2", System.Globalization.CultureInfo.InvariantCulture));
}
