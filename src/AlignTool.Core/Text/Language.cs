using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AlignTool.Core.Text;

/// <summary>
/// A language of a text: one of the three the product works in (English, Arabic, Chinese (Simplified)), or another
/// that a memory keeps because an imported file held it (a TMX unit with French). Each tag has one instance, so a
/// language is compared by reference and a misspelt tag never passes for ours; <see cref="Tag"/> is its BCP 47 tag
/// as written in our own files and databases (<c>en</c>, <c>ar</c>, <c>zh</c>, <c>fr</c>).
/// </summary>
public sealed partial class Language : IEquatable<Language>, IComparable<Language>
{
    public static readonly Language English = new(LanguageTag.English, 0);
    public static readonly Language Arabic = new(LanguageTag.Arabic, 1);
    public static readonly Language Chinese = new(LanguageTag.Chinese, 2);

    /// <summary>English, Arabic, Chinese: the order of the product's tables and files.</summary>
    public static readonly IReadOnlyList<Language> All = [English, Arabic, Chinese];

    /// <summary>The two languages the product translates into beside its English keys.</summary>
    public static readonly IReadOnlyList<Language> Targets = [Arabic, Chinese];

    private static readonly ConcurrentDictionary<string, Language> Others = new(StringComparer.Ordinal);

    private const int OtherOrder = 3;

    private readonly int _order;

    private Language(string tag, int order)
    {
        Tag = tag;
        _order = order;
    }

    /// <summary>The tag written in our files: <c>en</c>, <c>ar</c>, <c>zh</c>, or another language's normalized tag.</summary>
    public string Tag { get; }

    public bool IsEnglish => ReferenceEquals(this, English);

    /// <summary>One of the three languages the product segments, aligns and prefills.</summary>
    public bool IsOurs => _order < OtherOrder;

    /// <summary>The language of a tag as other tools write it (<c>zh-CN</c>, <c>zh-Hans</c>, <c>AR</c>, <c>fr-FR</c>), or
    /// null when it is not a language tag at all (empty, malformed, <c>und</c>, <c>zxx</c>).</summary>
    public static Language? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var normalized = LanguageTag.Normalize(tag);
        return normalized switch
        {
            LanguageTag.English => English,
            LanguageTag.Arabic => Arabic,
            LanguageTag.Chinese => Chinese,
            LanguageTag.Undetermined or LanguageTag.NoLinguisticContent => null,
            _ when WellFormed().IsMatch(normalized) => Others.GetOrAdd(normalized, t => new Language(t, OtherOrder)),
            _ => null,
        };
    }

    /// <summary>The language of a tag that must be one (read from a memory, which stores only tags it was given as
    /// languages); anything else is a bug of the caller.</summary>
    public static Language Of(string tag) =>
        FromTag(tag) ?? throw new ArgumentException($"not a language tag: '{tag}'", nameof(tag));

    public bool Equals(Language? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Tag);

    /// <summary>Ours first, in the product's order; others by tag.</summary>
    public int CompareTo(Language? other) =>
        other is null ? 1 : _order != other._order ? _order.CompareTo(other._order) : string.CompareOrdinal(Tag, other.Tag);

    public override string ToString() => Tag;

    // BCP 47 in its common shape: a primary subtag of 2–3 letters, then subtags of 1–8 letters or digits.
    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{1,8})*$")]
    private static partial Regex WellFormed();
}
