using AlignTool.Core.Documents;

namespace AlignTool.Server.Api;

/// <summary>
/// The outermost middleware: whatever a request ends in becomes <see cref="ApiError"/> JSON with its status code. A
/// refused request keeps its code and message; a storage failure the backend describes is 503 with that description;
/// anything else is 500 "internal error", its details told to the server's log, never to the client.
/// </summary>
internal sealed class ErrorHandling(RequestDelegate next, ServeOptions options, ServerLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var (status, message) = Describe(e);
            if (status >= 500) log.Error($"{context.Request.Method} {context.Request.Path}: {e}");
            await ApiError.Write(context, status, message);
        }
    }

    private (int Status, string Message) Describe(Exception e)
    {
        switch (e)
        {
            case ApiException a:
                return (a.Status, a.Message);
            case BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return (b.StatusCode, RequestBody.TooLarge(options.MaxRequestBytes).Message);
            case BadHttpRequestException b:
                return (b.StatusCode, b.Message);
            case MarkdownLimitException m:
                return (StatusCodes.Status400BadRequest, $"the document cannot be read{(m.Line > 0 ? $" (line {m.Line}, column {m.Column})" : "")}: {m.Message}");
        }
        if (options.DescribeStorageFailure(e) is { } storage) return (StatusCodes.Status503ServiceUnavailable, $"the memory: {storage}");
        return (StatusCodes.Status500InternalServerError, "internal error (the server's log has the details)");
    }
}
