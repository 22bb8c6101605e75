namespace AlignTool.Core.Memory.Storage;

/// <summary>An English-keyed unit to store, with its variants in other languages.</summary>
/// <param name="Via">For a catalogue template, the catalogue row id.</param>
public sealed record PreparedUnit(PreparedText English, IReadOnlyList<PreparedVariant> Variants, string? Via = null, IReadOnlyDictionary<string, string>? Props = null, Occurrence? EnglishOccurrence = null, TextMeta? Meta = null);
