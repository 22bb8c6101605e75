using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AlignTool.Core.Alignment;
using AlignTool.Core.Data;

namespace AlignTool.Cli.Infrastructure;

/// <summary>
/// The content of <c>tm-data/</c> as embedded at build time: the corpus (in this assembly) and the catalogue,
/// placeables and rules (in Core). Its hash tells when the default memory must be brought up to date.
/// </summary>
internal static class TmData
{
    private static readonly Assembly Cli = typeof(TmData).Assembly;
    private static readonly Assembly Core = typeof(EmbeddedData).Assembly;

    public static IReadOnlyList<(string Name, string Source)> Corpus() =>
        Cli.GetManifestResourceNames()
           .Where(n => n.StartsWith("tm-data/corpus/", StringComparison.Ordinal))
           .Order(StringComparer.Ordinal)
           .Select(n => (Path.GetFileName(n), Read(Cli, n)))
           .ToList();

    /// <summary>The catalogue's sources: its rows and the parts its titles are composed of.</summary>
    public static string CatalogText => EmbeddedData.Read("catalog/cover.tsv") + "\0" + EmbeddedData.Read("catalog/titles.tsv");

    public static Catalog Catalog => Catalog.Default;

    public static string CatalogHash => "catalog:" + Sha(CatalogText);

    /// <summary>One hash over every embedded tm-data file (corpus, catalogue, placeables, rules).</summary>
    public static string ContentHash()
    {
        var sb = new StringBuilder();
        foreach (var (asm, name) in Cli.GetManifestResourceNames().Select(n => (Cli, n)).Concat(Core.GetManifestResourceNames().Select(n => (Core, n)))
                     .Where(p => p.n.StartsWith("tm-data/", StringComparison.Ordinal)).OrderBy(p => p.n, StringComparer.Ordinal))
        {
            sb.Append(name).Append('\0').Append(Read(asm, name)).Append('\0');
        }
        return Sha(sb.ToString());
    }

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
