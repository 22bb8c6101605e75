namespace AlignTool.Server.Access;

/// <summary>What a bearer token of the token file may do.</summary>
public enum TokenRole
{
    /// <summary>Read: lookup, concordance, prefill, align, stats.</summary>
    Reader,
    /// <summary>Read and store reviewed beads.</summary>
    Writer,
}
