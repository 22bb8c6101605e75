using AlignTool.Core.Documents;

namespace AlignTool.Core.Tests;

/// <summary>Finds the repository's test data: the seed documents in <c>tm-data/corpus/</c> and the shared benchmarks.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlignTool.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AlignTool.sln not found above " + AppContext.BaseDirectory);
    }

    public const string Seed000 = "000_dc598133e6e0d6df.txt";
    public const string Seed001 = "001_773fb7f93ddba32c.txt";
    public const string Seed002 = "002_cc8887349f612e49.txt";
    public const string Seed003 = "003_f2b05f08a456e9bf.txt";
    public const string Seed004 = "004_1665edaf04d15ccd.txt";

    public static string SeedPath(string name) => Path.Combine(RepoRoot, "tm-data", "corpus", name);

    public static string SeedText(string name) => File.ReadAllText(SeedPath(name));

    public static Document Seed(string name) => new DocumentParser().Parse(name, SeedText(name));

    /// <summary>The shared benchmark folder beside the repository, or null when it is not there.</summary>
    public static string? SharedBench(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "bench", relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }
}
