namespace AlignTool.Core.Interchange;

/// <summary>A <c>&lt;prop type="…"&gt;</c> or a <c>&lt;note&gt;</c> of a TMX unit or variant, kept as written.</summary>
public sealed record TmxProp(string Type, string Value);

/// <summary>One <c>&lt;tuv&gt;</c>: its language, attributes, props and notes, the segment's text (inline codes'
/// native content left out, a footnote marker kept) and, when it has inline codes, the segment's XML as written.</summary>
public sealed record TmxVariant(string Lang, IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<TmxProp> Props, IReadOnlyList<string> Notes, string Text, string? SegXml);

/// <summary>One <c>&lt;tu&gt;</c>.</summary>
public sealed record TmxUnit(IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<TmxProp> Props, IReadOnlyList<string> Notes, IReadOnlyList<TmxVariant> Variants)
{
    public string? Attribute(string name) => Find(Attributes, name);

    /// <summary>The value of the first attribute of that name, or null.</summary>
    public static string? Find(IReadOnlyList<KeyValuePair<string, string>> attributes, string name)
    {
        foreach (var a in attributes) if (a.Key == name) return a.Value;
        return null;
    }
}

/// <summary>The header attributes that matter when reading: the source language (<c>*all*</c> allowed).</summary>
public sealed record TmxHeader(string SrcLang, string Version, IReadOnlyList<KeyValuePair<string, string>> Attributes);

/// <summary>A TMX file that cannot be read: what and where (1-based line and column; 0 when unknown).</summary>
public sealed class TmxException(string message, int line, int column, Exception? inner = null) : Exception(message, inner)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
