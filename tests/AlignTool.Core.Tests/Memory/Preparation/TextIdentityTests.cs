
using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Tests.Memory.Preparation;

[TestClass]
public sealed class TextIdentityTests
{
    [TestMethod]
    public void Of_TellsApartEveryDistinctLineAndWordOfTheSeeds()
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in new[] { TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed003, TestData.Seed004 })
        {
            foreach (var line in TestData.SeedText(seed).Split('\n'))
            {
                texts.Add(line);
                foreach (var word in line.Split(' ')) texts.Add(word);
                for (int cut = 0; cut < line.Length; cut += 7) texts.Add(line[..cut]); // prefixes: every tail length
            }
        }
        var seen = new Dictionary<long, string>();
        foreach (var text in texts)
        {
            long h = TextIdentity.Of(text);
            Assert.IsFalse(seen.TryGetValue(h, out var other), $"'{text}' and '{other}'");
            seen[h] = text;
        }
        Assert.IsGreaterThan(1_000, seen.Count);
    }

    [TestMethod]
    public void Of_ChangesWithAnyOneCharacter_AndWithTheLength()
    {
        var text = "第四十三届会议 Forty-third session الدورة الثالثة والأربعون";
        long h = TextIdentity.Of(text);
        for (int i = 0; i < text.Length; i++)
        {
            var changed = text.ToCharArray();
            changed[i] = (char)(changed[i] ^ 1);
            Assert.AreNotEqual(h, TextIdentity.Of(changed), $"character {i}");
        }
        Assert.AreNotEqual(TextIdentity.Of("a"), TextIdentity.Of("a\0"), "a trailing NUL is a character");
        Assert.AreNotEqual(TextIdentity.Of(""), TextIdentity.Of("\0"));
        Assert.AreEqual(h, TextIdentity.Of(new string(text.AsSpan())), "the same text, another string");
    }
}
