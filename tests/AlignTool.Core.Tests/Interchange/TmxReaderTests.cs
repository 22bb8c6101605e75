using System.Text;
using AlignTool.Core.Interchange;

namespace AlignTool.Core.Tests.Interchange;

[TestClass]
public sealed class TmxReaderTests
{
    private static List<TmxUnit> Read(string xml, Encoding? encoding = null, Action<TmxHeader>? header = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? new UTF8Encoding(false)).GetBytes(xml)).ToArray();
        TmxReader.CheckDoctype(bytes);
        return TmxReader.Read(new MemoryStream(bytes), header ?? (_ => { })).ToList();
    }

    private const string Tmx11 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx11.dtd">
        <tmx version="1.1">
          <header creationtool="OmegaT" creationtoolversion="3.6" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="*all*" datatype="plaintext"></header>
          <body>
            <tu>
              <prop type="prev">Human Rights Council</prop>
              <prop type="next">Agenda item 4</prop>
              <tuv lang="EN-US"><seg>Forty-third session</seg></tuv>
              <tuv lang="ZH-CN"><seg>第四十三届会议</seg></tuv>
            </tu>
          </body>
        </tmx>
        """;

    [TestMethod]
    public void Read_Tmx11WithLangAndExternalDoctype()
    {
        string? src = null;
        var units = Read(Tmx11, header: h => src = h.SrcLang);
        Assert.AreEqual("*all*", src);
        var tu = units.Single();
        CollectionAssert.AreEqual(new[] { "en", "zh" }, tu.Variants.Select(v => v.Lang).ToList());
        Assert.AreEqual("第四十三届会议", tu.Variants[1].Text);
        Assert.AreEqual("Human Rights Council", tu.Props.Single(p => p.Type == "prev").Value);
    }

    [TestMethod]
    public void Read_Utf16AndUtf8Bom()
    {
        Assert.HasCount(1, Read(Tmx11.Replace("UTF-8", "UTF-16", StringComparison.Ordinal), Encoding.Unicode));
        Assert.HasCount(1, Read(Tmx11, new UTF8Encoding(true)));
    }

    [TestMethod]
    public void Read_InlineCodes_KeepTextAndFootnoteMarker()
    {
        var (text, inline) = TmxReader.SegText("the annex thereto<ph x=\"1\" type=\"fnote\">*</ph> as a <bpt i=\"1\">&lt;b&gt;</bpt>document<ept i=\"1\">&lt;/b&gt;</ept> of <hi>the Council</hi>");
        Assert.IsTrue(inline);
        Assert.AreEqual("the annex thereto* as a document of the Council", text);
    }

    /// <summary>Segments are read as text nodes unless they hold more; either way the text and the kept inner XML are
    /// what <see cref="System.Xml.XmlReader.ReadInnerXml"/> and <see cref="TmxReader.SegText"/> give.</summary>
    [TestMethod]
    [DataRow("Forty-third session")]
    [DataRow("")]
    [DataRow("  ")]
    [DataRow("Peace &amp; security, 5 &lt; 6 &gt; 4, &quot;quoted&quot; &#x4E2D;&#25991; &amp;nbsp;")]
    [DataRow("line one\nline two\ttab")]
    [DataRow("the annex thereto<ph x=\"1\" type=\"fnote\">*</ph> as a <bpt i=\"1\">&lt;b&gt;</bpt>document<ept i=\"1\">&lt;/b&gt;</ept> of <hi>the Council</hi>")]
    [DataRow("<ph x=\"1\">*</ph>Text after a leading code &amp; more")]
    [DataRow("a &amp; b<it pos=\"begin\">&lt;i&gt;</it> c <hi type=\"x\">nested <hi>deeper</hi></hi>  end ")]
    [DataRow("text <![CDATA[<raw> & stuff]]> after")]
    [DataRow("text <!-- a comment --> after")]
    [DataRow("<bpt i=\"1\"/>empty codes<ept i=\"1\"/>")]
    [DataRow("two markers<ph x=\"1\">*</ph><ph>*</ph>, not three<ph>**</ph><ph x=\"2\"/><ph></ph>")]
    [DataRow("a star in a code's child<ph><sub>*</sub></ph> and in an ept<ept i=\"1\">*</ept>")]
    [DataRow("a marker inside <hi>highlighted<ph>*</ph> text</hi> &amp; after")]
    [DataRow("<ut>&lt;br/&gt;</ut>line<it pos=\"end\">&lt;/i&gt;</it>")]
    public void Read_Segments_AsReadInnerXmlWouldGiveThem(string inner)
    {
        inner = inner.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        var tmx = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en"><seg>{inner}</seg></tuv><tuv xml:lang="zh"><seg>人权理事会</seg><note>after the seg</note></tuv></tu>
            <tu><tuv xml:lang="en"><seg>next unit</seg></tuv></tu>
            </body></tmx>
            """;
        using (var reference = System.Xml.XmlReader.Create(new StringReader($"<seg>{inner}</seg>"), TmxReader.Settings))
        {
            reference.MoveToContent();
            var xml = reference.ReadInnerXml();
            var (text, inline) = TmxReader.SegText(xml);
            var units = Read(tmx);
            Assert.HasCount(2, units);
            var en = units[0].Variants[0];
            Assert.AreEqual(text, en.Text);
            Assert.AreEqual(inline ? xml : null, en.SegXml);
            Assert.AreEqual("人权理事会", units[0].Variants[1].Text);
            CollectionAssert.AreEqual(new[] { "after the seg" }, units[0].Variants[1].Notes.ToList());
            Assert.AreEqual("next unit", units[1].Variants[0].Text);
        }
    }

    [TestMethod]
    public void CheckDoctype_InternalSubset_IsRefusedBeforeExpansion()
    {
        var bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol2;</seg></tuv></tu></body></tmx>
            """;
        var e = Assert.ThrowsExactly<TmxException>(() => TmxReader.CheckDoctype(Encoding.UTF8.GetBytes(bomb)));
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "internal subset");
        var external = "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"file:///etc/passwd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tmx/>";
        Assert.ThrowsExactly<TmxException>(() => TmxReader.CheckDoctype(Encoding.UTF8.GetBytes(external)));
    }

    [TestMethod]
    public void Read_MalformedXml_SaysLineAndColumn()
    {
        var bad = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>unclosed</tuv></tu>\n</body></tmx>";
        var e = Assert.ThrowsExactly<TmxException>(() => Read(bad));
        Assert.AreEqual(5, e.Line);
        Assert.IsGreaterThan(0, e.Column);
    }
}
