using System.Text;
using System.Xml;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange;

/// <summary>
/// Reads TMX 1.1–1.4 as a stream of units: <c>xml:lang</c> or <c>lang</c>, <c>srclang="*all*"</c>, UTF-8 with or
/// without BOM, UTF-16. A DOCTYPE that only names an external DTD is allowed and never fetched; one with an internal
/// subset (entity declarations: billion laughs, external entities) is refused before anything is expanded.
/// </summary>
public static class TmxReader
{
    /// <summary>Refuses a DOCTYPE with an internal subset; call on the file's first bytes before reading.</summary>
    public static void CheckDoctype(ReadOnlySpan<byte> head)
    {
        string text;
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) text = Encoding.Unicode.GetString(head[2..]);
        else if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) text = Encoding.BigEndianUnicode.GetString(head[2..]);
        else text = Encoding.UTF8.GetString(head);
        int at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0) return;
        int end = at;
        char quote = '\0';
        for (; end < text.Length; end++)
        {
            char c = text[end];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '[')
            {
                var (line, col) = Position(text, end);
                throw new TmxException("the DOCTYPE has an internal subset (entity declarations are refused: nothing was expanded)", line, col);
            }
            if (c == '>') return;
        }
    }

    private static (int, int) Position(string text, int index)
    {
        int line = 1, col = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return (line, col);
    }

    public static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreWhitespace = false,
        IgnoreComments = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The header, then the units, one at a time.</summary>
    public static IEnumerable<TmxUnit> Read(Stream stream, Action<TmxHeader> header)
    {
        using var reader = XmlReader.Create(stream, Settings);
        IEnumerator<TmxUnit> units;
        try
        {
            units = ReadUnits(reader, header).GetEnumerator();
        }
        catch (XmlException e)
        {
            throw new TmxException(e.Message, e.LineNumber, e.LinePosition, e);
        }
        while (true)
        {
            try
            {
                if (!units.MoveNext()) break;
            }
            catch (XmlException e)
            {
                throw new TmxException(StripPosition(e.Message), e.LineNumber, e.LinePosition, e);
            }
            yield return units.Current;
        }
    }

    private static string StripPosition(string message)
    {
        int i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    private static IEnumerable<TmxUnit> ReadUnits(XmlReader r, Action<TmxHeader> header)
    {
        if (!r.ReadToFollowing("tmx")) throw new XmlException("not a TMX file: no <tmx> element", null, 1, 1);
        string version = r.GetAttribute("version") ?? "";
        bool headerSeen = false;
        r.Read();
        while (!r.EOF)
        {
            if (r.NodeType != XmlNodeType.Element) { r.Read(); continue; }
            if (r.Name == "header")
            {
                var attrs = Attributes(r);
                header(new TmxHeader(attrs.FirstOrDefault(a => a.Key == "srclang").Value ?? "*all*", version, attrs));
                headerSeen = true;
                r.Skip();
                continue;
            }
            if (r.Name == "tu")
            {
                if (!headerSeen) throw new XmlException("<tu> before <header>", null, ((IXmlLineInfo)r).LineNumber, ((IXmlLineInfo)r).LinePosition);
                yield return ReadTu(r);
                r.Read(); // past </tu>
                continue;
            }
            r.Read();
        }
    }

    private static List<KeyValuePair<string, string>> Attributes(XmlReader r)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (r.MoveToFirstAttribute())
        {
            do list.Add(new(r.Name, r.Value)); while (r.MoveToNextAttribute());
            r.MoveToElement();
        }
        return list;
    }

    private static TmxUnit ReadTu(XmlReader r)
    {
        var attrs = Attributes(r);
        var props = new List<TmxProp>();
        var notes = new List<string>();
        var variants = new List<TmxVariant>();
        if (r.IsEmptyElement) return new TmxUnit(attrs, props, notes, variants);
        ReadContent(r, props, notes, () =>
        {
            if (r.Name != "tuv") return false;
            variants.Add(ReadTuv(r));
            return true;
        });
        return new TmxUnit(attrs, props, notes, variants);
    }

    /// <summary>
    /// Reads the children of the current element up to its end tag: props and notes, and whatever
    /// <paramref name="other"/> takes (it returns false for an element it does not know, which is skipped). The
    /// element readers move past their element themselves; every other node needs an explicit Read.
    /// </summary>
    private static void ReadContent(XmlReader r, List<TmxProp> props, List<string> notes, Func<bool> other)
    {
        int depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element) { r.Read(); continue; }
            switch (r.Name)
            {
                case "prop": props.Add(new TmxProp(r.GetAttribute("type") ?? "", r.ReadElementContentAsString())); break;
                case "note": notes.Add(r.ReadElementContentAsString()); break;
                default: if (!other()) r.Skip(); break;
            }
        }
    }

    private static TmxVariant ReadTuv(XmlReader r)
    {
        var attrs = Attributes(r);
        var lang = r.GetAttribute("xml:lang") ?? r.GetAttribute("lang") ?? "";
        var props = new List<TmxProp>();
        var notes = new List<string>();
        string text = "";
        string? segXml = null;
        if (r.IsEmptyElement)
        {
            r.Read();
            return new TmxVariant(LanguageTag.Normalize(lang), attrs, props, notes, text, segXml);
        }
        ReadContent(r, props, notes, () =>
        {
            if (r.Name != "seg") return false;
            (text, segXml) = ReadSeg(r);
            return true;
        });
        r.Read(); // past </tuv>
        return new TmxVariant(LanguageTag.Normalize(lang), attrs, props, notes, text, segXml);
    }

    /// <summary>
    /// The text of the <c>seg</c> the reader is on, and its inner XML when it has inline codes (kept for export);
    /// the reader ends past <c>&lt;/seg&gt;</c>, as after <see cref="XmlReader.ReadInnerXml"/>. Most segments are plain
    /// text, read as text nodes: <see cref="XmlReader.ReadInnerXml"/> builds an XML writer for every call, and that was
    /// 40% of what an import allocated. A segment with anything else is written back as ReadInnerXml writes it.
    /// </summary>
    private static (string Text, string? SegXml) ReadSeg(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return ("", null);
        }
        int depth = r.Depth;
        r.Read();
        string text = "";
        StringBuilder? more = null;
        while (r.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            if (text.Length == 0) text = r.Value;
            else (more ??= new StringBuilder(text)).Append(r.Value);
            r.Read();
        }
        if (more is not null) text = more.ToString();
        if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
        {
            r.Read();
            return (text, null);
        }
        var xml = new StringBuilder(Escape(text));
        // The text as SegText reads it, gathered on the way while the segment holds only native codes (the usual
        // inline case: footnote markers, OmegaT's bpt/ept); anything else is read again from the inner XML.
        var plain = new StringBuilder(text);
        bool codesOnly = true;
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                {
                    string name = r.Name;
                    var outer = r.ReadOuterXml(); // moves past the element
                    xml.Append(outer);
                    if (name == "ph" && outer.EndsWith(">*</ph>", StringComparison.Ordinal) && outer.IndexOf('>', StringComparison.Ordinal) == outer.Length - 7) plain.Append('*');
                    else if (!IsNativeCode(name)) codesOnly = false;
                    continue;
                }
                case XmlNodeType.Text: xml.Append(Escape(r.Value)); plain.Append(r.Value); break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace: xml.Append(r.Value); plain.Append(r.Value); break;
                case XmlNodeType.CDATA: xml.Append("<![CDATA[").Append(r.Value).Append("]]>"); plain.Append(r.Value); break;
                case XmlNodeType.Comment: xml.Append("<!--").Append(r.Value).Append("-->"); break;
                case XmlNodeType.ProcessingInstruction: xml.Append("<?").Append(r.Name).Append(' ').Append(r.Value).Append("?>"); break;
            }
            r.Read();
        }
        r.Read();
        var inner = xml.ToString();
        if (codesOnly) return (plain.ToString(), inner);
        var (segText, inline) = SegText(inner);
        return (segText, inline ? inner : null);
    }

    /// <summary>The inline elements that hold another format's native codes, not text.</summary>
    private static bool IsNativeCode(string name) => name is "bpt" or "ept" or "ph" or "it" or "ut";

    /// <summary>Text as an XML writer writes it in element content.</summary>
    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny('&', '<', '>') < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The text of a segment: characters and the text of <c>hi</c>; the native codes of <c>bpt ept ph it ut</c>
    /// left out, except a footnote marker <c>*</c> (ours, and a common one).</summary>
    internal static (string Text, bool HasInline) SegText(string innerXml)
    {
        if (!innerXml.Contains('<')) return (System.Net.WebUtility.HtmlDecode(innerXml), false);
        var sb = new StringBuilder();
        using var r = XmlReader.Create(new StringReader("<seg>" + innerXml + "</seg>"), Settings);
        int skipDepth = -1;
        r.Read();
        while (!r.EOF)
        {
            if (r.NodeType == XmlNodeType.Element && IsNativeCode(r.Name) && skipDepth < 0)
            {
                if (r.Name == "ph" && !r.IsEmptyElement)
                {
                    if (r.ReadInnerXml() == "*") sb.Append('*'); // ReadInnerXml has moved on to the next node
                    continue;
                }
                if (!r.IsEmptyElement) skipDepth = r.Depth;
                r.Read();
                continue;
            }
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == skipDepth) skipDepth = -1;
            else if (skipDepth < 0 && r.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA) sb.Append(r.Value);
            r.Read();
        }
        return (sb.ToString(), true);
    }
}
