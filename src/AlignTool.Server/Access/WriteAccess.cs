namespace AlignTool.Server.Access;

/// <summary>Endpoint metadata: the endpoint changes the memory, so it needs a writer token.</summary>
internal sealed class WriteAccess
{
    public static readonly WriteAccess Instance = new();
}
