using System.Reflection;

namespace AlignTool.Core.Data;

/// <summary>
/// The reviewed text files of <c>tm-data/rules/</c>, embedded in this assembly at build time so that Core
/// reads its language rules without touching the file system.
/// </summary>
public static class EmbeddedData
{
    private static readonly Assembly Self = typeof(EmbeddedData).Assembly;

    /// <summary>Reads <c>tm-data/rules/NAME</c>, e.g. <c>segmentation/en.txt</c>.</summary>
    public static string ReadRule(string name) => Read("rules/" + name);

    /// <summary>Reads <c>tm-data/PATH</c> (rules/, placeables/, catalog/), as embedded at build time.</summary>
    public static string Read(string path)
    {
        var logical = "tm-data/" + path;
        using var stream = Self.GetManifestResourceStream(logical)
            ?? throw new InvalidOperationException($"embedded data '{logical}' is missing from {Self.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static bool HasRule(string name) => Self.GetManifestResourceInfo("tm-data/rules/" + name) is not null;

    /// <summary>The embedded tm-data files under <paramref name="folder"/> (e.g. <c>catalog/</c>), by path.</summary>
    public static IEnumerable<string> List(string folder) =>
        Self.GetManifestResourceNames().Where(n => n.StartsWith("tm-data/" + folder, StringComparison.Ordinal)).Select(n => n["tm-data/".Length..]).Order(StringComparer.Ordinal);

    /// <summary>Rows of a TSV data file: comment and blank lines skipped, cells split on tabs, missing cells empty.</summary>
    public static IEnumerable<string[]> Rows(string content, int columns)
    {
        foreach (var line in DataLines(content))
        {
            var cells = line.Split('\t');
            if (cells.Length < columns) Array.Resize(ref cells, columns);
            yield return cells.Select(c => (c ?? "").Trim()).ToArray();
        }
    }

    /// <summary>Lines of a data file without comments (<c>#</c> at line start) and blank lines, trimmed at the end.</summary>
    public static IEnumerable<string> DataLines(string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ', '\t');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            yield return line;
        }
    }

    /// <summary>Parses an INI-like file of <c>[section]</c> headers followed by one entry per line.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections(string content)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in DataLines(content))
        {
            var t = line.Trim();
            if (t.Length > 2 && t[0] == '[' && t[^1] == ']' && t[1..^1].All(c => char.IsAsciiLetterLower(c) || c == '-'))
            {
                var name = t[1..^1];
                if (!result.TryGetValue(name, out current)) result[name] = current = [];
                continue;
            }
            if (current is null) throw new FormatException($"data line outside a [section]: {t}");
            current.Add(t);
        }
        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }
}
