namespace AlignTool.Cli.Infrastructure;

/// <summary>"Did you mean": the known name nearest a mistyped one, as git suggests a command.</summary>
internal static class Suggestions
{
    /// <summary>The name within two edits of <paramref name="typed"/> (or that it starts), nearest first; null when none is near.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        var t = typed.ToLowerInvariant();
        return names
            .Select(n => (Name: n, Distance: n.StartsWith(t, StringComparison.Ordinal) && t.Length >= 2 ? 0 : Distance(t, n)))
            .Where(x => x.Distance <= Math.Min(2, Math.Max(1, t.Length / 3)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
