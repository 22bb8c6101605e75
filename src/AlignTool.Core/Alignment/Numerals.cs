using System.Text;

namespace AlignTool.Core.Alignment;

/// <summary>Numbers written with digits in any numeral system (Latin, Arabic-Indic, full-width), as Latin digits. Every
/// run of digits is a number of its own: group and decimal separators differ between the languages (<c>100,000</c>,
/// <c>100 000</c>, <c>12.40 p.m.</c> and <c>12时40分</c>), runs of digits do not.</summary>
public static class Numerals
{
    public static string[] Find(string text)
    {
        List<string>? found = null;
        var sb = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            int d = Digit(c);
            if (d >= 0) { sb.Append((char)('0' + d)); continue; }
            if (sb.Length > 0)
            {
                (found ??= []).Add(sb.ToString().TrimStart('0') is { Length: > 0 } v ? v : "0");
                sb.Clear();
            }
        }
        return found?.ToArray() ?? [];
    }

    public static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        >= '\uFF10' and <= '\uFF19' => c - '\uFF10',
        _ => -1,
    };
}
