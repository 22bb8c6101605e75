using AlignTool.Server.Access;

namespace AlignTool.Server.Tests.Access;

[TestClass]
public sealed class TokenSetTests
{
    [TestMethod]
    public void Parse_ReadsRolesAndNames_SkippingCommentsAndBlankLines()
    {
        var set = TokenSet.Parse("# team tokens\r\n\r\nw0123456789abcdefgh writer Alice Example\r\n  r0123456789abcdefgh   READER\r\n");
        Assert.AreEqual(2, set.Count);
        Assert.AreEqual(1, set.Writers);
        Assert.AreEqual((TokenRole.Writer, "Alice Example"), set.Find("w0123456789abcdefgh"));
        Assert.AreEqual((TokenRole.Reader, (string?)null), set.Find("r0123456789abcdefgh"));
        Assert.IsNull(set.Find("w0123456789abcdefg")); // a prefix is not the token
        Assert.IsNull(set.Find("# team tokens"));
    }

    [TestMethod]
    [DataRow("w0123456789abcdefgh\n", 1, "expected 'TOKEN reader|writer [NAME]'")]
    [DataRow("# c\nshort writer\n", 2, "a token has at least 16 characters (this one has 5)")]
    [DataRow("w0123456789abcdefgh admin\n", 1, "the role is reader or writer, not 'admin'")]
    [DataRow("w0123456789abcdefgh writer\nw0123456789abcdefgh reader\n", 2, "this token is on an earlier line too")]
    [DataRow("wé123456789abcdefgh writer\n", 1, "a token is printable ASCII without spaces")]
    [DataRow("# nothing but comments\n\n", 0, "no token in the file")]
    public void Parse_RefusesAFileItCannotUse_NamingTheLine(string text, int line, string message)
    {
        var e = Assert.ThrowsExactly<TokenFileException>(() => TokenSet.Parse(text));
        Assert.AreEqual(line, e.Line);
        StringAssert.Contains(e.Message, message);
    }
}
