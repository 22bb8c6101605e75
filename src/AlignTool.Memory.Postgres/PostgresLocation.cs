using Npgsql;

namespace AlignTool.Memory.Postgres;

/// <summary>
/// Where a PostgreSQL memory is: <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=NAME]</c> (or
/// <c>postgres://</c>). Without a password in the URL it comes from <c>PGPASSWORD</c>, else from the password file
/// (<c>PGPASSFILE</c>, else <c>~/.pgpass</c>), as libpq finds it. <see cref="Display"/> is the URL without its
/// password, for messages.
/// </summary>
public sealed record PostgresLocation(string ConnectionString, string Display, string Schema)
{
    /// <summary>Whether <paramref name="location"/> names a PostgreSQL memory rather than a file.</summary>
    public static bool IsUrl(string location) =>
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the URL; <paramref name="environment"/> gives PGPASSWORD, PGPASSFILE and HOME. Throws
    /// <see cref="FormatException"/> with a message for the user when the URL is not one.</summary>
    public static PostgresLocation Parse(string url, IReadOnlyDictionary<string, string> environment)
    {
        if (!IsUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException("not a PostgreSQL URL (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB)");
        var info = uri.UserInfo;
        int colon = info.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? info : info[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(info[(colon + 1)..]);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (user.Length == 0) throw new FormatException("the URL names no user (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB)");
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal)) throw new FormatException("the URL names no database (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB)");
        string schema = "public";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            if (key == "schema" && IsName(value)) schema = value;
            else throw new FormatException($"'{pair}' is not understood in a memory's URL (only schema=NAME, of letters, digits and _)");
        }
        var host = uri.Host.Trim('[', ']');
        int port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Database = database,
            Username = user,
            ApplicationName = "aligntool",
            Timeout = 10,
            // A bulk import's statements (its index of grams) take longer than the default 30 s at a million units.
            CommandTimeout = 600,
            // The few statements a lookup runs, prepared on the server once each connection has used them twice.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            SearchPath = schema,
        };
        password ??= environment.GetValueOrDefault("PGPASSWORD");
        if (!string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }
        else
        {
            var passfile = environment.GetValueOrDefault("PGPASSFILE");
            if (string.IsNullOrEmpty(passfile) && environment.GetValueOrDefault("HOME") is { Length: > 0 } home) passfile = Path.Combine(home, ".pgpass");
            if (!string.IsNullOrEmpty(passfile) && File.Exists(passfile)) builder.Passfile = passfile;
        }
        var display = $"{uri.Scheme}://{Uri.EscapeDataString(user)}@{uri.Host}{(uri.IsDefaultPort || uri.Port <= 0 ? "" : ":" + port)}/{Uri.EscapeDataString(database)}{(schema == "public" ? "" : "?schema=" + schema)}";
        return new PostgresLocation(builder.ConnectionString, display, schema);
    }

    private static bool IsName(string s) => s.Length is > 0 and <= 63 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(s[0]);
}
