using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>Where an English counterpart came from.</summary>
public enum EnglishSource
{
    /// <summary>No English was found; the field is reported unaligned.</summary>
    None,
    Catalog,
    /// <summary>The annex heading, which repeats the title.</summary>
    Annex,
    Memory,
}

/// <summary>A piece of a partly formulaic sentence that a catalogue phrase covers.</summary>
public sealed record PhraseAlignment(TextSpan Span, string Text, string English, string EntryId, IReadOnlyList<SlotValue> Values);

/// <summary>One cover field of an Arabic or Chinese document and its English counterpart.</summary>
public sealed record CoverFieldAlignment
{
    public required CoverField Field { get; init; }

    public required string Lang { get; init; }

    public required string Text { get; init; }

    public required int BlockIndex { get; init; }

    /// <summary>The English counterpart in UN house style, or null when none could be established.</summary>
    public string? English { get; init; }

    public EnglishSource Via { get; init; }

    /// <summary>The catalogue row (or document) the English came from.</summary>
    public string? ViaDetail { get; init; }

    public IReadOnlyList<SlotValue> Slots { get; init; } = [];

    /// <summary>For transmittal and request sentences: the parts the catalogue covers.</summary>
    public IReadOnlyList<PhraseAlignment> Parts { get; init; } = [];

    /// <summary>For transmittal and request sentences: what no phrase covers, left unaligned rather than guessed.</summary>
    public IReadOnlyList<TextSpan> Unaligned { get; init; } = [];

    /// <summary>A disagreement found while aligning (catalogue vs annex heading).</summary>
    public string? Conflict { get; init; }
}

/// <summary>What the cover aligner found in a document.</summary>
public enum CoverStatus
{
    Aligned,
    /// <summary>No recognisable cover page: nothing listed.</summary>
    NoCover,
    /// <summary>An English document: there is nothing to align.</summary>
    EnglishOnly,
}

public sealed record CoverAlignment(CoverStatus Status, string Lang, IReadOnlyList<CoverFieldAlignment> Fields, IReadOnlyList<string> Notes);
