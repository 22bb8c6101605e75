using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;

namespace AlignTool.Server.Tests.Storage;

[TestClass]
public sealed class MemoryPoolTests
{
    [TestMethod]
    public async Task ConcurrentLookupsAndWrites_AllSucceed_OnAtMostMaxHandles()
    {
        await using var f = await ServerFixture.Start(withTokens: true);
        var lookups = Enumerable.Range(0, 48).Select(async i =>
        {
            var text = i % 2 == 0 ? "Human Rights Council" : "Fiftieth session";
            var (status, body, _) = await f.Get($"/api/lookup?to={(i % 3 == 0 ? "ar" : "zh")}&text={Uri.EscapeDataString(text)}", ServerFixture.ReaderToken);
            Assert.AreEqual(200, status, body.ToString());
            Assert.IsTrue(body.GetArrayLength() > 0);
        });
        var writes = Enumerable.Range(0, 4).Select(async i =>
        {
            var request = new
            {
                source = new { name = $"w{i}.en.md", lang = "en", sentences = new[] { $"The Council met for the {i}th time." } },
                target = new { name = $"w{i}.zh.md", lang = "zh", sentences = new[] { $"理事会第{i}次开会。" } },
                beads = new[] { new { src = new[] { 0 }, tgt = new[] { 0 } } },
            };
            var (status, body, _) = await f.Post("/api/beads", request, ServerFixture.WriterToken);
            Assert.AreEqual(200, status, body.ToString());
        });
        await Task.WhenAll(lookups.Concat(writes));
        Assert.IsTrue(f.Pool.Opened is >= 1 and <= 4, $"{f.Pool.Opened} handles");
        using var m = f.OpenMemory();
        Assert.AreEqual(9, m.Stats().Documents);
    }

    [TestMethod]
    public async Task AHandle_IsNeverUsedByTwoRequestsAtOnce()
    {
        int inUse = 0, worst = 0;
        using var pool = new AlignTool.Server.Storage.MemoryPool(() => new AlignTool.Core.Memory.InMemory.InMemoryTranslationMemory(), 3);
        var handles = new System.Collections.Concurrent.ConcurrentDictionary<ITranslationMemory, int>();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => pool.Use(h =>
        {
            Assert.AreEqual(1, handles.AddOrUpdate(h.Memory, 1, (_, n) => n + 1), "a handle lent twice at once");
            worst = Math.Max(worst, Interlocked.Increment(ref inUse));
            Thread.Sleep(5);
            Interlocked.Decrement(ref inUse);
            handles.AddOrUpdate(h.Memory, 0, (_, n) => n - 1);
            return 0;
        }))));
        Assert.IsTrue(worst <= 3, $"{worst} at once");
        Assert.IsTrue(pool.Opened <= 3);
    }
}
