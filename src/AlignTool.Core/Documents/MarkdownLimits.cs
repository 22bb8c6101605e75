namespace AlignTool.Core.Documents;

/// <summary>
/// The limits of Markdown input, checked in one pass over the text before Markdig reads it.
/// <list type="bullet">
/// <item>Nesting: Markdig's own limit is reached only after seconds to minutes on nested lists (1,500 levels of
/// numbered items took 7 s, 3,000 of bullets 56 s), so container starts are counted line by line here: each
/// block-quote marker and list marker at the start of a line, and each two columns of indentation before them, is
/// one level.</item>
/// <item>Paragraph length: one paragraph is one block, looked up and aligned whole; a 9 MB single-line file took
/// 37 s and 520 MB to prefill (50 MB, 138 s and 1.4 GB), for no document that exists.</item>
/// </list>
/// </summary>
public static class MarkdownLimits
{
    /// <summary>The deepest nesting accepted. UN documents nest two or three levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest paragraph accepted, in UTF-16 code units: about 300 pages without a blank line. The
    /// longest paragraph of the seeds is under 2,000.</summary>
    public const int MaxParagraph = 1_000_000;

    /// <summary>Throws <see cref="MarkdownLimitException"/> at the first line whose containers nest deeper than
    /// <see cref="MaxDepth"/>, or at the first line of a paragraph longer than <see cref="MaxParagraph"/>.</summary>
    public static void Check(string text)
    {
        int line = 1;
        int i = 0;
        int paragraphLine = 1, paragraphLength = 0;
        while (i < text.Length)
        {
            int start = i;
            int columns = 0, levels = 0;
            while (i < text.Length && !IsThematicBreak(text, i))
            {
                char c = text[i];
                if (c == ' ') { columns++; i++; }
                else if (c == '\t') { columns += 4; i++; }
                else if (c == '>') { levels++; i++; }
                else if (IsBullet(text, i)) { levels++; i += 2; }
                else if (OrderedMarkerLength(text, i) is > 0 and var n) { levels++; i += n; }
                else break;
                if (levels + columns / 2 > MaxDepth) throw MarkdownLimitException.TooDeep(line, i - start);
            }
            int end = text.IndexOf('\n', i);
            int lineEnd = end < 0 ? text.Length : end;
            if (text.AsSpan(i, lineEnd - i).IsWhiteSpace())
            {
                paragraphLength = 0;
                paragraphLine = line + 1;
            }
            else if ((paragraphLength += lineEnd - start) > MaxParagraph)
            {
                throw MarkdownLimitException.ParagraphTooLong(paragraphLine);
            }
            if (end < 0) break;
            i = end + 1;
            line++;
        }
    }

    /// <summary>A line of one of <c>- * _</c> with spaces between (<c>- - - -</c>) is a rule, not nested lists.</summary>
    private static bool IsThematicBreak(string text, int i)
    {
        char mark = '\0';
        for (; i < text.Length && text[i] is not ('\n' or '\r'); i++)
        {
            char c = text[i];
            if (c is ' ' or '\t') continue;
            if (c is not ('-' or '*' or '_') || (mark != '\0' && c != mark)) return false;
            mark = c;
        }
        return mark != '\0';
    }

    private static bool IsBullet(string text, int i) =>
        text[i] is '-' or '+' or '*' && i + 1 < text.Length && text[i + 1] is ' ' or '\t';

    /// <summary>The length of <c>12.</c> or <c>3)</c> and the space after it (at most nine digits, as CommonMark), else 0.</summary>
    private static int OrderedMarkerLength(string text, int i)
    {
        int j = i;
        while (j < text.Length && j - i < 9 && char.IsAsciiDigit(text[j])) j++;
        if (j == i || j + 1 >= text.Length || text[j] is not ('.' or ')') || text[j + 1] is not (' ' or '\t')) return 0;
        return j + 2 - i;
    }
}
