namespace AlignTool.Core.Documents;

/// <summary>A parsed UN document: its blocks in reading order, with zones, languages and repairs.</summary>
public sealed class Document
{
    internal Document(string name, string source, IReadOnlyList<Block> blocks, string coverLanguage, bool hasCover)
    {
        Name = name;
        Source = source;
        Blocks = blocks;
        CoverLanguage = coverLanguage;
        HasCover = hasCover;
    }

    /// <summary>The name the document was read under (a file name), used in messages and records.</summary>
    public string Name { get; }

    /// <summary>The text as read (after decoding), to which every source offset refers.</summary>
    public string Source { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>The language of this version's cover page (<c>ar</c>, <c>zh</c>, <c>en</c>), or the main language of
    /// a document without a cover page.</summary>
    public string CoverLanguage { get; }

    /// <summary>The document opens with a UN cover page (masthead, body, session, title…).</summary>
    public bool HasCover { get; }

    public IEnumerable<Block> InZone(Zone zone) => Blocks.Where(b => b.Zone == zone);

    public Block? FieldBlock(CoverField field) => Blocks.FirstOrDefault(b => b.Field == field);

    /// <summary>Languages of the blocks, most letters first; <c>zxx</c> (no linguistic content) left out.</summary>
    public IReadOnlyList<string> Languages =>
        Blocks.Where(b => b.Lang != Text.LanguageTag.NoLinguisticContent)
              .GroupBy(b => b.Lang)
              .OrderByDescending(g => g.Sum(b => b.Text.Length))
              .Select(g => g.Key)
              .ToList();
}
