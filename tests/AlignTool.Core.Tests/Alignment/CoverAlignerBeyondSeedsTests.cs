using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;

namespace AlignTool.Core.Tests.Alignment;

/// <summary>The reverse direction on Arabic and Chinese cover pages of kinds no seed shows, written by hand from the
/// facts page: every field with its English.</summary>
[TestClass]
public sealed class CoverAlignerBeyondSeedsTests
{
    private static List<(string, string?)> Align(string page)
    {
        var result = new CoverAligner().Align(new DocumentParser().Parse("page.md", page));
        Assert.AreEqual(CoverStatus.Aligned, result.Status);
        return [.. result.Fields.Select(f => (f.Field.Name(), f.English))];
    }

    [TestMethod]
    public void Align_ArabicSecurityCouncilLetter()
    {
        const string page = """
            الأمم المتحدة  
            S/2023/902

            مجلس الأمن

            Distr.: General  
            22 November 2023  
            Arabic  
            Original: English

            رسالة مؤرخة 20 تشرين الثاني/نوفمبر 2023 موجهة إلى الأمين العام من الممثل الدائم للجمهورية العربية السورية لدى الأمم المتحدة

            وأرجو ممتنا تعميم هذه الرسالة بوصفها وثيقة من وثائق مجلس الأمن.

            (توقيع) Yashar Aliyev

            الممثل الدائم

            23-22871 (A)

            الرجاء إعادة الاستعمال
            """;
        var fields = Align(page);
        CollectionAssert.Contains(fields, ("organ", (string?)"United Nations"));
        CollectionAssert.Contains(fields, ("organ", (string?)"Security Council"));
        CollectionAssert.Contains(fields, ("title", (string?)"Letter dated 20 November 2023 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the Secretary-General"));
        CollectionAssert.Contains(fields, ("request", (string?)"I should be grateful if the present letter could be circulated as a document of the Security Council."));
        CollectionAssert.Contains(fields, ("signature", (string?)"Permanent Representative"));
        CollectionAssert.Contains(fields, ("job-number", (string?)"23-22871 (E)"));
    }

    [TestMethod]
    public void Align_ChineseTreatyBodyReport()
    {
        const string page = """
            联合国  
            CRC/C/97/3

            儿童权利委员会

            Distr.: General  
            5 June 2024  
            Chinese  
            Original: English

            第九十七届会议

            2024年9月2日至20日

            临时议程*项目4和5

            联合国人权事务高级专员的报告

            GE.24-09931(C)

            请回收
            """;
        CollectionAssert.AreEqual(new (string, string?)[]
        {
            ("organ", "United Nations"), ("symbol", "CRC/C/97/3"), ("body", "Committee on the Rights of the Child"),
            ("distribution", "Distr.: General"), ("issue-date", "5 June 2024"), ("version-language", "Chinese"), ("original-language", "Original: English"),
            ("session", "Ninety-seventh session"), ("session-dates", "2–20 September 2024"), ("agenda", "Items 4 and 5 of the provisional agenda*"),
            ("document-kind", "Report of the United Nations High Commissioner for Human Rights"), ("job-number", "GE.24-09931(E)"), ("furniture", "Please recycle"),
        }, Align(page));
    }
}
