using System.Buffers;
using System.Globalization;
using AlignTool.Core.Text;
using ICU4N.Text;

namespace AlignTool.Core.Segmentation;

/// <summary>
/// Cuts text into sentences: ICU's sentence BreakIterator for the language, then the exception layer of
/// <see cref="SegmentationRules"/> (abbreviations, initials, list markers, ellipses, brackets, sentences that start
/// with a digit or follow without a space). Segments are spans of the input, trimmed of white space.
/// An instance holds ICU iterators and is not thread-safe; make one per thread.
/// </summary>
public sealed class Segmenter
{
    private readonly Dictionary<string, (BreakIterator Icu, SegmentationRules Rules)> _byLanguage = [];
    private readonly List<int> _candidates = [];
    private readonly List<int> _kept = [];

    private static readonly SearchValues<char> BracketChars = SearchValues.Create("()[]《》〈〉「」『』【】（）“”");

    /// <summary>The sentences of a document's blocks, in order, each block segmented in its own language.</summary>
    public List<string> Sentences(IEnumerable<Documents.Block> blocks) =>
        blocks.SelectMany(b => Segment(b.Text, b.Lang).Select(span => span.Of(b.Text))).ToList();

    public IReadOnlyList<TextSpan> Segment(string text, string language)
    {
        var result = new List<TextSpan>();
        Segment(text, language, result);
        return result;
    }

    /// <summary>Appends the segments of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void Segment(string text, string language, List<TextSpan> output)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var (icu, rules) = For(language);
        _candidates.Clear();
        icu.SetText(text);
        icu.First();
        for (int b = icu.Next(); b != BreakIterator.Done; b = icu.Next())
        {
            if (b < text.Length) _candidates.Add(b);
        }

        _kept.Clear();
        var protectedRanges = BracketRanges(text, rules);
        foreach (var b in _candidates)
        {
            if (InRanges(protectedRanges, b)) continue;
            if (!KeepIcuBoundary(text, b, rules)) continue;
            _kept.Add(b);
        }
        AddMissedBoundaries(text, rules, protectedRanges);
        ApplyEllipses(text);
        ApplyListMarkers(text);
        _kept.Sort();

