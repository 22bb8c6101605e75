using System.Text;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class Utf8InputTests
{
    [TestMethod]
    public void Decode_InvalidUtf8_NamesTheByteOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("Distr.: General\n").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var r = Utf8Input.Decode(bytes);
        Assert.AreEqual(DecodeProblem.InvalidEncoding, r.Problem);
        Assert.AreEqual(16, r.ByteOffset);
        StringAssert.Contains(r.Message, "byte 16");
    }

    [TestMethod]
    public void Decode_BomIsStrippedAndOffsetsCountIt()
    {
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("大会")).ToArray();
        Assert.AreEqual("大会", Utf8Input.Decode(withBom).Text);
        var bad = new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0xFF };
        Assert.AreEqual(4, Utf8Input.Decode(bad).ByteOffset);
    }

    [TestMethod]
    public void Decode_Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("مجلس حقوق الإنسان")).ToArray();
        Assert.AreEqual("مجلس حقوق الإنسان", Utf8Input.Decode(bytes).Text);
    }

    [TestMethod]
    public void Decode_EmptyWhitespaceAndBinary_AreRefused()
    {
        Assert.AreEqual(DecodeProblem.Empty, Utf8Input.Decode([]).Problem);
        Assert.AreEqual(DecodeProblem.Empty, Utf8Input.Decode(Encoding.UTF8.GetBytes(" \n\n ")).Problem);
        var binary = Utf8Input.Decode(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 });
        Assert.AreEqual(DecodeProblem.Binary, binary.Problem);
        Assert.AreEqual(4, binary.ByteOffset);
    }
}
