using System.Text.RegularExpressions;

namespace AlignTool.Core.Interchange;

/// <summary>
/// Recognises a TMX, XLIFF or PO file by its content (the root element of an XML file; PO's <c>msgid</c> and
/// <c>msgstr</c> lines), or else by its name's extension: what <c>ingest</c> refuses, with what to do instead.
/// </summary>
public static partial class InterchangeRecognizer
{
    /// <summary>Characters of the start of a file that are enough to see its root element past a declaration,
    /// a doctype and comments.</summary>
    public const int HeadLength = 4096;

    /// <param name="name">The file's name (or path); may be null (stdin).</param>
    /// <param name="head">The start of its text (<see cref="HeadLength"/> characters are enough).</param>
    public static InterchangeFormat Recognize(string? name, string head)
    {
        if (RootElement().Match(head) is { Success: true } root)
        {
            switch (root.Groups[1].Value.ToLowerInvariant())
            {
                case "tmx": return InterchangeFormat.Tmx;
                case "xliff": return InterchangeFormat.Xliff;
            }
        }
        if (MsgId().IsMatch(head) && MsgStr().IsMatch(head)) return InterchangeFormat.Po;
        return Path.GetExtension(name ?? "").ToLowerInvariant() switch
        {
            ".tmx" => InterchangeFormat.Tmx,
            ".xlf" or ".xliff" => InterchangeFormat.Xliff,
            ".po" or ".pot" => InterchangeFormat.Po,
            _ => InterchangeFormat.None,
        };
    }

    /// <summary>One line for a user who gave such a file to <c>ingest</c>.</summary>
    public static string Advice(InterchangeFormat format) => format switch
    {
        InterchangeFormat.Tmx => "is a TMX file, not a document to align: add it to the memory with 'aligntool import FILE'",
        InterchangeFormat.Xliff => "is an XLIFF file, not a document to align: store its finished segments with 'aligntool import FILE', or make a finished prefill draft the target document with 'aligntool merge FILE --out DOC.md'",
        InterchangeFormat.Po => "is a PO file, not a document to align, and importing PO is not supported yet: convert it to XLIFF (translate-toolkit: po2xliff) and use 'aligntool import FILE.xlf --to LANG'",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    // The first element of an XML file, after its declaration, doctype, comments and processing instructions.
    [GeneratedRegex(@"\A\uFEFF?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(?:[\w.-]+:)?(tmx|xliff)\b", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();

    [GeneratedRegex(@"^msgid\s+""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MsgId();

    [GeneratedRegex(@"^msgstr(?:\[\d+\])?\s+""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MsgStr();
}
