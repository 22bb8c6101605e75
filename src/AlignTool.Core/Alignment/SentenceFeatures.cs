using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>
/// What the cost model reads of a sentence: its length in letters of its own language's script (<see cref="Length"/>:
/// Han characters for Chinese, letters for English and Arabic), the letters it carries over from another script
/// (<see cref="Borrowed"/>: a Latin name or acronym inside Chinese or Arabic, which a translation keeps as it is rather
/// than at the languages' length ratio), sentence-final and quoting punctuation, numbers, and its lexical tokens. Digits
/// count in no length: numbers are anchors of their own, written alike in every version.
/// </summary>
internal sealed record SentenceFeatures(double Length, double Borrowed, int[] Punctuation, string[] Numbers, IReadOnlyList<string> Tokens)
{
    public const int PunctuationKinds = 5;

    public static SentenceFeatures Of(string text, string lang)
    {
        double length = 0, borrowed = 0;
        bool latinIsForeign = lang != LanguageTag.English;
        var punct = new int[PunctuationKinds];
        foreach (var c in text)
        {
            if (Scripts.IsLetterOrDigit(c) && Numerals.Digit(c) < 0 && !char.IsDigit(c))
            {
                if (latinIsForeign && c < '\u0250') borrowed++;
                else length++;
            }
            switch (c)
            {
                case '?' or '？' or '؟': punct[0]++; break;
                case '!' or '！': punct[1]++; break;
                case ':' or '：': punct[2]++; break;
                case ';' or '；' or '؛': punct[3]++; break;
                case '“' or '”' or '"' or '「' or '」' or '『' or '』' or '«' or '»': punct[4]++; break;
            }
        }
        return new SentenceFeatures(length, borrowed, punct, Numerals.Find(text), LexicalTokens.For(lang).Of(text));
    }
}
