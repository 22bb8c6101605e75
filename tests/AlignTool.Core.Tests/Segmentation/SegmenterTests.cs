using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Segmentation;

/// <summary>
/// Each exception class of the segmenter, with English, Arabic and Chinese cases. Expected segments are
/// separated by " | " in the data rows.
/// </summary>
[TestClass]
public sealed class SegmenterTests
{
    private static string[] Run(string text, string lang)
    {
        var spans = new Segmenter().Segment(text, lang);
        return [.. spans.Select(s => s.Of(text))];
    }

    private static void Check(string text, string lang, string expected) =>
        CollectionAssert.AreEqual(expected.Split(" | "), Run(text, lang), string.Join(" | ", Run(text, lang)));

    [TestMethod]
    [DataRow("en", "Mr. Aliyev met Dr. Raffaelli. They spoke.", "Mr. Aliyev met Dr. Raffaelli. | They spoke.")]
    [DataRow("en", "See para. 12 and Art. 5 of resolution No. 822. It was adopted.", "See para. 12 and Art. 5 of resolution No. 822. | It was adopted.")]
    [DataRow("en", "I work for the U.S. Government in Virginia.", "I work for the U.S. Government in Virginia.")]
    [DataRow("en", "I live in the U.S. How about you?", "I live in the U.S. | How about you?")]
    [DataRow("ar", "وقال د. ديفيد ريدي إنها كانت مريضة. وليس معروفا ما حدث.", "وقال د. ديفيد ريدي إنها كانت مريضة. | وليس معروفا ما حدث.")]
    [DataRow("ar", "وقال د\u202a.\u202c ديفيد ريدي إنها كانت مريضة.", "وقال د\u202a.\u202c ديفيد ريدي إنها كانت مريضة.")]
    [DataRow("zh", "会见了Mr. Smith先生。他表示感谢。", "会见了Mr. Smith先生。 | 他表示感谢。")]
    public void Segment_Abbreviations_DoNotEndSentences(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "My name is Jonas E. Smith.", "My name is Jonas E. Smith.")]
    [DataRow("en", "We make a good team, you and I. Did you see Albert I. Jones yesterday?", "We make a good team, you and I. | Did you see Albert I. Jones yesterday?")]
    public void Segment_Initials_DoNotEndSentences(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "in the recently liberated territories. 85 citizens, including 16 civilians have been injured.", "in the recently liberated territories. | 85 citizens, including 16 civilians have been injured.")]
    [DataRow("en", "Please turn to p. 55 of the report.", "Please turn to p. 55 of the report.")]
    [DataRow("ar", "قتل 20 مواطنا في الأراضي المحررة. 85 مواطنا أصيبوا بجروح.", "قتل 20 مواطنا في الأراضي المحررة. | 85 مواطنا أصيبوا بجروح.")]
    [DataRow("zh", "有20名公民在地雷爆炸中丧生。85名公民受重伤。", "有20名公民在地雷爆炸中丧生。 | 85名公民受重伤。")]
    public void Segment_SentenceStartingWithDigit_IsBroken(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "The Ministry states the following: the elections are illegal.", "The Ministry states the following: the elections are illegal.")]
    [DataRow("ar", "سؤال وجواب: ماذا حدث بعد الانتخابات؟", "سؤال وجواب: ماذا حدث بعد الانتخابات؟")]
    [DataRow("ar", "عثر في الغرفة على بعض الأدوية، والقلب، وبدأت مراسم الحداد عليه.", "عثر في الغرفة على بعض الأدوية، والقلب، وبدأت مراسم الحداد عليه.")]
    [DataRow("zh", "外交部声明如下：选举是非法的。", "外交部声明如下：选举是非法的。")]
    public void Segment_ColonAndArabicComma_DoNotBreak(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.")]
    [DataRow("zh", "我们明天一起去看《摔跤吧！爸爸》好吗？好！", "我们明天一起去看《摔跤吧！爸爸》好吗？ | 好！")]
    [DataRow("ar", "قدمت البعثة البيان (انظر المرفق! النص الكامل) إلى المفوضية. وشكرتها.", "قدمت البعثة البيان (انظر المرفق! النص الكامل) إلى المفوضية. | وشكرتها.")]
    public void Segment_InsideBrackets_DoesNotBreak(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "It was circulated as a document.* The annex follows.", "It was circulated as a document.* | The annex follows.")]
    [DataRow("zh", "发布的一份声明(见附件)。*请将本信分发。", "发布的一份声明(见附件)。* | 请将本信分发。")]
    [DataRow("ar", "وتشرف بأن تقدم طيه البيان (انظر المرفق).* وترجو البعثة تعميمه.", "وتشرف بأن تقدم طيه البيان (انظر المرفق).* | وترجو البعثة تعميمه.")]
    public void Segment_FootnoteMarkerGluedToSentenceEnd_StaysWithIt(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "1.) The first item 2.) The second item", "1.) The first item | 2.) The second item")]
    [DataRow("en", "1. The first item. 2. The second item.", "1. The first item. | 2. The second item.")]
    [DataRow("en", "a. The first item b. The second item c. The third list item", "a. The first item | b. The second item | c. The third list item")]
    [DataRow("en", "• 9. The first item • 10. The second item", "• 9. The first item | • 10. The second item")]
    public void Segment_InlineEnumeration_GivesOneSegmentPerItem(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "I never meant that.... She left the store.", "I never meant that.... | She left the store.")]
    [DataRow("en", "I wasn’t really ... well, what I mean...see . . . what I'm saying.", "I wasn’t really ... well, what I mean...see . . . what I'm saying.")]
    [DataRow("en", "combining words into compounds. . . . The practice was not abandoned. . . .", "combining words into compounds. | . . . The practice was not abandoned. . . .")]
    public void Segment_Ellipses_FollowTheFourDotRule(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "Hello world.Today is Tuesday.Mr. Smith went to the store.", "Hello world. | Today is Tuesday. | Mr. Smith went to the store.")]
    [DataRow("en", "Her email is Jane.Doe@example.com. I sent her an email.", "Her email is Jane.Doe@example.com. | I sent her an email.")]
    public void Segment_MissingSpaceAfterPeriod_StillBreaks(string lang, string text, string expected) => Check(text, lang, expected);

    [TestMethod]
    [DataRow("en", "  Leading space. Two sentences.  ")]
    [DataRow("ar", "تهدي البعثة تحياتها. وتشرف بأن تقدم البيان.")]
    [DataRow("zh", "常驻代表团谨请分发。附件不译，原文照发。")]
    public void Segment_ReturnsOrderedTrimmedSpansCoveringAllText(string lang, string text)
    {
        var spans = new Segmenter().Segment(text, lang);
        Assert.IsGreaterThanOrEqualTo(2, spans.Count);
        int previousEnd = 0;
        foreach (var s in spans)
        {
            Assert.IsGreaterThanOrEqualTo(previousEnd, s.Start);
            Assert.IsTrue(text.AsSpan(previousEnd, s.Start - previousEnd).IsWhiteSpace(), "only white space between segments");
            Assert.IsFalse(char.IsWhiteSpace(text[s.Start]));
            Assert.IsFalse(char.IsWhiteSpace(text[s.End - 1]));
            previousEnd = s.End;
        }
        Assert.IsTrue(text.AsSpan(previousEnd).IsWhiteSpace());
    }

    [TestMethod]
    public void Segment_EmptyOrBlank_GivesNothing()
    {
        Assert.IsEmpty(new Segmenter().Segment("", "en"));
        Assert.IsEmpty(new Segmenter().Segment("   ", "zh"));
    }
}
