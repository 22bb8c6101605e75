namespace AlignTool.Core.Documents;

/// <summary>The cover-page field a block holds, where the parser can tell. <see cref="None"/> for running text.</summary>
public enum CoverField
{
    None,
    Organ,
    Distribution,
    IssueDate,
    VersionLanguage,
    OriginalLanguage,
    Symbol,
    Body,
    Session,
    Year,
    SessionDates,
    Agenda,
    AgendaTitle,
    Title,
    /// <summary>The kind of document under the title: <c>Report of the Secretary-General</c>, <c>Resolution adopted by …</c>.</summary>
    DocumentKind,
    Transmittal,
    Request,
    Signature,
    Footnote,
    JobNumber,
    Barcode,
    Furniture,
    AnnexHeading,
}

public static class CoverFieldNames
{
    public static string Name(this CoverField field) => field switch
    {
        CoverField.None => "",
        CoverField.Organ => "organ",
        CoverField.Distribution => "distribution",
        CoverField.IssueDate => "issue-date",
        CoverField.VersionLanguage => "version-language",
        CoverField.OriginalLanguage => "original-language",
        CoverField.Symbol => "symbol",
        CoverField.Body => "body",
        CoverField.Session => "session",
        CoverField.Year => "year",
        CoverField.SessionDates => "session-dates",
        CoverField.Agenda => "agenda",
        CoverField.AgendaTitle => "agenda-title",
        CoverField.Title => "title",
        CoverField.DocumentKind => "document-kind",
        CoverField.Transmittal => "transmittal",
        CoverField.Request => "request",
        CoverField.Signature => "signature",
        CoverField.Footnote => "footnote",
        CoverField.JobNumber => "job-number",
        CoverField.Barcode => "barcode",
        CoverField.Furniture => "furniture",
        CoverField.AnnexHeading => "annex-heading",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static bool TryParse(string name, out CoverField field)
    {
        foreach (var f in Enum.GetValues<CoverField>())
        {
            if (f != CoverField.None && f.Name() == name) { field = f; return true; }
        }
        field = CoverField.None;
        return false;
    }
}
