using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>
/// Reads plain text whose paragraphs are separated by blank lines, streaming: a paragraph at a time, with
/// the source offset (UTF-16 code units from the start) of every character, so that a 100 MB file is never
/// held whole. The line-break mode decides what a single line break inside a paragraph means.
/// </summary>
public static class PlainTextReader
{
    public static IEnumerable<(MappedText Text, int Line)> Read(TextReader reader, LineBreakMode mode)
    {
        var para = new MappedText.Builder();
        int line = 0, paraLine = 1;
        bool pendingBreak = false; // a line break inside the current paragraph not yet decided
        bool prevEndsWithSpace = false;
        foreach (var (content, start, terminator) in Lines(reader))
        {
            line++;
            bool blank = content.AsSpan().IsWhiteSpace();
            if (blank)
            {
                foreach (var piece in Flush(para)) yield return (piece, paraLine);
                para = new MappedText.Builder();
                pendingBreak = false;
                continue;
            }
            if (para.Length == 0) paraLine = line;
            if (pendingBreak)
            {
                bool wrapped = mode == LineBreakMode.Space || (mode == LineBreakMode.Auto && prevEndsWithSpace);
                if (!wrapped)
                {
                    foreach (var piece in Flush(para)) yield return (piece, paraLine);
                    para = new MappedText.Builder();
                    paraLine = line;
                }
                else if (para.Length > 0 && !char.IsWhiteSpace(para[para.Length - 1]))
                {
                    para.Append(' ', start - 1);
                }
            }
            for (int k = 0; k < content.Length; k++) para.Append(content[k] == '\r' ? ' ' : content[k], start + k);
            prevEndsWithSpace = content.Length > 0 && content[^1] is ' ' or '\t';
            pendingBreak = terminator > 0;
        }
        foreach (var piece in Flush(para)) yield return (piece, paraLine);
    }

    private static IEnumerable<MappedText> Flush(MappedText.Builder para)
    {
        if (para.Length == 0) yield break;
        var t = para.Build().Trim();
        if (t.Length > 0) yield return t;
    }

    /// <summary>Lines with their start offset and the length of their terminator (<c>\n</c> or <c>\r\n</c>: the
    /// <c>\r</c> stays in the content and is read as a space).</summary>
    private static IEnumerable<(string Content, int Start, int Terminator)> Lines(TextReader reader)
    {
        var buffer = new char[64 * 1024];
        var current = new System.Text.StringBuilder();
        int offset = 0, lineStart = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            int from = 0;
            while (from < read)
            {
                int nl = Array.IndexOf(buffer, '\n', from, read - from);
                if (nl < 0)
                {
                    current.Append(buffer, from, read - from);
                    offset += read - from;
                    break;
                }
                current.Append(buffer, from, nl - from);
                offset += nl - from + 1;
                yield return (current.ToString(), lineStart, 1);
                current.Clear();
                lineStart = offset;
                from = nl + 1;
            }
        }
        if (current.Length > 0) yield return (current.ToString(), lineStart, 0);
    }
}
