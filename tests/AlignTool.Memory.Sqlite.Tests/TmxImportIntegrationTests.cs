using System.Text;
using AlignTool.Core.Interchange;
using AlignTool.Core.Memory.Storage;

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
        Assert.AreEqual("en,ar", string.Join(",", f.Memory.Documents().Single().Languages));
        Assert.AreEqual("ok", f.Memory.IntegrityCheck(), "sound after the import");
    }

    [TestMethod]
    public void Import_DatesThatChangeFromUnitToUnit_AreEachKeptWithTheirUnit()
    {
        // Dates repeat from unit to unit in a real file (the import converts a repeated one once); here they
        // alternate, on more units than one preparation batch holds, so that every worker meets each of them.
        string[] dates = ["20200102T030405Z", "20211231T235959Z", "20200102T030405Z", "19991231T120000Z"];
        var tmx = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>""");
        for (int i = 0; i < 1_200; i++)
        {
            string created = dates[i % dates.Length], changed = dates[(i + 1) % dates.Length];
            tmx.Append($"""<tu creationdate="{created}" changedate="{changed}"><tuv xml:lang="en"><seg>Paragraph {i} of the annex</seg></tuv><tuv xml:lang="zh" changedate="{dates[(i + 2) % dates.Length]}"><seg>附件第{i}段</seg></tuv></tu>""");
        }
        tmx.Append("</body></tmx>");
        using var f = new MemoryFixture();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(tmx.ToString()));
        TmxExchange.Import(f.Memory, input, "dates.tmx", "h-dates", "test", TimeProvider.System);
        static string Stamp(string tmx) => TextMeta.Stamp(DateTimeOffset.ParseExact(tmx, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
        var units = f.Memory.Export(null).ToDictionary(u => u.English);
        for (int i = 0; i < 1_200; i++)
        {
            var unit = units[$"Paragraph {i} of the annex"];
            Assert.AreEqual((Stamp(dates[i % dates.Length]), Stamp(dates[(i + 1) % dates.Length])), (unit.Meta.Created, unit.Meta.Changed), $"unit {i}");
            Assert.AreEqual(Stamp(dates[(i + 2) % dates.Length]), unit.Variants.Single().Meta.Changed, $"unit {i}'s Chinese");
        }
    }
}
