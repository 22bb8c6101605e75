namespace AlignTool.Core.Text;

/// <summary>
/// Footnote markers (<c>*</c>) belong to a page, not to a form: <c>Item 69 (b) of the provisional agenda*</c> carries
/// its marker only where the page has a footnote, and comparisons of texts ignore it. A counterpart rendered from
/// a template or found in the memory keeps its markers only when the text it stands for has one, and a marker
/// that ends the text (a title reissued, <c>Letter dated …*</c>) ends a counterpart that has none.
/// </summary>
public static class FootnoteMarkers
{
    /// <summary><paramref name="counterpart"/> without its markers when <paramref name="text"/> has none, with the
    /// text's final marker when it has none of its own.</summary>
    public static string Follow(string counterpart, string text)
    {
        if (!text.Contains('*')) return counterpart.Contains('*') ? Spaces.Collapse(counterpart.Replace("*", "", StringComparison.Ordinal)) : counterpart;
        return !counterpart.Contains('*') && text.TrimEnd().EndsWith('*') ? counterpart.TrimEnd() + "*" : counterpart;
    }
}
