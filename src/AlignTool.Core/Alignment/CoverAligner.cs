using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Alignment;

/// <summary>Looks up the English of a field the catalogue does not cover (the translation memory implements it).</summary>
public interface IEnglishLookup
{
    /// <summary>The English counterpart of <paramref name="text"/> in <paramref name="lang"/>, with where it came from, or null.</summary>
    (string English, string Via)? FindEnglish(string text, string lang, CoverField field);
}

/// <summary>
/// Aligns each cover field of an Arabic or Chinese document to its English counterpart: field by field with the
/// catalogue (slots recognised and re-rendered in English), the title also against the annex heading that repeats
/// it, transmittal and request sentences phrase by phrase, and optionally the memory for what the catalogue lacks.
/// </summary>
public sealed class CoverAligner(Catalog? catalog = null, PlaceableSet? placeables = null, IEnglishLookup? memory = null)
{
    private readonly Catalog _catalog = catalog ?? Catalog.Default;
    private readonly PlaceableSet _placeables = placeables ?? PlaceableSet.Default;

    private static readonly HashSet<Zone> CoverZones = [Zone.Masthead, Zone.CoverBody, Zone.Title, Zone.Footnote, Zone.JobNumber, Zone.Furniture];

    public CoverAlignment Align(Document doc)
    {
        if (doc.CoverLanguage == LanguageTag.English)
        {
            return new CoverAlignment(CoverStatus.EnglishOnly, LanguageTag.English, [], ["the document is in English: there is nothing to align"]);
        }
        if (!doc.HasCover)
        {
            return new CoverAlignment(CoverStatus.NoCover, doc.CoverLanguage, [], ["no recognisable UN cover page (masthead, body, session, agenda)"]);
        }

        var notes = new List<string>();
        var fields = new List<CoverFieldAlignment>();
        var annex = doc.Blocks.FirstOrDefault(b => b.Field == CoverField.AnnexHeading);
        foreach (var block in doc.Blocks)
        {
            if (!CoverZones.Contains(block.Zone) || block.Field == CoverField.None) continue;
            var aligned = AlignField(block, doc.CoverLanguage);
            if (block.Field == CoverField.Title) aligned = CheckAgainstAnnex(aligned, annex, notes);
            if (aligned.English is null && memory?.FindEnglish(block.Text, aligned.Lang, block.Field) is { } hit)
            {
                aligned = aligned with { English = hit.English, Via = EnglishSource.Memory, ViaDetail = hit.Via };
            }
            fields.Add(aligned);
        }
        return new CoverAlignment(CoverStatus.Aligned, doc.CoverLanguage, fields, notes);
    }

    private CoverFieldAlignment AlignField(Block block, string versionLang)
    {
        var lang = block.Lang;
        // A block without words (job number, barcode) belongs to the version it is printed on.
        var recordLang = lang == LanguageTag.NoLinguisticContent ? versionLang : lang;
        var result = new CoverFieldAlignment { Field = block.Field, Lang = recordLang, Text = block.Text, BlockIndex = block.Index };
        // ... and is matched in any language's column.
        var langs = LanguageTag.IsSupported(lang) ? [lang] : Catalog.Languages;
        // The rows of the block's field first; then any other field's, for a line the layout placed otherwise (a
        // kind of document under the title, a request right after it).
        foreach (var other in new[] { false, true })
        {
            foreach (var l in langs)
            {
                var found = other ? _catalog.MatchOtherField(block.Field, l, block.Text, _placeables) : _catalog.MatchField(block.Field, l, block.Text, _placeables);
                if (found is not { } hit) continue;
                var english = hit.Entry.Template("en")?.Render("en", hit.Match.Values, _placeables);
                if (english is not null) english = FootnoteMarkers.Follow(english, block.Text);
                return result with
                {
                    Field = other && CoverFieldNames.TryParse(hit.Entry.Field, out var field) ? field : block.Field,
                    English = english,
                    Via = english is null ? EnglishSource.None : EnglishSource.Catalog,
                    ViaDetail = hit.Entry.Id,
                    Slots = hit.Match.Values,
                };
            }
        }
        if (block.Field is CoverField.Transmittal or CoverField.Request && LanguageTag.IsSupported(lang))
        {
            return AlignPhrases(result, block.Text, lang);
        }
        return result;
    }

    /// <summary>Partly formulaic text: the catalogue's phrases where they occur; the rest is left unaligned.</summary>
    private CoverFieldAlignment AlignPhrases(CoverFieldAlignment result, string text, string lang)
    {
        var parts = new List<PhraseAlignment>();
        foreach (var entry in _catalog.Phrases)
        {
            var template = entry.Template(lang);
            var en = entry.Template("en");
            if (template is null || en is null) continue;
            foreach (var m in template.Find(text, lang, _placeables))
            {
                if (parts.Any(p => m.Start < p.Span.End && p.Span.Start < m.Start + m.Length)) continue;
                var english = en.Render("en", m.Values, _placeables);
                if (english is null) continue;
                parts.Add(new PhraseAlignment(new TextSpan(m.Start, m.Length), text.Substring(m.Start, m.Length), english, entry.Id, m.Values));
            }
        }
        parts.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var unaligned = new List<TextSpan>();
        int pos = 0;
        foreach (var p in parts.Append(new PhraseAlignment(new TextSpan(text.Length, 0), "", "", "", [])))
        {
            var gap = Trim(text, pos, p.Span.Start);
            if (gap.Length > 0) unaligned.Add(gap);
            pos = p.Span.End;
        }
        return result with { Parts = parts, Unaligned = unaligned, Slots = parts.SelectMany(p => p.Values).ToList() };
    }

    /// <summary>A gap without letters (punctuation, spaces, a footnote marker) is not "unaligned text".</summary>
    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && !char.IsLetterOrDigit(text[start])) start++;
        while (end > start && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] is not ')' and not '）') end--;
        return new TextSpan(start, Math.Max(0, end - start));
    }

    /// <summary>
    /// The annex heading repeats the title (<c>Annex to the note verbale dated …</c>). Where the catalogue gives no
    /// English title, the annex does; where both do, they must agree, and a disagreement is reported.
    /// </summary>
    private CoverFieldAlignment CheckAgainstAnnex(CoverFieldAlignment title, Block? annex, List<string> notes)
    {
        var fromAnnex = annex is null ? null : TitleFromAnnex(annex.Text);
        if (fromAnnex is null) return title;
        if (title.English is null)
        {
            return title with { English = fromAnnex, Via = EnglishSource.Annex, ViaDetail = $"annex heading (block {annex!.Index})" };
        }
        if (!SameText(title.English, fromAnnex))
        {
            var message = $"title: the catalogue gives \"{title.English}\" but the annex heading says \"{fromAnnex}\"";
            notes.Add(message);
            return title with { Conflict = message };
        }
        return title;
    }

    /// <summary><c>Annex to the note verbale dated …</c> → <c>Note verbale dated …</c>.</summary>
    public static string? TitleFromAnnex(string heading)
    {
        const string prefix = "Annex to the ";
        var t = heading.Trim().TrimEnd('*').Trim();
        if (!t.StartsWith(prefix, StringComparison.Ordinal) || t.Length <= prefix.Length) return null;
        var rest = t[prefix.Length..];
        return char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    private static bool SameText(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string s) => Spaces.Collapse(s.Replace('’', '\''));
}
