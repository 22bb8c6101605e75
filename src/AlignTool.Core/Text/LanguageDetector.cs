namespace AlignTool.Core.Text;

/// <summary>
/// Tells the language of a block by its script, run by run. A Latin run that looks like a symbol
/// (<c>A/HRC/43/G/12</c>, <c>GE.20-06433(A)</c>, <c>IDPs</c>, <c>UN</c>) is neutral, so it does not flip an
/// Arabic or Chinese block to English.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Letter counts per script over the neutral-filtered runs of <paramref name="text"/>.</summary>
    public static ScriptCounts Count(ReadOnlySpan<char> text)
    {
        int latin = 0, arabic = 0, han = 0, other = 0;
        int i = 0;
        while (i < text.Length)
        {
            // A "word" is a maximal run of non-space characters: the unit at which symbol-likeness is judged.
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var word = text[start..i];
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (word.IsEmpty) continue;

            int wl = 0, wa = 0, wh = 0, wo = 0;
            bool digitOrSlash = false;
            int upper = 0;
            foreach (var c in word)
            {
                switch (Scripts.Of(c))
                {
                    case Script.Latin: wl++; if (char.IsUpper(c)) upper++; break;
                    case Script.Arabic: wa++; break;
                    case Script.Han: wh++; break;
                    case Script.Cyrillic or Script.Greek or Script.Hebrew or Script.Other: wo++; break;
                    case Script.Digit: digitOrSlash = true; break;
                    default: if (c is '/' or '.' or '-' or '(' or ')') digitOrSlash |= c == '/'; break;
                }
            }
            if (wl > 0 && wa == 0 && wh == 0 && IsSymbolLike(word, wl, upper, digitOrSlash)) wl = 0;
            latin += wl; arabic += wa; han += wh; other += wo;
        }
        return new ScriptCounts(latin, arabic, han, other);
    }

    private static bool IsSymbolLike(ReadOnlySpan<char> word, int letters, int upper, bool digitOrSlash)
    {
        if (digitOrSlash) return true;                       // A/HRC/43, GE.20-06433(A), Mi-24
        if (upper == letters && letters <= 5) return true;    // UN, IDPs' upper part, OHCHR
        if (letters <= 5 && upper >= letters - 1 && word[^1] == 's' && upper >= 2) return true; // IDPs, UNSCRs
        return false;
    }

    /// <summary>The language of a text: the script with most letters after neutral runs are set aside.</summary>
    public static string Detect(ReadOnlySpan<char> text) => Count(text).Language;
}

/// <summary>Letters per script in a text.</summary>
public readonly record struct ScriptCounts(int Latin, int Arabic, int Han, int Other)
{
    public int Total => Latin + Arabic + Han + Other;

    /// <summary>Han characters weigh double: one ideograph carries about a word.</summary>
    public string Language
    {
        get
        {
            if (Total == 0) return LanguageTag.NoLinguisticContent;
            int han2 = Han * 2;
            int max = Math.Max(Math.Max(Latin, Arabic), Math.Max(han2, Other));
            if (max == Other) return LanguageTag.Undetermined;
            if (max == han2) return LanguageTag.Chinese;
            if (max == Arabic) return LanguageTag.Arabic;
            return LanguageTag.English;
        }
    }
}
