using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Tests;
using AlignTool.Core.Text;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>How a lookup reads a PostgreSQL memory: the server chooses the grams whose postings it sends with their
/// frequencies, and must choose those the candidate search reads, or each missed gram costs a round trip.</summary>
[TestClass]
public sealed class PostgresLookupReadsTests : PostgresSchemasTest
{
    [TestMethod]
    public void FuzzyLookups_ReadEveryGramTheyNeed_WithItsFrequencies()
    {
        using var memory = PostgresTranslationMemory.Open(NewMemoryUrl(), NoEnvironment);
        Core.Tests.Memory.Storage.TranslationMemoryContract.Ingest(memory, catalog: true, [TestData.Seed000, TestData.Seed001, TestData.Seed002]);
        var lookup = new MemoryLookup(memory);
        var sentences = memory.Export(null).Select(u => u.English).Where(e => e.Split(' ').Length > 5).Take(30).ToList();
        Assert.IsGreaterThanOrEqualTo(12, sentences.Count, $"{sentences.Count} sentences of more than five words");
        int found = 0;
        // Budgets from one that only the rarest gram passes to one that takes every gram.
        foreach (var budget in new[] { 1, 20, 200, 50_000 })
        {
            foreach (var s in sentences)
            {
                var words = s.Split(' ');
                var query = string.Join(' ', words.Where((_, i) => i != 2));
                found += lookup.Lookup(query, Language.English, Language.Chinese, new LookupOptions { PostingBudget = budget, MinScore = 50 }).Count;
            }
        }
        Assert.IsGreaterThan(30, found, "the lookups find matches");
        Assert.AreEqual(0, memory.UnforeseenGramReads, "grams read in a round trip of their own");
    }
}
