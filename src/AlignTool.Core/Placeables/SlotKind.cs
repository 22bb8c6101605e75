namespace AlignTool.Core.Placeables;

/// <summary>The typed slots of catalogue and memory templates.</summary>
public enum SlotKind
{
    Date,
    DateRange,
    SessionOrdinal,
    YearOrdinal,
    Agenda,
    Country,
    Symbol,
    Job,
    Barcode,
    Person,
    /// <summary>A calendar year naming a session: ECOSOC's <c>2023 session</c>.</summary>
    CalendarYear,
}

public static class SlotKindNames
{
    public static string Name(this SlotKind kind) => kind switch
    {
        SlotKind.Date => "date",
        SlotKind.DateRange => "daterange",
        SlotKind.SessionOrdinal => "session-ordinal",
        SlotKind.YearOrdinal => "year-ordinal",
        SlotKind.Agenda => "agenda",
        SlotKind.Country => "country",
        SlotKind.Symbol => "symbol",
        SlotKind.Job => "job",
        SlotKind.Barcode => "barcode",
        SlotKind.Person => "person",
        SlotKind.CalendarYear => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out SlotKind kind)
    {
        foreach (var k in Enum.GetValues<SlotKind>())
        {
            if (k.Name() == name) { kind = k; return true; }
        }
        kind = default;
        return false;
    }
}
