namespace AlignTool.Core.Memory.Lookup;

public static class MatchKindNames
{
    public static string Name(this MatchKind kind) => kind.ToString().ToLowerInvariant();
}
