using System.Xml;
using AlignTool.Core.Qa;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange.Tbx;

/// <summary>
/// Writes a glossary as TBX 3 (ISO 30042:2019), TBX-Basic dialect, DCA style: one <c>conceptEntry</c> per English term,
/// a <c>langSec</c> per language, a <c>termSec</c> per term with its <c>administrativeStatus</c>
/// (<c>preferredTerm-admn-sts</c> for an approved term, <c>deprecatedTerm-admn-sts</c> for a forbidden one). UTF-8 as the
/// declaration says, whatever the writer's encoding.
/// </summary>
public static class TbxWriter
{
    public static void Write(TextWriter output, Glossary glossary, string description = "AlignTool glossary")
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true, CloseOutput = false };
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        output.Write("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n");
        using (var w = XmlWriter.Create(output, settings))
        {
            const string ns = TbxReader.Tbx3Namespace;
            w.WriteStartElement("tbx", ns);
            w.WriteAttributeString("type", "TBX-Basic");
            w.WriteAttributeString("style", "dca");
            w.WriteAttributeString("xml", "lang", null, LanguageTag.English);
            w.WriteStartElement("tbxHeader", ns);
            w.WriteStartElement("fileDesc", ns);
            w.WriteStartElement("sourceDesc", ns);
            w.WriteElementString("p", ns, description);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("text", ns);
            w.WriteStartElement("body", ns);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in glossary.Entries)
            {
                w.WriteStartElement("conceptEntry", ns);
                w.WriteAttributeString("id", UniqueId(e.Id, ids));
                LangSec(w, LanguageTag.English, [(e.English, null)]);
                foreach (var lang in e.Approved.Keys.Concat(e.Forbidden.Keys).Distinct().Order(StringComparer.Ordinal))
                {
                    var terms = e.Approved.GetValueOrDefault(lang, []).Select(t => (t, (string?)"preferredTerm-admn-sts"))
                        .Concat(e.Forbidden.GetValueOrDefault(lang, []).Select(t => (t, (string?)"deprecatedTerm-admn-sts"))).ToList();
                    LangSec(w, lang, terms);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        output.Write('\n');
        output.Flush();
    }

    private static void LangSec(XmlWriter w, string lang, IEnumerable<(string Term, string? Status)> terms)
    {
        const string ns = TbxReader.Tbx3Namespace;
        w.WriteStartElement("langSec", ns);
        w.WriteAttributeString("xml", "lang", null, lang);
        foreach (var (term, status) in terms)
        {
            w.WriteStartElement("termSec", ns);
            w.WriteElementString("term", ns, term);
            if (status is not null)
            {
                w.WriteStartElement("termNote", ns);
                w.WriteAttributeString("type", "administrativeStatus");
                w.WriteString(status);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>An entry id as an xml:id-like name, once in the file (TBX 3 requires ids on concept entries).</summary>
    private static string UniqueId(string id, HashSet<string> used)
    {
        var clean = new string(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        if (clean.Length == 0 || !(char.IsLetter(clean[0]) || clean[0] == '_')) clean = "c-" + clean;
        var candidate = clean;
        for (int n = 2; !used.Add(candidate); n++) candidate = clean + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }
}