        int start = 0;
        foreach (var raw in _kept)
        {
            int b = AttachMarkers(text, raw);
            if (b <= start) continue;
            Emit(text, start, b, output);
            start = b;
        }
        Emit(text, start, text.Length, output);
    }

    private (BreakIterator, SegmentationRules) For(string language)
    {
        if (_byLanguage.TryGetValue(language, out var pair)) return pair;
        var culture = language switch
        {
            LanguageTag.English or LanguageTag.Arabic or LanguageTag.Chinese => new CultureInfo(language),
            _ => CultureInfo.InvariantCulture,
        };
        pair = (BreakIterator.GetSentenceInstance(culture), SegmentationRules.For(language));
        _byLanguage[language] = pair;
        return pair;
    }

    private static void Emit(string text, int start, int end, List<TextSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) output.Add(new TextSpan(start, end - start));
    }

    // ---- ICU boundaries that the exception layer removes -------------------------------------------------

    private static bool KeepIcuBoundary(string text, int b, SegmentationRules rules)
    {
        int end = b;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        if (end == 0) return false;
        // The token before the boundary, bidi marks removed (Arabic "د‪.‬").
        int tokStart = end;
        while (tokStart > 0 && !char.IsWhiteSpace(text[tokStart - 1])) tokStart--;
        // A sentence does not start with a small letter (Yahoo! in the …) in a cased script.
        if (b < text.Length && char.IsLower(text[b]) && rules.Language == LanguageTag.English) return false;
        // Nor end on a closing bracket: the terminal punctuation comes after it ([...]" (Smith 55).).
        int last = end - 1;
        while (last > 0 && text[last] is '"' or '”' or '\'' or '’') last--;
        if (text[last] is ')' or ']') return false;
        var token = StripBidi(text.AsSpan(tokStart, end - tokStart));
        if (token.Length == 0 || token[^1] != '.') return true;
        var word = token[..^1].TrimStart('(', '“', '"', '\'', '‘', '[', '«');
        if (word.Length == 0) return true;
        if (rules.Prefixes.Contains(word)) return false;
        // A Latin title glued to Han text (会见了Mr.): judge the run of the last script.
        var tail = ScriptTail(word);
        if (tail.Length < word.Length && rules.Prefixes.Contains(tail)) return false;
        // Two sentences without a space (Tuesday.Mr.): judge the last one.
        int inner = word.LastIndexOf('.');
        if (inner > 0 && inner < word.Length - 2 && rules.Prefixes.Contains(word[(inner + 1)..])) return false;
        if (IsListMarker(token)) return true; // decided by ApplyListMarkers
        if (rules.Abbreviations.Contains(word) || IsInitial(word) || IsDottedAbbreviation(word))
        {
            return NextIsStarter(text, b, rules);
        }
        return true;
    }

    private static string StripBidi(ReadOnlySpan<char> s)
    {
        if (s.IndexOfAnyInRange('\u200E', '\u202E') < 0 && s.IndexOfAnyInRange('\u2066', '\u2069') < 0 && s.IndexOf('\u061C') < 0) return s.ToString();
        var buf = new char[s.Length];
        int n = 0;
        foreach (var c in s) if (!Scripts.IsBidiControl(c)) buf[n++] = c;
        return new string(buf, 0, n);
    }

    private static string ScriptTail(string word)
    {
        var script = Scripts.Of(word[^1]);
        int k = word.Length;
        while (k > 0 && (Scripts.Of(word[k - 1]) == script || word[k - 1] == '.')) k--;
        return k == 0 ? word : word[k..];
    }

    /// <summary>A single capital: the initial of a name (<c>E.</c> in <c>Jonas E. Smith</c>).</summary>
    private static bool IsInitial(string word) => word.Length == 1 && char.IsUpper(word[0]);

    /// <summary>Letters separated by periods: <c>U.S.A</c>, <c>e.g</c>, <c>a.m</c>.</summary>
    private static bool IsDottedAbbreviation(string word)
    {
        if (word.Length < 3) return false;
        for (int i = 0; i < word.Length; i++)
        {
            bool letterPlace = i % 2 == 0;
            if (letterPlace ? !char.IsLetter(word[i]) : word[i] != '.') return false;
        }
        return word.Length % 2 == 1;
    }

    private static bool NextIsStarter(string text, int b, SegmentationRules rules)
    {
        int s = b;
        while (s < text.Length && (char.IsWhiteSpace(text[s]) || text[s] is '"' or '“' or '\'' or '‘' or '(')) s++;
        int e = s;
        while (e < text.Length && (char.IsLetter(text[e]) || text[e] == '\'')) e++;
        if (e == s) return false;
        return rules.Starters.Contains(text[s..e]);
    }

    // ---- Boundaries ICU misses ----------------------------------------------------------------------------

    /// <summary>A period straight before a capitalised word (<c>world.Today</c>), or before a number that opens the next
    /// sentence (<c>territories. 85 citizens</c>).</summary>
    private void AddMissedBoundaries(string text, SegmentationRules rules, List<(int, int)> protectedRanges)
    {
        int i = text.IndexOf('.');
        while (i >= 0 && i < text.Length - 1)
        {
            int before = i - 1;
            if (before >= 0 && (char.IsLower(text[before]) || char.IsAsciiDigit(text[before])))
            {
                char n1 = text[i + 1];
                if (char.IsUpper(n1) && i + 2 < text.Length && char.IsLower(text[i + 2]))
                {
                    if (!InUrlOrEmail(text, i) && !IsAbbreviationBefore(text, i, rules) && !InRanges(protectedRanges, i + 1)) _kept.Add(i + 1);
                }
                else if (n1 == ' ' && char.IsLower(text[before]))
                {
                    int d = i + 1;
                    while (d < text.Length && text[d] == ' ') d++;
                    if (d < text.Length && char.IsAsciiDigit(text[d]) && WordBefore(text, i).Length >= 2 && !IsAbbreviationBefore(text, i, rules)
                        && DigitRunThenWord(text, d) && !InRanges(protectedRanges, d))
                    {
                        _kept.Add(d);
                    }
                }
            }
            i = text.IndexOf('.', i + 1);
        }
    }

    private static ReadOnlySpan<char> WordBefore(string text, int dot)
    {
        int s = dot;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        return text.AsSpan(s, dot - s);
    }

    private static bool IsAbbreviationBefore(string text, int dot, SegmentationRules rules)
    {
        int s = dot;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.')) s--;
        var word = text[s..dot];
        return rules.Prefixes.Contains(word) || rules.Abbreviations.Contains(word) || IsDottedAbbreviation(word) || IsInitial(word);
    }

    /// <summary>Digits (with separators) then a space and a word: <c>85 citizens</c>, not <c>1.2</c> or a list marker.</summary>
    private static bool DigitRunThenWord(string text, int d)
    {
        int e = d;
        while (e < text.Length && (char.IsAsciiDigit(text[e]) || text[e] is ',' or '.')) e++;
        if (e < text.Length && text[e - 1] is '.' or ',') return false;
        return e < text.Length - 1 && text[e] == ' ' && char.IsLetter(text[e + 1]);
    }

    private static bool InUrlOrEmail(string text, int i)
    {
        int s = i, e = i;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1])) s--;
        while (e < text.Length && !char.IsWhiteSpace(text[e])) e++;
        var token = text.AsSpan(s, e - s);
        return token.Contains('@') || token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    // ---- Brackets -----------------------------------------------------------------------------------------

    private static List<(int, int)> BracketRanges(string text, SegmentationRules rules)
    {
        var ranges = new List<(int, int)>();
        int first = text.AsSpan().IndexOfAny(BracketChars);
        if (first < 0) return ranges;
        var stack = new Stack<(char Close, int At)>();
        for (int i = first; i < text.Length; i++)
        {
            int next = text.AsSpan(i).IndexOfAny(BracketChars);
            if (next < 0) break;
            i += next;
            char c = text[i];
            foreach (var (open, close) in rules.Brackets)
            {
                if (c == open && open != close)
                {
                    stack.Push((close, i));
                    break;
                }
                if (c == close)
                {
                    // Pop to the matching opener; unmatched closers are ignored.
                    if (stack.Any(s => s.Close == c))
                    {
                        while (stack.Count > 0)
                        {
                            var top = stack.Pop();
                            if (top.Close == c)
                            {
                                if (stack.Count == 0) ranges.Add((top.At, i));
                                break;
                            }
                        }
                    }
                    break;
                }
            }
        }
        return ranges;
    }

    /// <summary>A boundary strictly inside a bracket pair: after the opener and before or at the closer.</summary>
    private static bool InRanges(List<(int Open, int Close)> ranges, int b)
    {
        foreach (var (open, close) in ranges)
        {
            if (b > open && b <= close) return true;
        }
        return false;
    }

    // ---- Ellipses -----------------------------------------------------------------------------------------

    /// <summary>
    /// Three dots (<c>...</c>, <c>…</c>, <c>. . .</c>) mark an omission inside a sentence: no break. Four dots end a
    /// sentence when a capital follows: after the run (<c>that.... She</c>, <c>period . . . . Next</c>), or, when
    /// the first dot is glued to the word (<c>compounds. . . . The</c>), after that first dot, the other three opening
    /// the next sentence.
    /// </summary>
    private void ApplyEllipses(string text)
    {
        int i = text.IndexOf('.');
        while (i >= 0)
        {
            int dots = 0, j = i;
            bool spaced = false;
            while (j < text.Length)
            {
                if (text[j] == '.') { dots++; j++; continue; }
                if (text[j] == ' ' && j + 1 < text.Length && text[j + 1] == '.' && dots > 0) { spaced = true; j++; continue; }
                break;
            }
            if (dots >= 3)
            {
                int runEnd = j;
                int next = runEnd;
                while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                _kept.RemoveAll(b => b > i && b <= next);
                bool nextUpper = next < text.Length && char.IsUpper(text[next]);
                bool glued = i > 0 && !char.IsWhiteSpace(text[i - 1]);
                if (dots >= 4 && nextUpper)
                {
                    if (spaced && glued) _kept.Add(i + 2);
                    else _kept.Add(next);
                }
            }
            i = text.IndexOf('.', Math.Max(j, i + 1));
        }
        int ell = text.IndexOf('…');
        while (ell >= 0)
        {
            int next = ell + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next < text.Length && !char.IsUpper(text[next])) _kept.RemoveAll(b => b > ell && b <= next);
            ell = text.IndexOf('…', ell + 1);
        }
    }

    // ---- List markers -------------------------------------------------------------------------------------

    private static bool IsListMarker(string token)
    {
        var t = token.AsSpan().TrimStart("•⁃-");
        if (t.Length is < 2 or > 4) return false;
        if (t.EndsWith(".)")) t = t[..^2];
        else if (t[^1] is '.' or ')') t = t[..^1];
        else return false;
        if (t.Length == 1 && char.IsAsciiLetterLower(t[0])) return true;
        foreach (var c in t) if (!char.IsAsciiDigit(c)) return false;
        return t.Length <= 2;
    }

    /// <summary>
    /// An inline enumeration that opens the text (<c>1.) The first item 2.) The second item</c>, <c>a. … b. …</c>,
    /// <c>• 9. … • 10. …</c>): each item is a segment, and no item breaks after its own marker.
    /// </summary>
    private void ApplyListMarkers(string text)
    {
        if (!OpensWithMarker(text)) return;
        var markers = Markers(text);
        if (markers.Count < 2 || markers[0].Start != 0) return;
        // Keep the longest run of consecutive values from the first marker.
        int run = 1;
        while (run < markers.Count && markers[run].Value == markers[run - 1].Value + 1) run++;
        if (run < 2) return;
        for (int m = 0; m < run; m++)
        {
            var (start, end, _) = markers[m];
            if (m > 0) _kept.Add(start);
            int next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            _kept.RemoveAll(b => b > start && b <= next);
        }
    }

    private static bool OpensWithMarker(string text)
    {
        int p = 0;
        if (text[p] is '•' or '⁃') return true;
        while (p < text.Length && p < 2 && char.IsAsciiDigit(text[p])) p++;
        if (p == 0 && char.IsAsciiLetterLower(text[0])) p = 1;
        return p > 0 && p < text.Length && text[p] is '.' or ')';
    }

    private static List<(int Start, int End, int Value)> Markers(string text)
    {
        var result = new List<(int, int, int)>();
        int i = 0;
        while (i < text.Length)
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1]))
            {
                int s = i, p = i;
                if (p < text.Length && text[p] is '•' or '⁃')
                {
                    p++;
                    if (p < text.Length && text[p] == ' ') p++;
                }
                int v = -1, q = p;
                while (q < text.Length && char.IsAsciiDigit(text[q]) && q - p < 2) q++;
                if (q > p) v = int.Parse(text.AsSpan(p, q - p), CultureInfo.InvariantCulture);
                else if (q < text.Length && char.IsAsciiLetterLower(text[q])) { v = 1000 + text[q] - 'a'; q++; }
                if (v >= 0 && q < text.Length && text[q] is '.' or ')')
                {
                    q++;
                    if (q < text.Length && text[q] == ')' && text[q - 1] == '.') q++;
                    if (q < text.Length && text[q] == ' ')
                    {
                        result.Add((s, q, v));
                        i = q;
                        continue;
                    }
                }
                else if (v < 0 && p > s && p < text.Length)
                {
                    // A bare bullet: its value follows the previous marker's.
                    result.Add((s, p, result.Count == 0 ? 0 : result[^1].Item3 + 1));
                }
            }
            i++;
        }
        return result;
    }

    // ---- Footnote markers ---------------------------------------------------------------------------------

    /// <summary>A footnote marker glued to the end of a sentence (<c>(见附件)。*</c>) stays with that sentence.</summary>
    private static int AttachMarkers(string text, int b)
    {
        if (b < text.Length && text[b] == '*' && b > 0 && !char.IsWhiteSpace(text[b - 1]))
        {
            int e = b + 1;
            while (e < text.Length && char.IsWhiteSpace(text[e])) e++;
            return e;
        }
        return b;
    }
}
