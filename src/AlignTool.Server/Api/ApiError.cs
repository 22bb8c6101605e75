using System.Text.Json.Serialization;

namespace AlignTool.Server.Api;

/// <summary>Every error the server answers: <c>{"status": 400, "error": "…"}</c>, never a stack trace.</summary>
internal sealed record ApiError(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("error")] string Error)
{
    public static Task Write(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = null;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(new ApiError(status, message), ServerJson.Options, contentType: "application/json; charset=utf-8");
    }
}
