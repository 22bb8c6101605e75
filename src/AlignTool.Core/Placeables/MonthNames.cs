using AlignTool.Core.Data;

namespace AlignTool.Core.Placeables;

/// <summary>The UN's month names in English and Arabic (two names each, Levantine first), from <c>tm-data/placeables/months.tsv</c>.</summary>
public sealed class MonthNames
{
    public static MonthNames Default { get; } = new(EmbeddedData.Read("placeables/months.tsv"));

    public MonthNames(string tsv)
    {
        foreach (var row in EmbeddedData.Rows(tsv, 4))
        {
            English.Add(row[1]);
            Arabic.Add(row[2]);
        }
        if (English.Count != 12 || Arabic.Count != 12) throw new FormatException("months.tsv must have 12 rows");
    }

    public List<string> English { get; } = [];

    public List<string> Arabic { get; } = [];

    /// <summary>1–12 for a month name of <paramref name="lang"/>, or 0.</summary>
    public int Number(string name, string lang)
    {
        var list = lang == "ar" ? Arabic : English;
        int i = list.FindIndex(m => string.Equals(m, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return i + 1;
    }
}
