using Spectre.Console;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Columns of text tables padded by the cells a terminal gives each character: a Chinese character takes
/// two, an Arabic combining mark none (<c>string.PadRight</c> counts UTF-16 code units, which misaligns both).</summary>
internal static class TextColumns
{
    public static string Pad(string text, int cells)
    {
        int width = text.GetCellWidth();
        return width >= cells ? text : text + new string(' ', cells - width);
    }
}
