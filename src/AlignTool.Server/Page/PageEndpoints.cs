using AlignTool.Server.Access;
using Microsoft.AspNetCore.Routing;

namespace AlignTool.Server.Page;

/// <summary>The browser page: three files embedded in the assembly, served under fixed names (nothing from a request
/// names a file), cached by their content's version.</summary>
internal static class PageEndpoints
{
    private static readonly (string Route, string Resource, string Type)[] Files =
    [
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/app.js", "page/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "page/app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (route, resource, type) in Files)
        {
            var bytes = Load(resource);
            app.MapGet(route, () => Results.Bytes(bytes, type)).ExcludeFromDescription().WithMetadata(PublicAccess.Instance);
        }
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the page resource {resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
