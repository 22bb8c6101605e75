namespace AlignTool.Core.Memory.Storage;

public sealed record PreparedVariant(PreparedText Text, Occurrence? Occurrence, IReadOnlyDictionary<string, string>? Props = null, TextMeta? Meta = null);
