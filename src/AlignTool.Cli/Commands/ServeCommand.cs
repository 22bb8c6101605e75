using System.CommandLine;
using System.Net;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Memory.Storage;
using AlignTool.Memory.Sqlite;
using AlignTool.Server;
using AlignTool.Server.Access;
using AlignTool.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool serve</c>: the memory over HTTP (JSON API, OpenAPI description, the browser page) until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var tm = MemoryAccess.TmOption();
        var port = new Option<int>("--port") { HelpName = "N", Description = "The port to listen on", DefaultValueFactory = _ => 8080 }.Between(1, 65535);
        var host = new Option<string>("--host") { HelpName = "ADDRESS", Description = "The address to listen on: an IP address or localhost (0.0.0.0: every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var tokenFile = new Option<string?>("--token-file")
        {
            HelpName = "FILE",
            Description = "Bearer tokens, one a line: 'TOKEN reader|writer [NAME]'. Without it the server is read-only and open to whoever reaches it",
        };
        var command = new CliCommand("serve", "Serve the memory over HTTP: a JSON API (lookup, concordance, prefill, align, beads, stats) and a page for reviewing alignments in a browser",
            "aligntool serve --tm team.db --token-file tokens.txt",
            "aligntool serve --tm team.db --host 0.0.0.0 --port 8080 --token-file tokens.txt") { tm, port, host, tokenFile };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var address = parse.GetValue(host)!;
            if (!address.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(address, out _))
                throw CliException.Usage($"--host takes an IP address or localhost, not '{address}'");
            TokenSet? tokens = parse.GetValue(tokenFile) is { } tf ? ReadTokens(tf, context) : null;
            var use = tokens is null ? MemoryUse.Read : MemoryUse.Write;
            var tmPath = parse.GetValue(tm);
            // Opened as every command opens it (a memory that cannot be written is refused, exit 4, when tokens may write);
            // the server sees only the storage contract, so another backend opened here is served the same way.
            ITranslationMemory first = MemoryAccess.Open(tmPath, context, use);
            var options = ServeOptions.Default with
            {
                Host = address,
                Port = parse.GetValue(port),
                Tokens = tokens,
                Author = MemoryAccess.Author(context),
                DescribeStorageFailure = Describe,
            };
            var quiet = new CliContext(TextWriter.Null, context.Err, context.Environment);
            using var pool = new MemoryPool(() => MemoryAccess.Open(tmPath, quiet, use), options.MaxHandles, first);
            var app = ApiServer.Build(options, pool, new ServerLog(line => context.Warn(null, line)));
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw CliException.Usage($"cannot listen on {address}:{options.Port}: {e.Message}");
            }
            var url = string.Join(", ", app.Urls);
            var access = tokens is null
                ? "read-only (no --token-file)"
                : $"{tokens.Count} token(s), {tokens.Writers} writer(s)";
            context.Note($"aligntool: serving {first.Location} on {url}: {access}; Ctrl+C stops");
            if (tokens is null && !IsLoopback(address))
                context.Warn(null, $"listening on {address} without --token-file: anyone who reaches this address can read the memory");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static bool IsLoopback(string address) =>
        address.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>A storage failure in words for a client: the memory's own message (locked, full, read-only), no path.</summary>
    private static string? Describe(Exception e) => e switch
    {
        MemoryException m => m.Message,
        CliException { InnerException: MemoryException m } => m.Message,
        _ => null,
    };

    private static TokenSet ReadTokens(string path, CliContext context)
    {
        var text = InputFiles.ReadText(path, context);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.OtherRead | UnixFileMode.GroupRead)) != 0)
            context.Warn(path, "others can read this token file (chmod 600 it)");
        try
        {
            return TokenSet.Parse(text);
        }
        catch (TokenFileException e)
        {
            throw CliException.BadInput(path, e.Message, e.Line > 0 ? e.Line : null);
        }
    }
}
