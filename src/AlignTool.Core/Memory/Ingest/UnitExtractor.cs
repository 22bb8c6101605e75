using AlignTool.Core.Text;
using System.Security.Cryptography;
using System.Text;
using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>
/// What a document gives the memory: each cover field aligned to English becomes a unit (the English) with a
/// variant (the Arabic or Chinese), whose occurrence records the document, zone, field, position and context;
/// phrases of partly aligned sentences become units of their own. Catalogue rows become template units.
/// </summary>
public sealed class UnitExtractor(TextPreparer? preparer = null)
{
    private readonly TextPreparer _preparer = preparer ?? new TextPreparer();

    public static string ContentHash(string source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(source.Replace("\r\n", "\n")));
        return Convert.ToHexStringLower(bytes);
    }

    public DocumentRecord Record(Document doc, string origin) => new(
        doc.Name,
        ContentHash(doc.Source),
        doc.FieldBlock(CoverField.Symbol)?.Text,
        doc.FieldBlock(CoverField.JobNumber)?.Text,
        doc.FieldBlock(CoverField.IssueDate)?.Text,
        [.. doc.Languages.Select(Language.FromTag).OfType<Language>()],
        origin);

    public List<PreparedUnit> FromCover(CoverAlignment cover)
    {
        var units = new List<PreparedUnit>();
        for (int i = 0; i < cover.Fields.Count; i++)
        {
            var f = cover.Fields[i];
            string? prev = i > 0 ? cover.Fields[i - 1].English : null;
            string? next = i + 1 < cover.Fields.Count ? cover.Fields[i + 1].English : null;
            if (Language.FromTag(f.Lang) is not { IsEnglish: false } lang) continue;
            if (f.English is not null)
            {
                var occurrence = new Occurrence(ZoneOf(f.Field), f.Field, f.BlockIndex, prev, next);
                units.Add(Unit(f.English, lang, f.Text, occurrence));
                continue;
            }
            foreach (var part in f.Parts)
            {
                var occurrence = new Occurrence(ZoneOf(f.Field), f.Field, f.BlockIndex, prev, next, OccurrenceRole.Part);
                units.Add(Unit(part.English, lang, part.Text, occurrence));
            }
        }
        return units;
    }

    public PreparedUnit Unit(string english, Language lang, string text, Occurrence? occurrence, IReadOnlyDictionary<string, string>? props = null) =>
        new(_preparer.Prepare(english, Language.English), [new PreparedVariant(_preparer.Prepare(text, lang), occurrence, props)]);

    /// <summary>The catalogue's rows as template units (phrases included), keyed by their English template.</summary>
    public List<PreparedUnit> FromCatalog(Catalog catalog)
    {
        var units = new List<PreparedUnit>();
        foreach (var entry in catalog.Entries)
        {
            var en = entry.Template(LanguageTag.English);
            if (en is null) continue;
            var variants = new List<PreparedVariant>();
            var occurrence = Occurrence.FromNames(null, entry.Field, 0, null, null);
            foreach (var lang in Language.Targets)
            {
                if (entry.Template(lang.Tag) is { } t)
                    variants.Add(new PreparedVariant(_preparer.PrepareTemplate(t, lang), occurrence));
            }
            if (variants.Count == 0) continue;
            units.Add(new PreparedUnit(_preparer.PrepareTemplate(en, Language.English), variants, Via: entry.Id));
        }
        return units;
    }

    private static Zone ZoneOf(CoverField field) => field switch
    {
        CoverField.Title => Zone.Title,
        CoverField.Footnote => Zone.Footnote,
        CoverField.JobNumber or CoverField.Barcode => Zone.JobNumber,
        CoverField.Furniture => Zone.Furniture,
        CoverField.Organ or CoverField.Distribution or CoverField.IssueDate or CoverField.VersionLanguage or CoverField.OriginalLanguage => Zone.Masthead,
        _ => Zone.CoverBody,
    };
}
