using System.Xml;
using AlignTool.Core.Data;

namespace AlignTool.Core.Qa;

/// <summary>An English term with its approved and forbidden terms per language.</summary>
public sealed record GlossaryEntry(string Id, string English, IReadOnlyDictionary<string, IReadOnlyList<string>> Approved, IReadOnlyDictionary<string, IReadOnlyList<string>> Forbidden);

/// <summary>A terminology glossary: TBX-Basic (administrative status preferred, admitted, deprecated) or TSV.</summary>
public sealed class Glossary(IReadOnlyList<GlossaryEntry> entries)
{
    public IReadOnlyList<GlossaryEntry> Entries { get; } = entries;

    public static Glossary Default { get; } = FromTbx(EmbeddedData.Read("glossary/un-terms.tbx"));

    public static Glossary FromTbx(string xml)
    {
        var entries = new List<GlossaryEntry>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var r = XmlReader.Create(new StringReader(xml), settings);
        while (r.ReadToFollowing("termEntry"))
        {
            var id = r.GetAttribute("id") ?? $"entry{entries.Count + 1}";
            string? english = null;
            var approved = new Dictionary<string, List<string>>();
            var forbidden = new Dictionary<string, List<string>>();
            using var entry = r.ReadSubtree();
            string lang = "";
            string? term = null;
            entry.Read();
            while (!entry.EOF)
            {
                // Content readers move past their element themselves; everything else needs an explicit Read.
                if (entry.NodeType != XmlNodeType.Element || entry.Name is not ("term" or "termNote"))
                {
                    if (entry.NodeType == XmlNodeType.Element && entry.Name == "langSet") lang = Text.LanguageTag.Normalize(entry.GetAttribute("xml:lang") ?? "");
                    entry.Read();
                    continue;
                }
                switch (entry.Name)
                {
                    case "term":
                        term = entry.ReadElementContentAsString().Trim();
                        if (lang == "en") english ??= term;
                        else Add(approved, lang, term); // approved unless a status says otherwise
                        break;
                    default:
                        bool admin = entry.GetAttribute("type") == "administrativeStatus";
                        var status = entry.ReadElementContentAsString();
                        if (admin && term is not null && lang != "en" && (status.StartsWith("deprecated", StringComparison.Ordinal) || status.StartsWith("supersede", StringComparison.Ordinal)))
                        {
                            approved[lang].Remove(term);
                            Add(forbidden, lang, term);
                        }
                        break;
                }
            }
            if (english is not null) entries.Add(new GlossaryEntry(id, english, Freeze(approved), Freeze(forbidden)));
        }
        return new Glossary(entries);
    }

    /// <summary>TSV: <c>en&lt;TAB&gt;lang&lt;TAB&gt;term&lt;TAB&gt;status</c> (preferred, admitted, forbidden).</summary>
    public static Glossary FromTsv(string tsv)
    {
        var map = new Dictionary<string, (Dictionary<string, List<string>> A, Dictionary<string, List<string>> F)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedData.Rows(tsv, 4))
        {
            if (row[0].Length == 0 || row[2].Length == 0) continue;
            if (!map.TryGetValue(row[0], out var e)) map[row[0]] = e = ([], []);
            Add(row[3].StartsWith("forbid", StringComparison.OrdinalIgnoreCase) || row[3].StartsWith("deprecat", StringComparison.OrdinalIgnoreCase) ? e.F : e.A, Text.LanguageTag.Normalize(row[1]), row[2]);
        }
        return new Glossary(map.Select(kv => new GlossaryEntry(kv.Key, kv.Key, Freeze(kv.Value.A), Freeze(kv.Value.F))).ToList());
    }

    private static void Add(Dictionary<string, List<string>> d, string lang, string term)
    {
        if (!d.TryGetValue(lang, out var list)) d[lang] = list = [];
        list.Add(term);
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> d) =>
        d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
}
