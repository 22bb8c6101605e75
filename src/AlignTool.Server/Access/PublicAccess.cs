namespace AlignTool.Server.Access;

/// <summary>Endpoint metadata: the endpoint tells nothing of the memory (health, the page, the OpenAPI description),
/// so it needs no token even when the server has a token file.</summary>
internal sealed class PublicAccess
{
    public static readonly PublicAccess Instance = new();
}
