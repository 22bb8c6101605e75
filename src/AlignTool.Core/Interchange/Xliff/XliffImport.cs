using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// Stores the finished segments of an XLIFF file (translated, reviewed, final) in the memory as one document, in one
/// transaction: each an English unit with its translation, occurring in the file's document with its zone and cover
/// field (AlignTool's files) and the English of the segments before and after it as context. Untranslated segments,
/// those still to review and those not for translation are counted, not stored. The same file (by content) a second
/// time adds nothing.
/// </summary>
public static class XliffImport
{
    public const string Origin = "xliff";

    /// <summary>Checks that the memory can take the file's segments: English source, a target language.</summary>
    /// <exception cref="XliffException">It cannot.</exception>
    public static void Check(XliffFile file)
    {
        if (file.SourceLang != LanguageTag.English)
            throw new XliffException($"the source language is '{file.SourceLang}': the memory's units are English, so only XLIFF from English is imported");
        if (file.TargetLang.Length == 0)
            throw new XliffException("the file names no target language (1.2: target-language or the targets' xml:lang; 2.0: trgLang)");
        if (file.TargetLang == LanguageTag.English)
            throw new XliffException("the target language is English too");
        if (Language.FromTag(file.TargetLang) is null)
            throw new XliffException($"the target language '{file.TargetLang}' is not a language tag");
    }

    public static XliffImportReport Import(ITranslationMemory memory, XliffFile file, string name, string contentHash, string author, TimeProvider clock, TextPreparer? preparer = null)
    {
        Check(file);
        int untranslated = 0, review = 0, notForTranslation = 0;
        var stored = new List<(XliffUnit Unit, int Index)>();
        var translatable = file.Units.Where(u => u.Translate && u.Source.Trim().Length > 0).ToList();
        notForTranslation = file.Units.Count - translatable.Count;
        for (int i = 0; i < translatable.Count; i++)
        {
            var u = translatable[i];
            if (u.State == XliffState.Untranslated || string.IsNullOrWhiteSpace(u.Target)) untranslated++;
            else if (u.State == XliffState.NeedsReview) review++;
            else stored.Add((u, i));
        }
        if (memory.HasDocument(contentHash))
            return new XliffImportReport(file.Units.Count, stored.Count, 0, 0, untranslated, review, notForTranslation, true);
        preparer ??= new TextPreparer();
        var target = Language.FromTag(file.TargetLang)!;
        var units = stored.Select(s =>
        {
            var previous = s.Index > 0 ? translatable[s.Index - 1].Source : null;
            var next = s.Index + 1 < translatable.Count ? translatable[s.Index + 1].Source : null;
            // Zone and field as AlignTool writes them; another tool's names (or none) give an occurrence without them.
            var occurrence = Occurrence.FromNames(s.Unit.Zone, s.Unit.Field, s.Index, previous, next);
            return new PreparedUnit(preparer.Prepare(s.Unit.Source, Language.English), [new PreparedVariant(preparer.Prepare(s.Unit.Target!, target), occurrence)]);
        });
        var record = new DocumentRecord(name, contentHash, null, null, null, [Language.English, target], Origin);
        var outcome = memory.AddDocument(record, units, author, clock.GetUtcNow());
        return new XliffImportReport(file.Units.Count, stored.Count, outcome.UnitsAdded, outcome.VariantsAdded, untranslated, review, notForTranslation, outcome.AlreadyPresent);
    }
}
