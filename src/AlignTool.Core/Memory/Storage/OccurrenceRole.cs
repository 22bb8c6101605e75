namespace AlignTool.Core.Memory.Storage;

/// <summary>What part of its place in a document an occurrence is.</summary>
public enum OccurrenceRole
{
    /// <summary>The whole of a block or cover field.</summary>
    Whole = 0,

    /// <summary>One part of a cover field aligned in parts (a transmittal sentence split at its slots).</summary>
    Part,

    /// <summary>A catalogue phrase: a part of transmittal and request sentences that is formulaic.</summary>
    Phrase,

    /// <summary>A bead of two language versions aligned sentence by sentence (<c>ingest --pair</c>).</summary>
    Bead,
}
