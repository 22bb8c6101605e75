namespace AlignTool.Core.Documents.Word;

/// <summary>
/// Caps on a .docx package, checked on the sizes its zip directory declares before any part is inflated (the zip
/// reader then stops each part at its declared size). A 200-page UN document unpacks to about 5 MB; the caps leave
/// room for pictures and refuse a zip bomb (a few kilobytes that inflate to gigabytes).
/// </summary>
public sealed record WordLimits
{
    public static readonly WordLimits Default = new();

    /// <summary>The whole package, unpacked: 256 MiB.</summary>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Entries in the zip: 10,000 (Word writes a few dozen).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>One entry's inflated size may be at most this many times its compressed size (XML compresses about
    /// 10:1; a zip bomb 1000:1 and more), counted only on entries above 1 MiB.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
}
