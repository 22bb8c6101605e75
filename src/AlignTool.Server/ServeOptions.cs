using AlignTool.Server.Access;

namespace AlignTool.Server;

/// <summary>How <c>aligntool serve</c> listens and whom it lets write.</summary>
public sealed record ServeOptions
{
    public static readonly ServeOptions Default = new();

    /// <summary>The address to bind: an IP address or <c>localhost</c>. Loopback unless the user says otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 lets the system choose one (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The tokens of the token file; null: no token file, the server is read-only and needs no token.</summary>
    public TokenSet? Tokens { get; init; }

    /// <summary>The largest request body read, in bytes; a larger one is answered 413.</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Recorded as the author of what a writer token stores when the token has no name.</summary>
    public string Author { get; init; } = "aligntool serve";

    /// <summary>Most memory handles open at once (requests beyond wait for one).</summary>
    public int MaxHandles { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Says what a storage failure was in words fit for a client (the memory locked, the disk full), or null for
    /// a failure that is not the storage's (answered 500 with no detail). Given by the backend's host (the CLI).</summary>
    public Func<Exception, string?> DescribeStorageFailure { get; init; } = _ => null;
}
