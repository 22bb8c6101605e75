namespace AlignTool.Server.Api;

/// <summary>What the OpenAPI description says an endpoint may answer besides success.</summary>
internal static class EndpointMetadata
{
    public static RouteHandlerBuilder ProducesProblem400(this RouteHandlerBuilder b) =>
        b.Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status401Unauthorized);

    public static RouteHandlerBuilder ProducesWriteErrors(this RouteHandlerBuilder b) =>
        b.ProducesProblem400().Produces<ApiError>(StatusCodes.Status403Forbidden).Produces<ApiError>(StatusCodes.Status413PayloadTooLarge);
}
