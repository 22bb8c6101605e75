namespace AlignTool.Server.Access;

/// <summary>Who made a request: the role and name of the token presented (a reader with no name when the server has
/// no token file). Kept in <see cref="HttpContext.Items"/> by <see cref="AccessGate"/>.</summary>
internal sealed record Caller(TokenRole Role, string? Name)
{
    private static readonly object Key = new();

    public static Caller Of(HttpContext context) => context.Items[Key] as Caller ?? new Caller(TokenRole.Reader, null);

    public void Keep(HttpContext context) => context.Items[Key] = this;
}
