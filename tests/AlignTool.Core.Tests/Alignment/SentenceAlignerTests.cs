using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Segmentation;

namespace AlignTool.Core.Tests.Alignment;

[TestClass]
public sealed class SentenceAlignerTests
{
    private static string Beads(IReadOnlyList<Bead> beads) =>
        string.Join(" ", beads.Select(b => $"[{string.Join(",", b.Source)}]:[{string.Join(",", b.Target)}]"));

    private static string Align(string[] en, string[] zh) => Beads(new SentenceAligner().Align(en, "en", zh, "zh"));

    [TestMethod]
    public void Align_OneToOne()
    {
        Assert.AreEqual("[0]:[0] [1]:[1]", Align(
            ["Resolution 822 was adopted on 30 April 1993.", "Resolution 853 followed on 29 July 1993."],
            ["1993年4月30日通过了第822号决议。", "1993年7月29日随后通过了第853号决议。"]));
    }

    [TestMethod]
    public void Align_SentenceMissingFromTheTarget_IsOneToZero()
    {
        Assert.AreEqual("[0]:[0] [1]:[] [2]:[1]", Align(
            ["Resolution 822 was adopted on 30 April 1993.",
             "The Council also heard a long statement by the representative of the observer delegation about the situation in the region, the humanitarian consequences of the conflict for the civilian population, the fate of the displaced persons and the missing, and the steps that the international community should take in the coming months.",
             "Resolution 853 followed on 29 July 1993."],
            ["1993年4月30日通过了第822号决议。", "1993年7月29日随后通过了第853号决议。"]));
    }

    [TestMethod]
    public void Align_SentenceMissingFromTheSource_IsZeroToOne()
    {
        Assert.AreEqual("[0]:[0] []:[1] [1]:[2]", Align(
            ["Resolution 822 was adopted on 30 April 1993.", "Resolution 853 followed on 29 July 1993."],
            ["1993年4月30日通过了第822号决议。", "安理会还听取了观察员代表团代表关于该区域局势、冲突对平民的人道主义后果、流离失所者和失踪人员的命运以及国际社会今后几个月应采取的步骤的长篇发言。", "1993年7月29日随后通过了第853号决议。"]));
    }

    [TestMethod]
    public void Align_OneToThreeAndThreeToOne()
    {
        Assert.AreEqual("[0]:[0,1,2]", Align(
            ["In 1993 the Council adopted resolutions 822, 853 and 874, which demanded the withdrawal of the occupying forces from the occupied districts."],
            ["1993年安理会通过了第822号决议。", "随后通过了第853号决议和第874号决议。", "这些决议要求占领军从被占领地区撤出。"]));
        Assert.AreEqual("[0,1,2]:[0]", Align(
            ["The Council adopted resolution 822 in 1993.", "It then adopted resolutions 853 and 874.", "They demanded the withdrawal of the occupying forces."],
            ["1993年安理会通过了第822号、第853号和第874号决议，要求占领军从被占领地区撤出。"]));
    }

    [TestMethod]
    public void Align_CrossingSplits_AreTwoToTwo()
    {
        Assert.AreEqual("[0]:[0] [1,2]:[1,2] [3]:[3]", Align(
            ["Resolution 822 was adopted on 30 April 1993.",
             "Since the start of the counter-offensive, 91 civilians were killed, 400 were wounded and 455 civilian facilities were damaged in 12 cities", "and 2465 private houses were destroyed.",
             "Resolution 853 followed on 29 July 1993."],
            ["1993年4月30日通过了第822号决议。",
             "自反攻开始以来，已有91名平民被打死。",
             "400名平民受伤，12个城市的455个民用设施受损，2465所私人住房被毁。",
             "1993年7月29日随后通过了第853号决议。"]));
    }

