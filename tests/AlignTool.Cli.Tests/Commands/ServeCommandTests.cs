namespace AlignTool.Cli.Tests.Commands;

/// <summary><c>aligntool serve</c>'s refusals before it listens: they follow the CLI contract (one line, exit code).</summary>
[TestClass]
public sealed class ServeCommandTests
{
    [TestMethod]
    public void ATokenFileWithABadLine_IsExit3_NamingTheLine()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var tokens = dir.Write("tokens.txt", "# team\nw0123456789abcdefgh writer Alice\nshort reader\n");
        var r = CliRunner.Run("serve", "--tm", tm, "--token-file", tokens, "--port", "1");
        Assert.AreEqual(3, r.ExitCode, r.Err);
        Assert.AreEqual($"aligntool: error: {tokens}:3: a token has at least 16 characters (this one has 5)", r.Err.Trim().Split('\n').Last());
    }

    [TestMethod]
    public void AMissingTokenFile_IsExit3()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("serve", "--tm", dir.File("m.db"), "--token-file", dir.File("none.txt"));
        Assert.AreEqual(3, r.ExitCode, r.Err);
        StringAssert.StartsWith(r.Err, $"aligntool: error: {dir.File("none.txt")}: ");
    }

    [TestMethod]
    public void AHostThatIsNotAnAddress_IsAUsageError()
    {
        var r = CliRunner.Run("serve", "--host", "example.org");
        Assert.AreEqual(2, r.ExitCode, r.Err);
        StringAssert.StartsWith(r.Err, "aligntool: error: --host takes an IP address or localhost, not 'example.org'");
    }

    [TestMethod]
    public void APortOutOfRange_IsAUsageError()
    {
        var r = CliRunner.Run("serve", "--port", "70000");
        Assert.AreEqual(2, r.ExitCode, r.Err);
    }

    [TestMethod]
    public void NoMemoryAtThePath_IsExit4()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("serve", "--tm", dir.File("none.db"));
        Assert.AreEqual(4, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "no such memory");
    }
}
