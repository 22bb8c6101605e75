
using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Tests.Memory.Preparation;

[TestClass]
public sealed class TemplateSpansTests
{
    [TestMethod]
    [DataRow("Forty-third session", "en", "{session-ordinal} session")]
    [DataRow("第四十三届会议", "zh", "第{session-ordinal}届会议")]
    [DataRow("الدورة الثالثة والأربعون", "ar", "الدورة {session-ordinal|nom}")]
    [DataRow("Geneva, 22 February–1 April 2020, agenda item 4 of the Human Rights Council (A/HRC/43/G/12)", "en", null)]
    public void Spans_FromTheMasker_GiveItsTemplateBack(string text, string lang, string? expected)
    {
        var form = TemplateMasker.Default.Mask(text, lang);
        Assert.IsTrue(form.HasSlots);
        if (expected is not null) Assert.AreEqual(expected, form.Template);
        var encoded = TemplateSpans.Encode(form.Spans!);
        Assert.AreEqual(form.Template, TemplateSpans.Apply(text, encoded));
        Assert.IsLessThan(form.Template.Length, encoded.Length, "the stored form is short: offsets, not a copy");
    }

    [TestMethod]
    public void Diff_RecoversSpansOfAWholeTemplate_EvenWhereASlotCouldEndEarly()
    {
        // The date's value holds spaces, and the literal after it starts with one.
        var text = "Geneva, 24 February 2020 and 1 March 2020 (resumed)";
        var template = "Geneva, {date} and {date} (resumed)";
        var spans = TemplateSpans.Diff(text, template);
        Assert.IsNotNull(spans);
        Assert.AreEqual(template, TemplateSpans.Apply(text, spans));
        Assert.AreEqual("", TemplateSpans.Diff("{session-ordinal} session", "{session-ordinal} session"), "a catalogue row is its own template");
        Assert.IsNull(TemplateSpans.Diff("Forty-third session", "{session-ordinal} meeting"), "not a template of this text");
    }

    [TestMethod]
    [DataRow("12:x:date")]
    [DataRow("3:4")]
    [DataRow("40:5:date")]
    public void Apply_BrokenSpans_IsAFormatError(string encoded) =>
        Assert.ThrowsExactly<FormatException>(() => TemplateSpans.Apply("Forty-third session", encoded));
}
