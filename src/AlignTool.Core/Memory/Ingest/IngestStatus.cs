namespace AlignTool.Core.Memory.Ingest;

public enum IngestStatus
{
    Added,
    /// <summary>The same content is in the memory already: nothing added.</summary>
    AlreadyPresent,
    /// <summary>Nothing in the document could be aligned (an English-only document, no cover page).</summary>
    NothingToAlign,
    /// <summary>A pair of versions that is implausible as a whole (two different documents, an untranslated draft):
    /// nothing stored.</summary>
    Refused,
}
