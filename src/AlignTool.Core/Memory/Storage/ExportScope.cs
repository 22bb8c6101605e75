namespace AlignTool.Core.Memory.Storage;

/// <summary>Which units <see cref="ITranslationMemory.Export"/> streams.</summary>
public enum ExportScope
{
    /// <summary>The units of documents and imports: what QA, the aligner's word lists and TMX export read.</summary>
    Units = 0,

    /// <summary>Only the catalogue's rows (<see cref="ExportedUnit.Via"/> set), templates with slots included: the
    /// reader decides which it writes.</summary>
    Catalogue,
}