    [TestMethod]
    public void Align_RealisticUnPair_FindsTheSplitAndTheMerge()
    {
        static List<string> Sentences(string file, string lang)
        {
            var doc = new DocumentParser().Parse(file, File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "fixtures", file)));
            var seg = new Segmenter();
            return doc.Blocks.SelectMany(b => seg.Segment(b.Text, lang).Select(s => s.Of(b.Text))).ToList();
        }
        var aligner = new SentenceAligner();
        var beads = aligner.Align(Sentences("pair-en.md", "en"), "en", Sentences("pair-zh.md", "zh"), "zh");
        Assert.AreEqual("[0]:[0] [1]:[1] [2]:[2,3] [3]:[4] [4,5]:[5]", Beads(beads));
        Assert.IsTrue(beads.All(b => b.Confidence is > 0 and <= 1));
    }

    [TestMethod]
    public void Align_OneToFour()
    {
        Assert.AreEqual("[0]:[0] [1]:[1,2,3,4] [2]:[5]", Align(
            ["Resolution 822 was adopted on 30 April 1993.",
             "In its resolutions 822, 853, 874 and 884, adopted in 1993, the Council condemned the seizure of the districts, demanded the immediate withdrawal of the occupying forces, reaffirmed the sovereignty and territorial integrity of the State and called for the return of the displaced persons to their homes.",
             "Resolution 853 followed on 29 July 1993."],
            ["1993年4月30日通过了第822号决议。",
             "安理会在1993年通过的第822、853、874和884号决议中谴责夺取这些地区。",
             "安理会要求占领军立即撤出。",
             "安理会重申该国的主权和领土完整。",
             "安理会呼吁流离失所者返回家园。",
             "1993年7月29日随后通过了第853号决议。"]));
    }

    [TestMethod]
    public void Align_ArabicPair_FindsTheSplitAndTheMerge()
    {
        static List<string> Sentences(string file, string lang)
        {
            var doc = new DocumentParser().Parse(file, File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "fixtures", file)));
            var seg = new Segmenter();
            return doc.Blocks.SelectMany(b => seg.Segment(b.Text, lang).Select(s => s.Of(b.Text))).ToList();
        }
        var beads = new SentenceAligner().Align(Sentences("pair-en.md", "en"), "en", Sentences("pair-ar.md", "ar"), "ar");
        Assert.AreEqual("[0]:[0] [1]:[1] [2]:[2,3] [3]:[4] [4,5]:[5]", Beads(beads));
    }

    /// <summary>120 lines of real UN text, 1-1 in English, Arabic and Chinese (UN Parallel Corpus development set):
    /// every line must align with its own. The aligner this one replaced merged half of the Arabic pairs into 2-2 beads
    /// (merging two pairs averages out their length errors).</summary>
    [TestMethod]
    [DataRow("ar", 120)]
    [DataRow("zh", 110)]
    public void Align_RealUnLines_StayOneToOne_NotTwoToTwo(string lang, int atLeast)
    {
        string[] Lines(string l) => File.ReadAllLines(Path.Combine(TestData.RepoRoot, "tests", "fixtures", $"un-2015-{l}.txt"));
        var en = Lines("en");
        var beads = new SentenceAligner().Align(en, "en", Lines(lang), lang);
        int right = beads.Count(b => b.Source.Count == 1 && b.Target.Count == 1 && b.Source[0] == b.Target[0]);
        Assert.IsGreaterThanOrEqualTo(atLeast, right, Beads(beads));
    }

    [TestMethod]
    public void Align_IsDeterministic()
    {
        string[] Lines(string l) => File.ReadAllLines(Path.Combine(TestData.RepoRoot, "tests", "fixtures", $"un-2015-{l}.txt"));
        var a = Beads(new SentenceAligner().Align(Lines("en"), "en", Lines("zh"), "zh"));
        var b = Beads(new SentenceAligner().Align(Lines("en"), "en", Lines("zh"), "zh"));
        Assert.AreEqual(a, b);
    }

    [TestMethod]
    public void Align_OneSideEmpty_GivesDeletionsNotACrash()
    {
        var many = Enumerable.Range(0, 1000).Select(i => $"Sentence number {i} of the report.").ToArray();
        var beads = new SentenceAligner().Align(many, "en", [], "zh");
        Assert.HasCount(1000, beads);
        Assert.IsTrue(beads.All(b => b.IsDeletion));
    }

    [TestMethod]
    public void Align_LongPair_StaysInsideItsBand()
    {
        var en = Enumerable.Range(0, 3000).Select(i => $"Paragraph {i} recalls resolution {i % 97} and the report of the Secretary-General.").ToArray();
        var zh = Enumerable.Range(0, 3000).Select(i => $"第{i}段回顾了第{i % 97}号决议和秘书长的报告。").ToArray();
        var beads = new SentenceAligner().Align(en, "en", zh, "zh");
        Assert.HasCount(3000, beads);
        Assert.IsTrue(beads.All(b => b.Source.Single() == b.Target.Single()));
    }

    [TestMethod]
    public void Score_MergesBeadsInsideAVerseAndCountsStrictAndLax()
    {
        var predicted = new List<Bead> { new([0], [0], 1), new([1], [1], 1), new([2], [2, 3], 1), new([3], [4], 1) };
        var gold = AlignmentScorer.ParseGold("[0]:[0]\n[1,2]:[1,2,3]\n[3]:[4]");
        var sv = new[] { "v1", "v2", "v2", "v3" };
        var tv = new[] { "v1", "v2", "v2", "v2", "v3" };
        var s = AlignmentScorer.Score(predicted, gold, sv, tv);
        Assert.AreEqual(1.0, s.StrictF1, 1e-9);
        var wrong = AlignmentScorer.Score([new([0, 1], [0, 1], 1), new([2], [2, 3], 1), new([3], [4], 1)], gold);
        Assert.AreEqual(1.0 / 3, wrong.StrictPrecision, 1e-9);
        Assert.AreEqual(1.0, wrong.LaxRecall, 1e-9);
    }

    /// <summary>The figures of <c>shared/bench/align/score.py</c> (the reference metric) on the same three cases: a
    /// deletion the gold has counts in precision, gold deletions do not count in recall.</summary>
    [TestMethod]
    [DataRow("[0]:[0]\n[1]:[]\n[2]:[1]", 1.0, 1.0, 1.0, 1.0)]
    [DataRow("[0]:[0]\n[1,2]:[1]", 0.5, 0.5, 1.0, 1.0)]
    [DataRow("[0]:[0]\n[1]:[]\n[]:[1]\n[2]:[]", 0.5, 0.5, 0.5, 0.5)]
    public void Score_AsTheReferenceScorerDoes(string predicted, double strictP, double strictR, double laxP, double laxR)
    {
        var gold = AlignmentScorer.ParseGold("[0]:[0]\n[1]:[]\n[2]:[1]");
        var beads = AlignmentScorer.ParseGold(predicted).Select(b => new Bead(b.Source, b.Target, 1)).ToList();
        var s = AlignmentScorer.Score(beads, gold);
        Assert.AreEqual(strictP, s.StrictPrecision, 1e-9);
        Assert.AreEqual(strictR, s.StrictRecall, 1e-9);
        Assert.AreEqual(laxP, s.LaxPrecision, 1e-9);
        Assert.AreEqual(laxR, s.LaxRecall, 1e-9);
    }
}
