namespace AlignTool.Core.Documents;

/// <summary>
/// The nesting limit of Markdown input, checked in one pass over the text before Markdig reads it. Markdig's own
/// limit is reached only after seconds to minutes on nested lists (1,500 levels of numbered items took 7 s, 3,000
/// of bullets 56 s), so container starts are counted line by line here: each block-quote marker and list marker
/// at the start of a line, and each two columns of indentation before them, is one level.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>The deepest nesting accepted. UN documents nest two or three levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Throws <see cref="MarkdownTooDeepException"/> at the first line whose containers nest deeper than <see cref="MaxDepth"/>.</summary>
    public static void Check(string text)
    {
        int line = 1;
        int i = 0;
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
                if (levels + columns / 2 > MaxDepth) throw new MarkdownTooDeepException(line, i - start);
            }
            int end = text.IndexOf('\n', i);
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
