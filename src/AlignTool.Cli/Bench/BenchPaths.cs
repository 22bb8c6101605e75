namespace AlignTool.Cli.Bench;

/// <summary>Finds the shared benchmark data: <c>../shared/bench</c> beside the repository, looked for upwards from the working directory.</summary>
internal static class BenchPaths
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "bench", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The repository's <c>tm-data/</c>, looked for upwards from the working directory and from the program.</summary>
    public static string? TmData()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tm-data");
                if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
            }
        }
        return null;
    }
}
