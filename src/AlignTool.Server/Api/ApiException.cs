namespace AlignTool.Server.Api;

/// <summary>A request the API refuses, with the status code and the message the client gets as JSON.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
