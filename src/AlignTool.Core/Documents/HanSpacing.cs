using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>
/// Removes the spaces PDF extraction leaves between Han characters (<c>国际提 高地雷意识</c>), between Han and
/// digits (<c>2018 年 4 月 17 日</c>, <c>议程项目 35 和 40</c>), around CJK punctuation, and after a footnote
/// marker glued to a Han word (<c>附件* 作为</c>). Spaces between Han and Latin words are kept.
/// </summary>
public static class HanSpacing
{
    public static MappedText Repair(MappedText input, out bool changed)
    {
        changed = false;
        var text = input.Text;
        if (!ContainsHan(text)) return input;
        var b = new MappedText.Builder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ' || c == '\u3000' || c == '\t' || c == '\u00A0')
            {
                int j = i;
                while (j < text.Length && (text[j] is ' ' or '\u3000' or '\t' or '\u00A0')) j++;
                if (i > 0 && j < text.Length && Removable(text, i - 1, j))
                {
                    changed = true;
                    i = j;
                    continue;
                }
                for (int k = i; k < j; k++) b.Append(text[k], input.Offsets[k]);
                i = j;
                continue;
            }
            b.Append(c, input.Offsets[i]);
            i++;
        }
        return changed ? b.Build() : input;
    }

    private static bool ContainsHan(string text)
    {
        foreach (var c in text) if (Scripts.IsHan(c)) return true;
        return false;
    }

    private static bool Removable(string text, int before, int after)
    {
        char l = text[before], r = text[after];
        bool lHan = HanLike(text, before), rHan = Scripts.IsHan(r) || Scripts.IsCjkPunctuation(r);
        bool lDigit = char.IsAsciiDigit(l), rDigit = char.IsAsciiDigit(r);
        if (lHan && (rHan || rDigit)) return true;
        if (lDigit && rHan) return true;
        return false;
    }

    /// <summary>A Han character, CJK punctuation, or a footnote marker glued to one.</summary>
    private static bool HanLike(string text, int i)
    {
        char c = text[i];
        if (Scripts.IsHan(c) || Scripts.IsCjkPunctuation(c)) return true;
        return c == '*' && i > 0 && (Scripts.IsHan(text[i - 1]) || Scripts.IsCjkPunctuation(text[i - 1]) || text[i - 1] == ')');
    }
}
