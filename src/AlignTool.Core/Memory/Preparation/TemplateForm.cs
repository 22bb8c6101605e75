using System.Text.RegularExpressions;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Memory.Preparation;

/// <summary>A text with its placeables masked as slots, and the values they had.</summary>
/// <param name="Template">The text with slots (<c>{session-ordinal|gen}</c> keeps an Arabic ordinal's case).</param>
/// <param name="Values">The slot values, in text order.</param>
/// <param name="Spans">Where each slot stands in the text (none for a catalogue template, whose text is its template).</param>
public sealed partial record TemplateForm(string Template, IReadOnlyList<SlotValue> Values, IReadOnlyList<SlotSpan>? Spans = null)
{
    public bool HasSlots => Values.Count > 0;

    /// <summary>The comparison key: normalized, without case hints, so "Forty-third session" and "Fiftieth session"
    /// (and the catalogue's <c>{session-ordinal} session</c>) share one key.</summary>
    public string Key => TextNormalizer.Normalize(Template.Contains('|') ? CaseHint().Replace(Template, "}") : Template);

    [GeneratedRegex(@"\|(?:nom|gen)\}", RegexOptions.CultureInvariant)]
    private static partial Regex CaseHint();
}
