using System.Text;
using System.Xml;

namespace AlignTool.Core.Interchange;

/// <summary>
/// Writes TMX 1.4b as it goes (one unit at a time, so a million units take bounded memory): the full header, one
/// <c>&lt;tu&gt;</c> per unit with its attributes, props and notes, one <c>&lt;tuv&gt;</c> per variant; a footnote marker
/// becomes an inline <c>&lt;ph&gt;</c> (level 2); a segment read with inline codes is written back as it was.
/// </summary>
public sealed class TmxWriter : IDisposable
{
    private readonly XmlWriter _xml;

    public TmxWriter(Stream output, IReadOnlyList<KeyValuePair<string, string>> header)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("tmx");
        _xml.WriteAttributeString("version", "1.4");
        _xml.WriteStartElement("header");
        foreach (var (k, v) in header) _xml.WriteAttributeString(k, v);
        _xml.WriteEndElement();
        _xml.WriteStartElement("body");
    }

    public void Write(TmxUnit unit)
    {
        _xml.WriteStartElement("tu");
        Attributes(unit.Attributes);
        foreach (var n in unit.Notes) _xml.WriteElementString("note", n);
        foreach (var p in unit.Props) Prop(p);
        foreach (var v in unit.Variants)
        {
            _xml.WriteStartElement("tuv");
            var attrs = v.Attributes.Where(a => a.Key is not ("xml:lang" or "lang")).ToList();
            _xml.WriteAttributeString("xml", "lang", null, v.Lang);
            Attributes(attrs);
            foreach (var n in v.Notes) _xml.WriteElementString("note", n);
            foreach (var p in v.Props) Prop(p);
            _xml.WriteStartElement("seg");
            _xml.WriteString(""); // the element now holds text: the writer will not indent inside it
            if (v.SegXml is not null && TmxReader.SegText(v.SegXml).Text == v.Text) _xml.WriteRaw(v.SegXml);
            else Seg(v.Text);
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    private void Attributes(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        foreach (var (k, v) in attributes)
        {
            if (k.StartsWith("xml:", StringComparison.Ordinal)) _xml.WriteAttributeString("xml", k[4..], null, v);
            else if (!k.Contains(':')) _xml.WriteAttributeString(k, v);
        }
    }

    private void Prop(TmxProp p)
    {
        _xml.WriteStartElement("prop");
        _xml.WriteAttributeString("type", p.Type);
        _xml.WriteString(p.Value);
        _xml.WriteEndElement();
    }

    /// <summary>Text with each footnote marker as <c>&lt;ph x="n" type="fnote"&gt;*&lt;/ph&gt;</c>, written raw so that the
    /// indenting writer never puts white space into the segment's mixed content.</summary>
    private void Seg(string text)
    {
        var sb = new StringBuilder();
        int x = 1;
        foreach (var c in text)
        {
            switch (c)
            {
                case '*': sb.Append("<ph x=\"").Append((x++).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\" type=\"fnote\">*</ph>"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default:
                    if (char.IsControl(c) && c is not '\n' and not '\t') continue; // not allowed in XML 1.0
                    sb.Append(c);
                    break;
            }
        }
        _xml.WriteRaw(sb.ToString());
    }

    public void Dispose()
    {
        _xml.WriteEndElement(); // body
        _xml.WriteEndElement(); // tmx
        _xml.WriteEndDocument();
        _xml.Flush();
        _xml.Dispose();
    }
}
