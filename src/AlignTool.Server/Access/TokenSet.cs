using System.Security.Cryptography;
using System.Text;

namespace AlignTool.Server.Access;

/// <summary>
/// The bearer tokens of a token file: one token a line, <c>TOKEN reader|writer [NAME]</c>; blank lines and lines
/// starting with <c>#</c> are ignored. A token is at least <see cref="MinLength"/> printable ASCII characters without
/// spaces; NAME (the rest of the line) is recorded as the author of what the token stores. Tokens are compared by
/// their SHA-256 in constant time, and the tokens themselves are not kept.
/// </summary>
public sealed class TokenSet
{
    public const int MinLength = 16;

    private readonly List<(byte[] Hash, TokenRole Role, string? Name)> _tokens;

    private TokenSet(List<(byte[] Hash, TokenRole Role, string? Name)> tokens) => _tokens = tokens;

    public int Count => _tokens.Count;

    public int Writers => _tokens.Count(t => t.Role == TokenRole.Writer);

    /// <exception cref="TokenFileException">A line that is not <c>TOKEN reader|writer [NAME]</c>, a short token, a token
    /// twice, or no token at all.</exception>
    public static TokenSet Parse(string text)
    {
        var tokens = new List<(byte[], TokenRole, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) throw new TokenFileException(n, "expected 'TOKEN reader|writer [NAME]'");
            var token = parts[0];
            if (token.Length < MinLength) throw new TokenFileException(n, $"a token has at least {MinLength} characters (this one has {token.Length})");
            if (token.Any(c => c is < '!' or > '~')) throw new TokenFileException(n, "a token is printable ASCII without spaces");
            TokenRole role = parts[1].ToLowerInvariant() switch
            {
                "reader" => TokenRole.Reader,
                "writer" => TokenRole.Writer,
                _ => throw new TokenFileException(n, $"the role is reader or writer, not '{parts[1]}'"),
            };
            if (!seen.Add(token)) throw new TokenFileException(n, "this token is on an earlier line too");
            tokens.Add((SHA256.HashData(Encoding.ASCII.GetBytes(token)), role, parts.Length > 2 ? parts[2].Trim() : null));
        }
        if (tokens.Count == 0) throw new TokenFileException(0, "no token in the file (one a line: 'TOKEN reader|writer [NAME]')");
        return new TokenSet(tokens);
    }

    /// <summary>The role and name of a presented token, or null when the file does not hold it.</summary>
    public (TokenRole Role, string? Name)? Find(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        (TokenRole, string?)? found = null;
        // Every token is compared, found or not, so that the time taken does not tell which one matched.
        foreach (var (h, role, name) in _tokens)
            if (CryptographicOperations.FixedTimeEquals(h, hash)) found = (role, name);
        return found;
    }
}
