namespace AlignTool.Core.Text;

/// <summary>
/// White space folding without a regex: placeable recognition folds every candidate it is given, and
/// <c>Regex.Replace(t, @"\s+", " ")</c> cost a third of an ingest's masking. White space is what <c>\s</c> matches
/// (<see cref="char.IsWhiteSpace(char)"/>). A text with nothing to fold is returned as it is, not copied.
/// </summary>
public static class Spaces
{
    /// <summary>Trimmed, and each run of white space one plain space.</summary>
    public static string Collapse(string text)
    {
        var span = text.AsSpan().Trim();
        bool clean = true;
        for (int i = 0; i < span.Length && clean; i++)
        {
            if (char.IsWhiteSpace(span[i]) && (span[i] != ' ' || char.IsWhiteSpace(span[i + 1]))) clean = false;
        }
        if (clean) return span.Length == text.Length ? text : span.ToString();
        return string.Create(Folded(span), text, static (into, source) => Fold(source.AsSpan().Trim(), into));
    }

    /// <summary>Without any white space.</summary>
    public static string Remove(string text)
    {
        bool any = false;
        foreach (var c in text) any |= char.IsWhiteSpace(c);
        if (!any) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text) if (!char.IsWhiteSpace(c)) kept.Append(c);
        return kept.ToString();
    }

    private static int Folded(ReadOnlySpan<char> trimmed)
    {
        int n = 0;
        for (int i = 0; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]) && i > 0 && char.IsWhiteSpace(trimmed[i - 1])) continue;
            n++;
        }
        return n;
    }

    private static void Fold(ReadOnlySpan<char> trimmed, Span<char> into)
    {
        int n = 0;
        for (int i = 0; i < trimmed.Length; i++)
        {
            if (!char.IsWhiteSpace(trimmed[i])) into[n++] = trimmed[i];
            else if (!char.IsWhiteSpace(trimmed[i - 1])) into[n++] = ' ';
        }
    }
}
