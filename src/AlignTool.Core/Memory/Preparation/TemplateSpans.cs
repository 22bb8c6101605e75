using System.Globalization;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Memory.Preparation;

/// <summary>
/// A template form kept as the offsets of its slots in the text, not as a second copy of the text: most of a
/// template is the text itself, and a memory of a million units would store it twice. The stored form is
/// <c>start:length:slot</c> items joined by <c>;</c>; the empty string is a text that is its own template (a
/// catalogue row). <see cref="Apply"/> gives the template back exactly.
/// </summary>
public static class TemplateSpans
{
    public static string Encode(IReadOnlyList<SlotSpan> spans)
    {
        // Every masked text of an ingest passes here: built on the stack, one string allocated.
        var b = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
        for (int i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (i > 0) b.AppendLiteral(";");
            b.AppendFormatted(s.Start);
            b.AppendLiteral(":");
            b.AppendFormatted(s.Length);
            b.AppendLiteral(":");
            b.AppendFormatted(s.Slot);
        }
        return b.ToStringAndClear();
    }

    public static IReadOnlyList<SlotSpan> Decode(string encoded)
    {
        var spans = new List<SlotSpan>();
        if (encoded.Length == 0) return spans;
        foreach (var item in encoded.Split(';'))
        {
            var parts = item.Split(':', 3);
            if (parts.Length != 3
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int length))
            {
                throw new FormatException($"not a template span list: '{encoded}'");
            }
            spans.Add(new SlotSpan(start, length, parts[2]));
        }
        return spans;
    }

    /// <summary>The template of <paramref name="text"/>: each span replaced by its slot in braces.</summary>
    public static string Apply(string text, string encoded) =>
        encoded.Length == 0 ? text
        : Build(text, Decode(encoded)) ?? throw new FormatException($"template spans '{encoded}' do not fit a text of {text.Length} characters");

    /// <summary>The template of <paramref name="text"/>: each span (in text order, none overlapping) replaced by its
    /// slot in braces. The masker builds its templates here.</summary>
    public static string Apply(string text, IReadOnlyList<SlotSpan> spans) =>
        Build(text, spans) ?? throw new ArgumentException($"template spans do not fit a text of {text.Length} characters", nameof(spans));

    /// <summary>The template, built on the stack (one string allocated: every masked text of an ingest passes here),
    /// or null when the spans are out of order or outside the text.</summary>
    private static string? Build(string text, IReadOnlyList<SlotSpan> spans)
    {
        int pos = 0;
        for (int i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Start < pos || s.Start + s.Length > text.Length) return null;
            pos = s.Start + s.Length;
        }
        var template = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[512]);
        pos = 0;
        for (int i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            template.AppendFormatted(text.AsSpan(pos, s.Start - pos));
            template.AppendLiteral("{");
            template.AppendFormatted(s.Slot);
            template.AppendLiteral("}");
            pos = s.Start + s.Length;
        }
        template.AppendFormatted(text.AsSpan(pos));
        return template.ToStringAndClear();
    }

    /// <summary>
    /// The spans that turn <paramref name="text"/> into <paramref name="template"/>, or null when the template does
    /// not come from the text (for memories that stored the template's whole text). Where a slot's extent is
    /// ambiguous, any choice gives the template back through <see cref="Apply"/>.
    /// </summary>
    public static string? Diff(string text, string template)
    {
        if (text == template) return "";
        var parts = SlotParts(template);
        if (parts is null) return null;
        var spans = new List<SlotSpan>();
        return Match(text, 0, parts, 0, spans) ? Encode(spans) : null;
    }

    /// <summary>The template as literal, slot, literal, …, literal (always odd in count; a literal may be empty), or
    /// null when it has no slot or is not a template (<see cref="SlotTemplate.Parse"/> refuses it).</summary>
    private static List<string>? SlotParts(string template)
    {
        SlotTemplate parsed;
        try
        {
            parsed = SlotTemplate.Parse(template);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!parsed.Slots.Any() || parsed.Parts.Any(p => p is ChoicePart)) return null; // a choice is never masked from a text
        var parts = new List<string>();
        foreach (var part in parsed.Parts)
        {
            if (part is LiteralPart literal)
            {
                if (parts.Count % 2 == 1) parts[^1] += literal.Text;
                else parts.Add(literal.Text);
            }
            else
            {
                if (parts.Count % 2 == 0) parts.Add("");
                parts.Add(((SlotPart)part).Token);
            }
        }
        if (parts.Count % 2 == 0) parts.Add("");
        return parts;
    }

    private static bool Match(string text, int at, List<string> parts, int part, List<SlotSpan> spans)
    {
        var literal = parts[part];
        if (string.CompareOrdinal(text, at, literal, 0, literal.Length) != 0 || at + literal.Length > text.Length) return false;
        at += literal.Length;
        if (part == parts.Count - 1) return at == text.Length;
        var slot = parts[part + 1];
        var next = parts[part + 2];
        // The slot's value runs up to an occurrence of the next literal (the last literal ends the text).
        for (int end = at + 1; end <= text.Length; end++)
        {
            if (part + 2 == parts.Count - 1 ? end != text.Length - next.Length : string.CompareOrdinal(text, end, next, 0, next.Length) != 0) continue;
            spans.Add(new SlotSpan(at, end - at, slot));
            if (Match(text, end, parts, part + 2, spans)) return true;
            spans.RemoveAt(spans.Count - 1);
        }
        return false;
    }
}
