using System.Text.Json;

namespace AlignTool.Server.Api;

/// <summary>Reads a JSON request body, at most <see cref="ServeOptions.MaxRequestBytes"/> bytes of it whatever the
/// server (Kestrel enforces the same limit; the in-process test host does not), into a record.</summary>
internal static class RequestBody
{
    public static async Task<T> Read<T>(HttpContext context) where T : class
    {
        var max = context.RequestServices.GetRequiredService<ServeOptions>().MaxRequestBytes;
        if (!context.Request.HasJsonContentType())
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "the request body must be JSON (Content-Type: application/json)");
        if (context.Request.ContentLength > max) throw TooLarge(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + n > max) throw TooLarge(max);
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) throw ApiException.BadRequest("the request body is empty");
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ServerJson.Options)
                ?? throw ApiException.BadRequest("the request body is null");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the request body is not a valid request: {e.Message}");
        }
    }

    public static ApiException TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the server takes ({max} bytes)");
}
