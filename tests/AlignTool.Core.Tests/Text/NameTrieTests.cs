using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Tests.Text;

[TestClass]
public sealed class NameTrieTests
{
    private static readonly NameTrie States = new(["Armenia", "Azerbaijan", "Republic of Azerbaijan", "Republic of Korea", "中国", "中非共和国", "أذربيجان", "أرمينيا"]);

    [TestMethod]
    [DataRow("the Republic of Azerbaijan and Armenia", 4, 22)]
    [DataRow("Azerbaijan", 0, 10)]
    [DataRow("Democratic People's Republic of Korea", 20, 17)]
    [DataRow("中非共和国常驻代表团", 0, 5)] // the longest name at a place, not the first one found (中…)
    [DataRow("致中国常驻代表团", 1, 2)]
    [DataRow("لدى أذربيجان", 4, 8)]
    [DataRow("no State is named here", -1, 0)]
    [DataRow("", -1, 0)]
    public void Next_finds_the_first_place_and_the_longest_name_there(string text, int start, int length) =>
        Assert.AreEqual((start, length), States.Next(text, 0));

    [TestMethod]
    public void Next_goes_on_from_a_position_and_a_name_cut_by_the_end_is_not_found()
    {
        const string text = "Armenia, Azerbaijan, Armeni";
        Assert.AreEqual((0, 7), States.Next(text, 0));
        Assert.AreEqual((9, 10), States.Next(text, 1));
        Assert.AreEqual((-1, 0), States.Next(text, 10)); // "Armeni" is no name
        Assert.AreEqual(0, States.LongestAt(text, 21));
    }

    [TestMethod]
    [DataRow("the Republic", 0, 4)] // A (Armenia, Azerbaijan) and R start names; "the" does not
    [DataRow("the Republic", 5, -1)]
    [DataRow("Armenia and Azerbaijan", 1, 12)]
    [DataRow("Rome", 0, 0)] // a start, though no name follows
    [DataRow("sans nom", 0, -1)]
    [DataRow("Armenia", 7, -1)]
    [DataRow("致中国", 0, 1)]
    [DataRow("لدى أذربيجان", 0, 4)]
    public void NextStart_is_the_first_character_that_starts_some_name(string text, int from, int expected)
    {
        Assert.AreEqual(expected, States.NextStart(text, from));
        var ascii = new NameTrie(["Armenia", "Republic of Korea"]); // all ASCII: a vectorized search
        Assert.AreEqual(text.IndexOfAny(['A', 'R'], Math.Min(from, text.Length)), ascii.NextStart(text, from));
    }

    [TestMethod]
    public void A_prefix_that_is_no_name_gives_way_to_a_shorter_name()
    {
        var trie = new NameTrie(["Niger", "Nigeria"]);
        Assert.AreEqual(5, trie.LongestAt("Nigerien", 0)); // "Nigeri" leads to no name: "Niger" stands
        Assert.AreEqual(5, trie.LongestAt("Nigeri", 0));
        Assert.AreEqual(7, trie.LongestAt("Nigerian", 0));
        Assert.AreEqual(5, trie.LongestAt("Niger.", 0));
    }

    [TestMethod]
    [DataRow("en")]
    [DataRow("ar")]
    [DataRow("zh")]
    public void Every_reviewed_State_name_is_found_where_it_stands(string lang)
    {
        var names = PlaceableSet.Default.Countries.ReviewedNames(lang);
        var trie = new NameTrie(names);
        foreach (var name in names)
        {
            var text = $"« {name} »";
            var (start, length) = trie.Next(text, 0);
            Assert.AreEqual(2, start, name);
            Assert.IsTrue(length >= name.Length, name); // a longer reviewed name may start with it
            Assert.IsTrue(trie.Occurs(text), name);
        }
    }
}
