namespace AlignTool.Core.Memory.Storage;

/// <summary>Dates (<c>yyyy-MM-ddTHH:mm:ssZ</c>), authors and usage a text brings with it (from a TMX file); when absent
/// the memory stamps the time and author of the write.</summary>
public sealed record TextMeta(string? Created, string? CreatedBy, string? Changed, string? ChangedBy, int Usage)
{
    /// <summary>The memory's form of an instant: <c>yyyy-MM-ddTHH:mm:ssZ</c>, which sorts as it reads.</summary>
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
