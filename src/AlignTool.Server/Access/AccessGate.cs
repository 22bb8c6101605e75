using AlignTool.Server.Api;
using Microsoft.AspNetCore.Http.Features;

namespace AlignTool.Server.Access;

/// <summary>
/// Who may do what, after routing (it reads the endpoint's metadata). Without a token file the server is read-only:
/// every read is open and every write is 403. With one, every endpoint but the public ones needs
/// <c>Authorization: Bearer TOKEN</c> with a token of the file (missing or unknown: 401), and a write needs a writer
/// token (a reader's: 403). No cookies are read or set, so there is no session for another site to ride on.
/// </summary>
internal sealed class AccessGate(RequestDelegate next, ServeOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<PublicAccess>() is not null) return next(context);
        bool writes = endpoint.Metadata.GetMetadata<WriteAccess>() is not null;
        if (options.Tokens is null)
        {
            if (writes) throw new ApiException(StatusCodes.Status403Forbidden, "the server is read-only: it was started without --token-file");
            return next(context);
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0) throw new ApiException(StatusCodes.Status401Unauthorized, "a bearer token is needed (Authorization: Bearer TOKEN)");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(StatusCodes.Status401Unauthorized, "the Authorization header must be 'Bearer TOKEN'");
        if (options.Tokens.Find(header["Bearer ".Length..].Trim()) is not { } found)
            throw new ApiException(StatusCodes.Status401Unauthorized, "the token is not one of the server's");
        if (writes && found.Role != TokenRole.Writer)
            throw new ApiException(StatusCodes.Status403Forbidden, "this token may read, not write");
        new Caller(found.Role, found.Name).Keep(context);
        return next(context);
    }
}
