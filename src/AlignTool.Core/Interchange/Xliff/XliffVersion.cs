namespace AlignTool.Core.Interchange.Xliff;

/// <summary>The XLIFF versions AlignTool writes and reads.</summary>
public enum XliffVersion
{
    /// <summary>XLIFF 1.2 (<c>urn:oasis:names:tc:xliff:document:1.2</c>): what every CAT tool reads.</summary>
    V12,

    /// <summary>XLIFF 2.0 (<c>urn:oasis:names:tc:xliff:document:2.0</c>), with the matches and metadata modules.</summary>
    V20,
}
