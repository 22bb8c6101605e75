using AlignTool.Core.Documents;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Documents;

[TestClass]
public sealed class DocumentParserTests
{
    private static Block Field(Document doc, CoverField field) =>
        doc.FieldBlock(field) ?? throw new AssertFailedException($"no {field} block in {doc.Name}");

    [TestMethod]
    public void Parse_Seed000_JoinsTitleWrappedWithHardBreaks()
    {
        var doc = TestData.Seed(TestData.Seed000);
        var title = Field(doc, CoverField.Title);
        Assert.AreEqual(
            "مذكرة شفوية مؤرخة 8 نيسان/أبريل 2020 موجهة من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان",
            title.Text);
        Assert.AreEqual(Zone.Title, title.Zone);
        Assert.IsTrue(title.Repairs.HasFlag(Repair.JoinedLines));
        Assert.AreEqual(1, doc.Blocks.Count(b => b.Zone == Zone.Title));
    }

    [TestMethod]
    public void Parse_Seed000_SplitsMastheadLinesIntoFields()
    {
        var doc = TestData.Seed(TestData.Seed000);
        var masthead = doc.InZone(Zone.Masthead).Select(b => (b.Field, b.Text)).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                (CoverField.Distribution, "Distr.: General"),
                (CoverField.IssueDate, "6 May 2020"),
                (CoverField.VersionLanguage, "Arabic"),
                (CoverField.OriginalLanguage, "Original: English"),
                (CoverField.Organ, "الجمعية العامة"),
            },
            masthead);
        Assert.AreEqual(LanguageTag.Arabic, doc.CoverLanguage);
    }

    [TestMethod]
    public void Parse_Seed000_AssignsEveryCoverZone()
    {
        var doc = TestData.Seed(TestData.Seed000);
        Assert.AreEqual("مجلس حقوق الإنسان", Field(doc, CoverField.Body).Text);
        Assert.AreEqual("الدورة الثالثة والأربعون", Field(doc, CoverField.Session).Text);
        Assert.AreEqual("24 شباط/فبراير - 20 آذار/مارس 2020", Field(doc, CoverField.SessionDates).Text);
        Assert.AreEqual("البند 4 من جدول الأعمال", Field(doc, CoverField.Agenda).Text);
        Assert.AreEqual("حالات حقوق الإنسان التي تتطلب اهتمام المجلس بها", Field(doc, CoverField.AgendaTitle).Text);
        Assert.AreEqual(Zone.Furniture, Field(doc, CoverField.Furniture).Zone);
        Assert.AreEqual("الرجاء إعادة الاستعمال", Field(doc, CoverField.Furniture).Text);
        var job = Field(doc, CoverField.JobNumber);
        Assert.AreEqual(("GE.20-06433(A)", Zone.JobNumber, LanguageTag.NoLinguisticContent), (job.Text, job.Zone, job.Lang));
        Assert.AreEqual(Zone.JobNumber, Field(doc, CoverField.Barcode).Zone);
        var annex = doc.InZone(Zone.AnnexHeading).Select(b => b.Text).ToList();
        Assert.AreEqual(2, annex.Count);
        StringAssert.StartsWith(annex[0], "Annex to the note verbale dated 8 April 2020");
        Assert.AreEqual("Statement by the Ministry of Foreign Affairs of the Republic of Azerbaijan", annex[1]);
        Assert.AreEqual(10, doc.InZone(Zone.AnnexBody).Count());
        Assert.IsTrue(doc.InZone(Zone.AnnexBody).All(b => b.Lang == LanguageTag.English));
    }

    [TestMethod]
    public void Parse_Seed000_NormalizesEscapedFootnoteMarkers()
    {
        var doc = TestData.Seed(TestData.Seed000);
        var request = Field(doc, CoverField.Request);
        StringAssert.Contains(request.Text, "ومرفقها* باعتبارها");
        Assert.IsFalse(request.Text.Contains('\\'));
        var marker = request.Marks.Single(m => m.Kind == InlineMarkKind.FootnoteMarker);
        Assert.AreEqual("*", marker.Span.Of(request.Text));
        var footnote = Field(doc, CoverField.Footnote);
        Assert.AreEqual("* استُنسخ المرفق كما ورد، وباللغة التي قُدم بها فقط.", footnote.Text);
        Assert.AreEqual(Zone.Footnote, footnote.Zone);
    }

    [TestMethod]
    public void Parse_Seed001_RemovesSpacesBetweenHanAndDigits()
    {
        var doc = TestData.Seed(TestData.Seed001);
        Assert.AreEqual("2018年4月17日阿塞拜疆常驻联合国代表给秘书长的信", Field(doc, CoverField.Title).Text);
        Assert.AreEqual("议程项目35和40", Field(doc, CoverField.Agenda).Text);
        Assert.IsTrue(Field(doc, CoverField.Agenda).Repairs.HasFlag(Repair.HanSpacing));
        StringAssert.Contains(Field(doc, CoverField.Request).Text, "大会议程项目35和40下的文件");
    }

    [TestMethod]
    public void Parse_Seed001_SplitsFieldLinesAndJoinsWrappedAgendaTitle()
    {
        var doc = TestData.Seed(TestData.Seed001);
        var cover = doc.Blocks.Where(b => b.Zone == Zone.CoverBody && b.Field != CoverField.None).Select(b => (b.Field, b.Text)).Take(7).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                (CoverField.Body, "大会"),
                (CoverField.Session, "第七十二届会议"),
                (CoverField.Body, "安全理事会"),
                (CoverField.Year, "第七十三年"),
                (CoverField.Agenda, "议程项目35和40"),
                (CoverField.AgendaTitle, "古阿姆集团地区旷日持久的冲突及其对国际和平、安全与发展的影响"),
                (CoverField.AgendaTitle, "阿塞拜疆被占领土局势"),
            },
            cover);
        CollectionAssert.AreEqual(new[] { "大会", "安全理事会" }, doc.Blocks.Where(b => b.Field == CoverField.Organ).Select(b => b.Text).ToList());
    }

    [TestMethod]
    public void Parse_Seed001_NormalizesSupFootnoteMarkers()
    {
        var doc = TestData.Seed(TestData.Seed001);
        var transmittal = Field(doc, CoverField.Transmittal);
        StringAssert.EndsWith(transmittal.Text, "(见附件)。*");
        Assert.IsFalse(transmittal.Text.Contains("sup", StringComparison.Ordinal));
        Assert.AreEqual("* 附件只以来件所用语文分发。", Field(doc, CoverField.Footnote).Text);
        CollectionAssert.AreEqual(new[] { "常驻代表", "大使", "亚沙尔·阿利耶夫(签名)" }, doc.Blocks.Where(b => b.Field == CoverField.Signature).Select(b => b.Text).ToList());
    }

    [TestMethod]
    public void Parse_Seed002_SplitsSoftBrokenHeaderAndReadsBulletFootnote()
    {
        var doc = TestData.Seed(TestData.Seed002);
        CollectionAssert.AreEqual(
            new[] { "人权理事会", "第四十三届会议", "2020年2月24日至3月20日", "议程项目4", "需要理事会注意的人权状况" },
            doc.Blocks.Take(5).Select(b => b.Text).ToList());
        Assert.AreEqual("阿塞拜疆常驻联合国日内瓦办事处代表团2020年4月1日致联合国人权事务高级专员办事处的普通照会", Field(doc, CoverField.Title).Text);
        var footnote = Field(doc, CoverField.Footnote);
        Assert.AreEqual("* 附件不译，原文照发。", footnote.Text);
        Assert.IsTrue(footnote.Repairs.HasFlag(Repair.FootnoteMarker));
        StringAssert.Contains(Field(doc, CoverField.Request).Text, "及其附件*作为人权理事会第四十三届会议议程项目4下的文件分发。");
    }

    [TestMethod]
    public void Parse_Seed003_RejoinsParagraphCutByPageBreak()
    {
        var doc = TestData.Seed(TestData.Seed003);
        Assert.IsFalse(doc.HasCover);
        var joined = doc.Blocks.Single(b => b.Text.Contains("mastered by the Armenian authorities, it is surprising", StringComparison.Ordinal));
        Assert.IsTrue(joined.Repairs.HasFlag(Repair.PageBreakJoin));
        Assert.IsFalse(doc.Blocks.Any(b => b.Text.StartsWith("Armenian authorities", StringComparison.Ordinal)));
        // Both halves keep their source positions.
        var source = doc.Source;
        var span = joined.Source;
        StringAssert.StartsWith(source.Substring(span.Start, span.Length), "It is truly regretful");
        StringAssert.EndsWith(source.Substring(span.Start, span.Length), "as a “compelling information”.");
    }

    [TestMethod]
    public void Parse_Seed003_PutsLetterheadAndInsertedAddressInAddressZone()
    {
        var doc = TestData.Seed(TestData.Seed003);
        var address = doc.InZone(Zone.Address).Select(b => b.Text).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                "Permanent Mission of the Republic of Azerbaijan to the UN Office and other International Organizations",
                "GENEVA",
                "Ref: 0461/27/20/22",
                "Office of the United Nations High Commissioner for Human Rights Geneva",
            },
            address);
        Assert.IsTrue(doc.Blocks.Where(b => b.Zone != Zone.Address).All(b => b.Zone == Zone.Body));
    }

    [TestMethod]
    public void Parse_Seed004_SplitsHeaderFieldsRunTogetherOnOneLine()
    {
        var doc = TestData.Seed(TestData.Seed004);
        var fields = doc.Blocks.Take(9).Select(b => (b.Field, b.Text)).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                (CoverField.Distribution, "Distr.: General"),
                (CoverField.IssueDate, "9 April 2021"),
                (CoverField.VersionLanguage, "Chinese"),
                (CoverField.OriginalLanguage, "Original: English"),
                (CoverField.Body, "人权理事会"),
                (CoverField.Session, "第四十七届会议"),
                (CoverField.SessionDates, "2021年6月21日至7月9日"),
                (CoverField.Agenda, "议程项目4"),
                (CoverField.AgendaTitle, "需要理事会注意的人权状况"),
            },
            fields);
        Assert.IsTrue(doc.Blocks.Take(9).All(b => b.Repairs.HasFlag(Repair.SplitFields)));
    }

    [TestMethod]
    public void Parse_Seed004_RemovesStraySpacesInsideChinese()
    {
        var doc = TestData.Seed(TestData.Seed004);
        Assert.AreEqual("阿塞拜疆常驻联合国日内瓦办事处代表团2021年4月5日致联合国人权事务高级专员办事处的普通照会", Field(doc, CoverField.Title).Text);
        var transmittal = Field(doc, CoverField.Transmittal).Text;
        StringAssert.Contains(transmittal, "代表团谨此向联合国");
        StringAssert.Contains(transmittal, "国际提高地雷意识");
        StringAssert.Contains(Field(doc, CoverField.Request).Text, "附件*作为人权理事会议程项目4下的文件分发。");
    }

    [TestMethod]
    [DataRow(TestData.Seed000)]
    [DataRow(TestData.Seed001)]
    [DataRow(TestData.Seed002)]
    [DataRow(TestData.Seed003)]
    [DataRow(TestData.Seed004)]
    public void Parse_EverySeed_MapsUnrepairedBlocksBackToTheirSourceText(string seed)
    {
        var doc = TestData.Seed(seed);
        Assert.IsNotEmpty(doc.Blocks);
        foreach (var b in doc.Blocks.Where(b => b.Repairs == Repair.None && !b.WholeBold && b.Marks.Count == 0))
        {
            var span = b.Source;
            Assert.AreEqual(b.Text, doc.Source.Substring(span.Start, span.Length), $"block {b.Index} of {seed}");
        }
        // Blocks come in source order.
        var starts = doc.Blocks.Select(b => b.Source.Start).ToList();
        CollectionAssert.AreEqual(starts.Order().ToList(), starts);
    }

    [TestMethod]
    public void Parse_SymbolInsideArabicOrChinese_DoesNotFlipTheBlock()
    {
        var parser = new DocumentParser();
        var ar = parser.Parse("t", "صدرت الوثيقة A/HRC/43/G/12 والوثيقة GE.20-06433(A) في جنيف.");
        Assert.AreEqual(LanguageTag.Arabic, ar.Blocks.Single().Lang);
        var zh = parser.Parse("t", "见A/HRC/47/G/10号文件和GE.21-08237(C)。");
        Assert.AreEqual(LanguageTag.Chinese, zh.Blocks.Single().Lang);
        var symbol = parser.Parse("t", "GE.21-08237(E)");
        Assert.AreEqual(LanguageTag.NoLinguisticContent, symbol.Blocks.Single().Lang);
    }

    [TestMethod]
    public void Parse_UnsupportedLanguage_KeepsBlocksAsUnd()
    {
        var doc = new DocumentParser().Parse("ru.md", "Постоянное представительство Азербайджана свидетельствует своё уважение.\n\nThe Permanent Mission presents its compliments.");
        Assert.AreEqual(2, doc.Blocks.Count);
        Assert.AreEqual(LanguageTag.Undetermined, doc.Blocks[0].Lang);
        Assert.AreEqual(LanguageTag.English, doc.Blocks[1].Lang);
    }

    [TestMethod]
    public void Parse_HeadingsListItemsAndTableCells_AreBlocksOfTheirOwn()
    {
        var md = "# Report of the Secretary-General\n\n- First item. Still first.\n- Second item\n\n| State | Date |\n|---|---|\n| Azerbaijan | 8 April 2020 |\n";
        var doc = new DocumentParser().Parse("t.md", md);
        var kinds = doc.Blocks.Select(b => (b.Kind, b.Text)).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                (BlockKind.Heading, "Report of the Secretary-General"),
                (BlockKind.ListItem, "First item. Still first."),
                (BlockKind.ListItem, "Second item"),
                (BlockKind.TableCell, "State"),
                (BlockKind.TableCell, "Date"),
                (BlockKind.TableCell, "Azerbaijan"),
                (BlockKind.TableCell, "8 April 2020"),
            },
            kinds);
    }

    [TestMethod]
    public void Parse_Plain_SplitsParagraphsOnBlankLinesWithExactOffsets()
    {
        var text = "First paragraph\nwrapped here. \n\n\nSecond one.";
        var doc = new DocumentParser().Parse("p.txt", text, new ParseOptions { Format = InputFormat.Plain, LineBreaks = LineBreakMode.Space });
        Assert.AreEqual(2, doc.Blocks.Count);
        Assert.AreEqual("First paragraph wrapped here.", doc.Blocks[0].Text);
        Assert.AreEqual(new TextSpan(text.IndexOf("Second", StringComparison.Ordinal), 11), doc.Blocks[1].Source);
    }
}
