using System.Globalization;
using System.Text;

namespace AlignTool.Core.Prefill;

/// <summary>
/// The Markdown of a draft with every translatable segment left as a slot: the text around the segments (headings,
/// line breaks, the masthead lines kept in English, the language line added for the target) and, in each slot, the
/// segment's Markdown as the source has it. <see cref="Fill"/> puts translations into the slots, so that a draft can be
/// rebuilt from a finished XLIFF file with the structure it had (<c>aligntool merge</c>).
/// </summary>
/// <remarks>
/// As a string (<see cref="ToString"/>, carried in an XLIFF file's skeleton) a slot is <c>U+E000 id U+E001 markdown
/// U+E002</c>; those three private-use characters and <c>U+E003</c> are written after <c>U+E003</c> where the document
/// itself has them.
/// </remarks>
public sealed class DraftSkeleton
{
    private const char Open = '\uE000', Mid = '\uE001', Close = '\uE002', Esc = '\uE003';

    private readonly IReadOnlyList<DraftSkeletonPart> _parts;

    private DraftSkeleton(IReadOnlyList<DraftSkeletonPart> parts) => _parts = parts;

    /// <summary>Literal text and slots, in document order.</summary>
    public IReadOnlyList<DraftSkeletonPart> Parts => _parts;

    /// <summary>The ids of the slots, in document order.</summary>
    public IEnumerable<int> SlotIds => _parts.Where(p => p.SlotId is not null).Select(p => p.SlotId!.Value);

    /// <param name="source">The source Markdown.</param>
    /// <param name="slots">Each translatable segment: its id and its span in <paramref name="source"/>.</param>
    /// <param name="insertions">Text added at a position of the source (the language line of the masthead).</param>
    public static DraftSkeleton Build(string source, IEnumerable<(int Id, int Start, int Length)> slots, IEnumerable<(int At, string Text)> insertions)
    {
        var edits = slots.Select(s => { var (start, length) = Widen(source, s.Start, s.Length); return (Start: start, Length: length, Id: (int?)s.Id, Text: ""); })
            .Concat(insertions.Select(i => (Start: i.At, Length: 0, Id: (int?)null, i.Text)))
            .OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
        var parts = new List<DraftSkeletonPart>();
        var literal = new StringBuilder();
        int pos = 0;
        foreach (var e in edits)
        {
            if (e.Start < pos) continue; // overlapping (cannot happen for distinct segments)
            literal.Append(source, pos, e.Start - pos);
            if (e.Id is null) literal.Append(e.Text);
            else
            {
                if (literal.Length > 0) parts.Add(new DraftSkeletonPart(literal.ToString(), null));
                literal.Clear();
                parts.Add(new DraftSkeletonPart(source.Substring(e.Start, e.Length), e.Id));
            }
            pos = e.Start + e.Length;
        }
        literal.Append(source, pos, source.Length - pos);
        if (literal.Length > 0) parts.Add(new DraftSkeletonPart(literal.ToString(), null));
        return new DraftSkeleton(parts);
    }

    /// <summary>A segment's span in the source, taking along the backslash of a segment that starts with an escaped
    /// character (<c>\* Reproduced as received…</c>): what a translation replaces.</summary>
    public static (int Start, int Length) Widen(string source, int start, int length) =>
        length > 0 && start > 0 && source[start - 1] == '\\' && char.IsPunctuation(source[start]) ? (start - 1, length + 1) : (start, length);

    /// <summary>A translation as Markdown: its asterisks are footnote markers, not emphasis.</summary>
    public static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>The Markdown with each slot filled: <paramref name="fill"/> gives the Markdown of a slot (see
    /// <see cref="Escape"/>), or null to keep the source's.</summary>
    public string Fill(Func<int, string?> fill)
    {
        var sb = new StringBuilder();
        foreach (var p in _parts) sb.Append(p.SlotId is { } id ? fill(id) ?? p.Text : p.Text);
        return sb.ToString();
    }

    /// <summary>The skeleton as one string (see the remarks).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in _parts)
        {
            if (p.SlotId is { } id) sb.Append(Open).Append(id.ToString(CultureInfo.InvariantCulture)).Append(Mid);
            foreach (var c in p.Text)
            {
                if (c is Open or Mid or Close or Esc) sb.Append(Esc);
                sb.Append(c);
            }
            if (p.SlotId is not null) sb.Append(Close);
        }
        return sb.ToString();
    }

    /// <summary>Reads a skeleton written by <see cref="ToString"/>; null when the text is not one.</summary>
    public static DraftSkeleton? Parse(string text)
    {
        var parts = new List<DraftSkeletonPart>();
        var sb = new StringBuilder();
        int? slot = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == Esc)
            {
                if (++i >= text.Length) return null;
                sb.Append(text[i]);
            }
            else if (c == Open)
            {
                if (slot is not null) return null;
                int mid = text.IndexOf(Mid, i + 1);
                if (mid < 0 || !int.TryParse(text.AsSpan(i + 1, mid - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
                if (sb.Length > 0) parts.Add(new DraftSkeletonPart(sb.ToString(), null));
                sb.Clear();
                slot = id;
                i = mid;
            }
            else if (c == Close)
            {
                if (slot is null) return null;
                parts.Add(new DraftSkeletonPart(sb.ToString(), slot));
                sb.Clear();
                slot = null;
            }
            else if (c == Mid) return null;
            else sb.Append(c);
        }
        if (slot is not null) return null;
        if (sb.Length > 0) parts.Add(new DraftSkeletonPart(sb.ToString(), null));
        return new DraftSkeleton(parts);
    }
}
