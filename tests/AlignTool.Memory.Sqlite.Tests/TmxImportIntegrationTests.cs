using System.Text;
using AlignTool.Core.Interchange;

namespace AlignTool.Memory.Sqlite.Tests;

[TestClass]
public sealed class TmxImportIntegrationTests
{
    private sealed class Collect : IProgress<int>
    {
        public List<int> Seen { get; } = [];

        public void Report(int value) => Seen.Add(value);
    }

    [TestMethod]
    public void Import_LargeFile_ReportsProgressAsItReads_AndRecordsItsLanguages()
    {
        var tmx = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>""");
        for (int i = 1; i <= 20_500; i++)
            tmx.Append($"""<tu><tuv xml:lang="en"><seg>Paragraph {i} of the annex</seg></tuv><tuv xml:lang="ar"><seg>الفقرة {i} من المرفق</seg></tuv></tu>""");
        tmx.Append("</body></tmx>");
        using var f = new MemoryFixture();
        var progress = new Collect();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(tmx.ToString()));
        var report = TmxExchange.Import(f.Memory, input, "big.tmx", "h-big", "test", TimeProvider.System, progress: progress);
        Assert.AreEqual((20_500, 20_500), (report.Units, report.Added));
        CollectionAssert.AreEqual(new[] { 10_000, 20_000 }, progress.Seen);
        Assert.AreEqual("en,ar", f.Memory.Documents().Single().Languages);
        Assert.AreEqual("ok", f.Memory.IntegrityCheck(), "sound after the import");
    }
}
