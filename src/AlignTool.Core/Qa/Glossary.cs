using AlignTool.Core.Data;

namespace AlignTool.Core.Qa;

/// <summary>An English term with its approved and forbidden terms per language.</summary>
public sealed record GlossaryEntry(string Id, string English, IReadOnlyDictionary<string, IReadOnlyList<string>> Approved, IReadOnlyDictionary<string, IReadOnlyList<string>> Forbidden);

/// <summary>A terminology glossary: TBX 2 or TBX 3, TBX-Basic (administrative status preferred, admitted, deprecated), or TSV.</summary>
public sealed class Glossary(IReadOnlyList<GlossaryEntry> entries)
{
    public IReadOnlyList<GlossaryEntry> Entries { get; } = entries;

    public static Glossary Default { get; } = FromTbx(EmbeddedData.Read("glossary/un-terms.tbx"));

    /// <summary>TBX 2 (<c>martif</c>) or TBX 3 (<c>tbx</c>, ISO 30042:2019), see <see cref="Interchange.Tbx.TbxReader"/>.</summary>
    /// <exception cref="Interchange.Tbx.TbxException">The file is neither, or holds no English term.</exception>
    public static Glossary FromTbx(string xml) => Interchange.Tbx.TbxReader.Read(xml);

    /// <summary>TSV: <c>en&lt;TAB&gt;lang&lt;TAB&gt;term&lt;TAB&gt;status</c> (preferred, admitted, forbidden).</summary>
    public static Glossary FromTsv(string tsv)
    {
        var map = new Dictionary<string, (Dictionary<string, List<string>> A, Dictionary<string, List<string>> F)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedData.Rows(tsv, 4))
        {
            if (row[0].Length == 0 || row[2].Length == 0) continue;
            if (!map.TryGetValue(row[0], out var e)) map[row[0]] = e = ([], []);
            Add(row[3].StartsWith("forbid", StringComparison.OrdinalIgnoreCase) || row[3].StartsWith("deprecat", StringComparison.OrdinalIgnoreCase) ? e.F : e.A, Text.LanguageTag.Normalize(row[1]), row[2]);
        }
        return new Glossary(map.Select(kv => new GlossaryEntry(kv.Key, kv.Key, Freeze(kv.Value.A), Freeze(kv.Value.F))).ToList());
    }

    private static void Add(Dictionary<string, List<string>> d, string lang, string term)
    {
        if (!d.TryGetValue(lang, out var list)) d[lang] = list = [];
        list.Add(term);
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> d) =>
        d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
}
