namespace AlignTool.Server;

/// <summary>Where the server tells what went wrong on its side (the CLI: stderr). Never the client.</summary>
public sealed class ServerLog(Action<string> error)
{
    public static readonly ServerLog None = new(_ => { });

    public void Error(string message) => error(message);
}
