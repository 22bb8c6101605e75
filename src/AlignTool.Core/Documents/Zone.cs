namespace AlignTool.Core.Documents;

/// <summary>Where a block sits on a UN document.</summary>
public enum Zone
{
    /// <summary>Organ banner and the distribution lines: <c>Distr.: General</c>, date, version language, <c>Original:</c>.</summary>
    Masthead,
    /// <summary>Cover-page fields and text: body, session, dates, agenda, transmittal and request, signature.</summary>
    CoverBody,
    /// <summary>The document title (note verbale, letter).</summary>
    Title,
    /// <summary>A footnote, starting with the normalized marker <c>*</c>.</summary>
    Footnote,
    /// <summary>The job number (<c>GE.20-06433(A)</c>) and the barcode line that repeats its digits.</summary>
    JobNumber,
    /// <summary>Page furniture such as "Please recycle".</summary>
    Furniture,
    /// <summary>The heading of the annex, which repeats the title, and the annex's own headings.</summary>
    AnnexHeading,
    /// <summary>The running text of the annex.</summary>
    AnnexBody,
    /// <summary>A letterhead or an address block (inserted mid-text by a page break in seed 003).</summary>
    Address,
    /// <summary>Running text of a document without a cover page.</summary>
    Body,
}

public static class ZoneNames
{
    /// <summary>The kebab-case name used in jsonl output and in <c>inspect</c>.</summary>
    public static string Name(this Zone zone) => zone switch
    {
        Zone.Masthead => "masthead",
        Zone.CoverBody => "cover",
        Zone.Title => "title",
        Zone.Footnote => "footnote",
        Zone.JobNumber => "job-number",
        Zone.Furniture => "furniture",
        Zone.AnnexHeading => "annex-heading",
        Zone.AnnexBody => "annex",
        Zone.Address => "address",
        Zone.Body => "body",
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };

    /// <summary>The zone of a name <see cref="Name"/> gives; false for null or a name it never gives.</summary>
    public static bool TryParse(string? name, out Zone zone)
    {
        foreach (var z in Enum.GetValues<Zone>())
        {
            if (z.Name() == name) { zone = z; return true; }
        }
        zone = default;
        return false;
    }
}
