using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Tests.Memory.InMemory;

namespace AlignTool.Core.Tests.Prefill;

/// <summary>
/// Cover pages of organs and kinds of document no seed shows (tests/fixtures/beyond-seeds/, written from the facts
/// page with other States, dates, sessions and senders and addressees than its examples): every line of each page
/// prefilled against the memory the default build makes (catalogue and seeds) is its expected Chinese and Arabic,
/// and the Arabic and Chinese drafts give the English back through the cover aligner.
/// </summary>
[TestClass]
public sealed class BeyondTheSeedsPrefillTests
{
    private static readonly string Folder = Path.Combine(TestData.RepoRoot, "tests", "fixtures", "beyond-seeds");

    private static InMemoryFixture? _memory;

    [ClassInitialize]
    public static void Build(TestContext _) =>
        _memory = new InMemoryFixture().WithCatalog().WithSeeds(TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed003, TestData.Seed004);

    [ClassCleanup]
    public static void Cleanup() => _memory?.Dispose();

    public static IEnumerable<object[]> Pages() =>
        Directory.GetFiles(Folder, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
                 .SelectMany(p => new[] { new object[] { p!, "zh" }, new object[] { p!, "ar" } });

    private static PrefillResult Prefill(string page, string lang)
    {
        var doc = new DocumentParser().Parse(page + ".md", File.ReadAllText(Path.Combine(Folder, page + ".md")));
        return new Prefiller(new MemoryLookup(_memory!.Memory)).Prefill(doc, lang);
    }

    /// <summary>The expected lines of a page: source, Chinese, Arabic.</summary>
    private static List<string[]> Expected(string page) =>
        [.. File.ReadAllLines(Path.Combine(Folder, page + ".expected.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))];

    [TestMethod]
    [DynamicData(nameof(Pages))]
    public void Prefill_EveryLine_IsTheExpectedTarget(string page, string lang)
    {
        var result = Prefill(page, lang);
        var expected = Expected(page);
        int column = lang == "zh" ? 1 : 2;
        Assert.HasCount(expected.Count, result.Segments, "segments of " + page);
        var wrong = result.Segments.Zip(expected).Where(p => p.First.Source != p.Second[0] || p.First.Target != p.Second[column])
                          .Select(p => $"{p.First.Source}\n   got  {p.First.Target}\n   want {p.Second[column]}").ToList();
        Assert.IsEmpty(wrong, string.Join("\n", wrong));
    }

    [TestMethod]
    [DataRow("zh")]
    [DataRow("ar")]
    public void Prefill_FormsTheDataDoesNotKnow_StayInEnglishAndAreCountedByField(string lang)
    {
        var report = Prefill("unknown-forms", lang).Report;
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["agenda-title"] = 1, ["title"] = 1, ["transmittal"] = 1, ["signature"] = 1 }.ToList(),
            report.LeftInEnglishByField.ToList());
        CollectionAssert.AreEqual(new[] { "Myanmar" }, report.UnknownStates.ToList(), "no UN name of Myanmar is known in " + lang);
    }

    [TestMethod]
    [DynamicData(nameof(Pages))]
    public void Cover_OfTheDraft_GivesTheEnglishBack(string page, string lang)
    {
        if (page == "unknown-forms") return; // lines left in English have nothing to give back
        var draft = Prefill(page, lang).Draft;
        var alignment = new CoverAligner().Align(new DocumentParser().Parse(page + "." + lang + ".md", draft));
        Assert.AreEqual(CoverStatus.Aligned, alignment.Status);
        var english = Expected(page).Select(e => e[0]).ToHashSet(StringComparer.Ordinal);
        var lines = alignment.Fields.Where(f => f.Field != CoverField.VersionLanguage).ToList();
        var wrong = lines.Where(f => f.English is null || !english.Contains(f.English)).Select(f => $"{f.Field.Name()}: {f.Text} → {f.English ?? "(none)"}").ToList();
        Assert.IsEmpty(wrong, string.Join("\n", wrong));
        Assert.AreEqual(english.Count, lines.Select(f => f.English).Distinct().Count(), "every English line comes back");
    }
}
