using System.Text;

namespace AlignTool.Core.Text;

/// <summary>Decodes input bytes strictly: UTF-8 with or without BOM (or UTF-16 with a BOM), and says where it fails.</summary>
public static class Utf8Input
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return DecodeResult.Fail(DecodeProblem.Empty, 0, "the file is empty");
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var enc = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var s = new UnicodeEncoding(bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
            try { return DecodeResult.Ok(s.GetString(bytes[2..])); }
            catch (DecoderFallbackException) { return DecodeResult.Fail(DecodeProblem.InvalidEncoding, 0, $"invalid {enc.WebName} text"); }
        }
        int offset = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) offset = 3;
        var body = bytes[offset..];
        int nul = body.IndexOf((byte)0);
        if (nul >= 0) return DecodeResult.Fail(DecodeProblem.Binary, offset + nul, "binary file (NUL byte), not a text document");
        var status = System.Text.Unicode.Utf8.ToUtf16(body, new char[body.Length], out int read, out _, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
            return DecodeResult.Fail(DecodeProblem.InvalidEncoding, offset + read, $"invalid UTF-8 at byte {offset + read}");
        var text = Strict.GetString(body);
        if (text.AsSpan().Trim().IsEmpty) return DecodeResult.Fail(DecodeProblem.Empty, 0, "the file holds only white space");
        return DecodeResult.Ok(text);
    }
}

public enum DecodeProblem
{
    None,
    Empty,
    Binary,
    InvalidEncoding,
}

public sealed record DecodeResult(string? Text, DecodeProblem Problem, long ByteOffset, string Message)
{
    public static DecodeResult Ok(string text) => new(text, DecodeProblem.None, 0, "");

    public static DecodeResult Fail(DecodeProblem problem, long offset, string message) => new(null, problem, offset, message);

    public bool Success => Problem == DecodeProblem.None;
}
