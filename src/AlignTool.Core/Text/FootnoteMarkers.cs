namespace AlignTool.Core.Text;

/// <summary>
/// Footnote markers (<c>*</c>) belong to a page, not to a form: <c>Item 69 (b) of the provisional agenda*</c> carries
/// its marker only where the page has a footnote, and comparisons of texts ignore it. A counterpart rendered from
/// a template or found in the memory keeps its markers only when the text it stands for has one.
/// </summary>
public static class FootnoteMarkers
{
    /// <summary><paramref name="counterpart"/> without its markers when <paramref name="text"/> has none.</summary>
    public static string Follow(string counterpart, string text) =>
        text.Contains('*') || !counterpart.Contains('*') ? counterpart : Spaces.Collapse(counterpart.Replace("*", "", StringComparison.Ordinal));
}
