namespace AlignTool.Core.Text;

/// <summary>BCP 47 tags as AlignTool writes them: <c>en</c>, <c>ar</c>, <c>zh</c>; <c>und</c> for a language
/// we do not support and <c>zxx</c> for a block with no linguistic content (a job number, a barcode).</summary>
public static class LanguageTag
{
    public const string English = "en";
    public const string Arabic = "ar";
    public const string Chinese = "zh";
    public const string Undetermined = "und";
    public const string NoLinguisticContent = "zxx";

    public static readonly IReadOnlyList<string> Supported = [English, Arabic, Chinese];

    /// <summary>Accepts what other tools write (<c>zh-CN</c>, <c>zh-Hans</c>, <c>ZH-CN</c>, <c>en-US</c>, <c>ar-SA</c>)
    /// and returns our short tag, or the lower-cased input when it is none of ours.</summary>
    public static string Normalize(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var t = tag.Trim().Replace('_', '-').ToLowerInvariant();
        var primary = t.Split('-')[0];
        return primary switch
        {
            "en" or "ar" => primary,
            "zh" when t is "zh" or "zh-cn" or "zh-hans" or "zh-sg" or "zh-hans-cn" => Chinese,
            _ => t,
        };
    }

    public static bool IsSupported(string tag) => tag is English or Arabic or Chinese;
}
