using AlignTool.Core.Text;

namespace AlignTool.Server.Api;

/// <summary>Language parameters as the CLI takes them: BCP 47 tags (<c>zh-CN</c>, <c>zh-Hans</c> accepted), checked.</summary>
internal static class Languages
{
    /// <summary>A target language: zh or ar.</summary>
    public static string Target(string? value, string name)
    {
        var tag = LanguageTag.Normalize(value ?? "");
        if (tag is not (LanguageTag.Chinese or LanguageTag.Arabic)) throw ApiException.BadRequest($"{name} must be zh or ar, not '{value}'");
        return tag;
    }

    /// <summary>A source language: en, ar or zh, or null for auto (by script).</summary>
    public static string? Source(string? value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Equals("auto", StringComparison.OrdinalIgnoreCase)) return null;
        var tag = LanguageTag.Normalize(value);
        if (!LanguageTag.IsSupported(tag)) throw ApiException.BadRequest($"{name} must be auto, en, ar or zh, not '{value}'");
        return tag;
    }

    public static string Name(string lang) => AlignTool.Core.Placeables.Codes.Default.NameOf(lang);
}
