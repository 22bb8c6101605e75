namespace AlignTool.Core.Text;

/// <summary>The writing systems AlignTool tells apart.</summary>
public enum Script
{
    Other,
    Latin,
    Arabic,
    Han,
    Cyrillic,
    Greek,
    Hebrew,
    Digit,
    Space,
    Punctuation,
}

/// <summary>Character classification by script, the basis of language detection and of the Han spacing repair.</summary>
public static class Scripts
{
    // char.IsLetterOrDigit of every UTF-16 code unit, a bit each (8 KB): the scans every prepared text goes through
    // ask it of each character, and beyond Latin-1 .NET finds the answer through its Unicode category tables.
    private static readonly ulong[] LetterOrDigitBits = BuildLetterOrDigit();

    private static ulong[] BuildLetterOrDigit()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (int c = 0; c <= char.MaxValue; c++) if (char.IsLetterOrDigit((char)c)) bits[c >> 6] |= 1UL << c;
        return bits;
    }

    /// <summary>The same as <see cref="char.IsLetterOrDigit(char)"/>, by one table read.</summary>
    public static bool IsLetterOrDigit(char c) => (LetterOrDigitBits[c >> 6] & (1UL << c)) != 0;

    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '\u3007';

    /// <summary>Han ideographs plus the CJK punctuation that sits between them (、。，（）《》 …).</summary>
    public static bool IsCjkPunctuation(char c) =>
        (c >= '\u3000' && c <= '\u303F' && c != '\u3000' && c != '\u3007') || (c >= '\uFF01' && c <= '\uFF0F') || (c >= '\uFF1A' && c <= '\uFF20')
        || (c >= '\uFF3B' && c <= '\uFF40') || (c >= '\uFF5B' && c <= '\uFF65') || c == '\u00B7' || c == '\u2014' || c == '\u2026';

    public static bool IsArabic(char c) =>
        (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF')
        || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');

    public static bool IsArabicLetter(char c) => IsArabic(c) && char.IsLetter(c);

    public static bool IsArabicIndicDigit(char c) => (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9');

    /// <summary>Bidi embedding and mark characters that PDF extraction leaves inside Arabic text.</summary>
    public static bool IsBidiControl(char c) =>
        c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';

    public static Script Of(char c)
    {
        if (char.IsWhiteSpace(c)) return Script.Space;
        if (c >= '0' && c <= '9') return Script.Digit;
        if (c < 128) return char.IsLetter(c) ? Script.Latin : Script.Punctuation;
        if (IsHan(c)) return Script.Han;
        if (IsArabic(c)) return char.IsLetter(c) ? Script.Arabic : IsArabicIndicDigit(c) ? Script.Digit : Script.Punctuation;
        if (c >= '\u00C0' && c <= '\u024F') return char.IsLetter(c) ? Script.Latin : Script.Punctuation;
        if (c >= '\u0400' && c <= '\u052F') return Script.Cyrillic;
        if (c >= '\u0370' && c <= '\u03FF') return Script.Greek;
        if (c >= '\u0590' && c <= '\u05FF') return Script.Hebrew;
        if (c >= '\uFF10' && c <= '\uFF19') return Script.Digit;
        if ((c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) return Script.Latin;
        if (char.IsLetter(c)) return Script.Other;
        return Script.Punctuation;
    }
}
