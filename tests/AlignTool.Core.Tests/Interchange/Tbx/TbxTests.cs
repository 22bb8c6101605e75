using AlignTool.Core.Interchange.Tbx;
using AlignTool.Core.Qa;

namespace AlignTool.Core.Tests.Interchange.Tbx;

[TestClass]
public sealed class TbxTests
{
    /// <summary>TBX 3 as ISO 30042:2019 writes TBX-Basic: DCA style (termNote type="administrativeStatus").</summary>
    private const string Tbx3Dca = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
        <tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>UNTERM extract</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="c1">
              <descrip type="subjectField">human rights</descrip>
              <langSec xml:lang="en"><termSec><term>Human Rights Council</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
              <langSec xml:lang="zh-CN">
                <termSec><term>人权理事会</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                <termSec><term>人权委员会</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
              </langSec>
              <langSec xml:lang="ar"><termSec><term>مجلس حقوق الإنسان</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="c2">
              <langSec xml:lang="en"><termSec><term>note verbale</term></termSec></langSec>
              <langSec xml:lang="zh"><termSec><term>普通照会</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
                <termSec><term>口头照会</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """;

    /// <summary>The same in DCT style: data categories as namespaced elements.</summary>
    private const string Tbx3Dct = """
        <tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
          <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="c1">
              <langSec xml:lang="en"><termSec><term>Human Rights Council</term></termSec></langSec>
              <langSec xml:lang="zh"><termSec><term>人权理事会</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
                <termSec><term>人权委员会</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """;

    [TestMethod]
    public void Read_Tbx3Dca_ApprovedAndForbiddenByLanguage()
    {
        var g = TbxReader.Read(Tbx3Dca);
        Assert.HasCount(2, g.Entries);
        var hrc = g.Entries[0];
        Assert.AreEqual("c1", hrc.Id);
        Assert.AreEqual("Human Rights Council", hrc.English);
        CollectionAssert.AreEqual(new[] { "人权理事会" }, hrc.Approved["zh"].ToList());
        CollectionAssert.AreEqual(new[] { "人权委员会" }, hrc.Forbidden["zh"].ToList());
        CollectionAssert.AreEqual(new[] { "مجلس حقوق الإنسان" }, hrc.Approved["ar"].ToList());
        CollectionAssert.AreEqual(new[] { "普通照会" }, g.Entries[1].Approved["zh"].ToList(), "admitted is approved");
        CollectionAssert.AreEqual(new[] { "口头照会" }, g.Entries[1].Forbidden["zh"].ToList(), "superseded is forbidden");
    }

    [TestMethod]
    public void Read_Tbx3Dct_ReadsTheStatusElements()
    {
        var hrc = TbxReader.Read(Tbx3Dct).Entries.Single();
        CollectionAssert.AreEqual(new[] { "人权理事会" }, hrc.Approved["zh"].ToList());
        CollectionAssert.AreEqual(new[] { "人权委员会" }, hrc.Forbidden["zh"].ToList());
    }

    [TestMethod]
    public void Read_Tbx2_TheProductsGlossary()
    {
        var g = Glossary.Default;
        Assert.HasCount(9, g.Entries);
        var nv = g.Entries.Single(e => e.Id == "note-verbale");
        CollectionAssert.AreEqual(new[] { "普通照会" }, nv.Approved["zh"].ToList());
        CollectionAssert.AreEqual(new[] { "口头照会" }, nv.Forbidden["zh"].ToList());
    }

    [TestMethod]
    public void WriteRead_TheProductsGlossaryAsTbx3_IsTheSameGlossary()
    {
        var writer = new StringWriter();
        TbxWriter.Write(writer, Glossary.Default);
        StringAssert.Contains(writer.ToString(), "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">");
        var back = TbxReader.Read(writer.ToString());
        Assert.HasCount(Glossary.Default.Entries.Count, back.Entries);
        foreach (var (a, b) in Glossary.Default.Entries.Zip(back.Entries))
        {
            Assert.AreEqual(a.Id, b.Id);
            Assert.AreEqual(a.English, b.English);
            CollectionAssert.AreEquivalent(a.Approved.Keys.ToList(), b.Approved.Keys.ToList());
            foreach (var lang in a.Approved.Keys) CollectionAssert.AreEqual(a.Approved[lang].ToList(), b.Approved[lang].ToList());
            CollectionAssert.AreEquivalent(a.Forbidden.Keys.ToList(), b.Forbidden.Keys.ToList());
            foreach (var lang in a.Forbidden.Keys) CollectionAssert.AreEqual(a.Forbidden[lang].ToList(), b.Forbidden[lang].ToList());
        }
    }

    [TestMethod]
    [DataRow("<?xml version=\"1.0\"?>\n<glossary><entry/></glossary>", "root element is <glossary>", 2)]
    [DataRow("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body></body></text></tbx>", "no <conceptEntry>", 0)]
    [DataRow("<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>大会</term></tig></langSet></termEntry></body></text></martif>", "none of its 1 <termEntry> has an English term", 0)]
    [DataRow("<tbx><text><body><conceptEntry>\n<langSec></conceptEntry></body></text></tbx>", "", 2)]
    public void Read_NeitherFormOrEmpty_Throws(string xml, string message, int line)
    {
        var e = Assert.ThrowsExactly<TbxException>(() => TbxReader.Read(xml));
        StringAssert.Contains(e.Message, message);
        Assert.AreEqual(line, e.Line);
    }
}
