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
        doc.Languages,
        origin);

    public List<PreparedUnit> FromCover(CoverAlignment cover)
    {
        var units = new List<PreparedUnit>();
        for (int i = 0; i < cover.Fields.Count; i++)
        {
            var f = cover.Fields[i];
            string? prev = i > 0 ? cover.Fields[i - 1].English : null;
            string? next = i + 1 < cover.Fields.Count ? cover.Fields[i + 1].English : null;
            if (f.Lang is "en" or "zxx" or "und") continue;
            if (f.English is not null)
            {
                var occurrence = new Occurrence(ZoneOf(f.Field), f.Field.Name(), f.BlockIndex, prev, next);
                units.Add(Unit(f.English, f.Lang, f.Text, occurrence));
                continue;
            }
            foreach (var part in f.Parts)
            {
                var occurrence = new Occurrence(ZoneOf(f.Field), f.Field.Name() + "-part", f.BlockIndex, prev, next);
                units.Add(Unit(part.English, f.Lang, part.Text, occurrence));
            }
        }
        return units;
    }

    public PreparedUnit Unit(string english, string lang, string text, Occurrence? occurrence, IReadOnlyDictionary<string, string>? props = null) =>
        new(_preparer.Prepare(english, "en"), [new PreparedVariant(_preparer.Prepare(text, lang), occurrence, props)]);

    /// <summary>The catalogue's rows as template units (phrases included), keyed by their English template.</summary>
    public List<PreparedUnit> FromCatalog(Catalog catalog)
    {
        var units = new List<PreparedUnit>();
        foreach (var entry in catalog.Entries)
        {
            var en = entry.Template("en");
            if (en is null) continue;
            var variants = new List<PreparedVariant>();
            foreach (var lang in new[] { "ar", "zh" })
            {
                if (entry.Template(lang) is { } t)
                    variants.Add(new PreparedVariant(_preparer.PrepareTemplate(t, lang), new Occurrence(null, entry.Field, 0, null, null)));
            }
            if (variants.Count == 0) continue;
            units.Add(new PreparedUnit(_preparer.PrepareTemplate(en, "en"), variants, Via: entry.Id));
        }
        return units;
    }

    private static string ZoneOf(CoverField field) => field switch
    {
        CoverField.Title => Zone.Title.Name(),
        CoverField.Footnote => Zone.Footnote.Name(),
        CoverField.JobNumber or CoverField.Barcode => Zone.JobNumber.Name(),
        CoverField.Furniture => Zone.Furniture.Name(),
        CoverField.Organ or CoverField.Distribution or CoverField.IssueDate or CoverField.VersionLanguage or CoverField.OriginalLanguage => Zone.Masthead.Name(),
        _ => Zone.CoverBody.Name(),
    };
}
