using Microsoft.AspNetCore.Http.Features;

namespace AlignTool.Server.Api;

/// <summary>Caps every request body at <see cref="ServeOptions.MaxRequestBytes"/> where the server lets it be set per
/// request (Kestrel), and refuses at once a body that declares a larger length.</summary>
internal sealed class BodyLimit(RequestDelegate next, ServeOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = options.MaxRequestBytes;
        if (context.Request.ContentLength > options.MaxRequestBytes) throw RequestBody.TooLarge(options.MaxRequestBytes);
        return next(context);
    }
}
