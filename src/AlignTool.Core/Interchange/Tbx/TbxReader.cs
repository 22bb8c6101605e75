using System.Xml;
using AlignTool.Core.Qa;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange.Tbx;

/// <summary>
/// Reads a TBX glossary of either generation: TBX 2 (ISO 30042:2008, root <c>martif</c>: <c>termEntry</c>,
/// <c>langSet</c>, <c>tig</c>/<c>ntig</c>) or TBX 3 (ISO 30042:2019, root <c>tbx</c> in
/// <c>urn:iso:std:iso:30042:ed-2</c>: <c>conceptEntry</c>, <c>langSec</c>, <c>termSec</c>), TBX-Basic or any dialect that
/// keeps its administrative status in <c>termNote type="administrativeStatus"</c> (DCA style) or an
/// <c>administrativeStatus</c> element (DCT style). A term is approved unless its status is deprecated or superseded
/// (forbidden). A file in neither form, or with no entry that has an English term, throws <see cref="TbxException"/>:
/// never an empty glossary.
/// </summary>
public static class TbxReader
{
    public const string Tbx3Namespace = "urn:iso:std:iso:30042:ed-2";

    public static Glossary Read(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var r = XmlReader.Create(new StringReader(xml), settings);
            r.MoveToContent();
            var info = (IXmlLineInfo)r;
            var (entryName, langName) = r.LocalName switch
            {
                "martif" => ("termEntry", "langSet"),
                "tbx" => ("conceptEntry", "langSec"),
                _ => throw new TbxException($"neither TBX 2 (root <martif>) nor TBX 3 (root <tbx>, ISO 30042:2019): the root element is <{r.LocalName}>", info.LineNumber, info.LinePosition),
            };
            var entries = new List<GlossaryEntry>();
            int seen = 0;
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != entryName) continue;
                seen++;
                if (Entry(r.ReadSubtree(), r.GetAttribute("id") ?? $"entry{seen}", langName) is { } entry) entries.Add(entry);
            }
            if (entries.Count == 0)
                throw new TbxException(seen == 0 ? $"a TBX file with no <{entryName}>: the glossary would be empty" : $"none of its {seen} <{entryName}> has an English term: the glossary would be empty");
            return new Glossary(entries);
        }
        catch (XmlException e)
        {
            throw new TbxException(System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*Line \d+, position \d+\.?\s*$", "").TrimEnd('.'), e.LineNumber, e.LinePosition);
        }
    }

    private static GlossaryEntry? Entry(XmlReader entry, string id, string langName)
    {
        string? english = null;
        var approved = new Dictionary<string, List<string>>();
        var forbidden = new Dictionary<string, List<string>>();
        string lang = "";
        string? term = null;
        entry.Read();
        while (!entry.EOF)
        {
            if (entry.NodeType != XmlNodeType.Element)
            {
                entry.Read();
                continue;
            }
            if (entry.LocalName == langName)
            {
                lang = LanguageTag.Normalize(entry.GetAttribute("xml:lang") ?? "");
                term = null;
                entry.Read();
                continue;
            }
            bool status = entry.LocalName == "administrativeStatus" || (entry.LocalName == "termNote" && entry.GetAttribute("type") == "administrativeStatus");
            if (entry.LocalName == "term")
            {
                term = entry.ReadElementContentAsString().Trim();
                if (term.Length == 0) continue;
                if (lang == LanguageTag.English) english ??= term;
                else Add(approved, lang, term); // approved unless a status says otherwise
            }
            else if (status)
            {
                var value = entry.ReadElementContentAsString().Trim();
                if (term is { Length: > 0 } && lang != LanguageTag.English && (value.StartsWith("deprecated", StringComparison.Ordinal) || value.StartsWith("supersede", StringComparison.Ordinal)))
                {
                    approved[lang].Remove(term);
                    Add(forbidden, lang, term);
                }
            }
            else entry.Read();
        }
        return english is null ? null : new GlossaryEntry(id, english, Freeze(approved), Freeze(forbidden));
    }

    private static void Add(Dictionary<string, List<string>> d, string lang, string term)
    {
        if (!d.TryGetValue(lang, out var list)) d[lang] = list = [];
        list.Add(term);
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> d) =>
        d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
}
