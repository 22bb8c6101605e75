using System.Text.Encodings.Web;
using System.Text.Json;

namespace AlignTool.Server.Api;

/// <summary>The JSON of the API: camelCase names (the jsonl field names of docs/cli.md), Arabic and Chinese written as
/// they are (HTML-sensitive characters still escaped), and request bodies held to their declared nullability.</summary>
internal static class ServerJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // served as application/json with nosniff, never inlined in HTML
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        o.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        return o;
    }
}
