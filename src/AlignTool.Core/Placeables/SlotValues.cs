using System.Globalization;

namespace AlignTool.Core.Placeables;

/// <summary>A recognised slot value, language-neutral: it renders into any of the three languages.</summary>
public abstract record SlotValue(SlotKind Kind)
{
    /// <summary>A stable, language-neutral form for records and comparisons (ISO date, number, country code).</summary>
    public abstract string Canonical { get; }
}

public sealed record DateValue(DateOnly Date) : SlotValue(SlotKind.Date)
{
    public override string Canonical => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record DateRangeValue(DateOnly From, DateOnly To) : SlotValue(SlotKind.DateRange)
{
    public override string Canonical => $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

/// <summary>Grammatical case of an Arabic ordinal: only the tens word shows it (ـون / ـين).</summary>
public enum ArabicCase
{
    Nominative,
    Genitive,
}

/// <summary>A session or year ordinal. <see cref="Case"/> is the case the Arabic form was found in (nominative when
/// the value came from English or Chinese).</summary>
public sealed record OrdinalValue(SlotKind OrdinalKind, int Number, ArabicCase Case = ArabicCase.Nominative) : SlotValue(OrdinalKind)
{
    public override string Canonical => Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Agenda item numbers as written (<c>4</c>, <c>35</c>, <c>68 (b)</c>).</summary>
public sealed record AgendaValue(IReadOnlyList<string> Items) : SlotValue(SlotKind.Agenda)
{
    public override string Canonical => string.Join(",", Items);

    public bool Equals(AgendaValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Which name of a State a text used: the short name or the formal one (<c>the Republic of Azerbaijan</c>).</summary>
public enum CountryForm
{
    Short,
    Formal,
}

public sealed record CountryValue(string Code, CountryForm Form) : SlotValue(SlotKind.Country)
{
    public override string Canonical => Code;
}

/// <summary>A job number such as <c>GE.20-06433(A)</c> or <c>24-04518 (E)</c>: the number, the letter of the version's
/// language, and whether a space stands before the letter.</summary>
public sealed record JobValue(string Number, char Letter, bool Spaced = false) : SlotValue(SlotKind.Job)
{
    public override string Canonical => Number;
}

/// <summary>A value carried over unchanged (a document symbol, a barcode) or looked up by its English form (a person).</summary>
public sealed record TextValue(SlotKind TextKind, string Text) : SlotValue(TextKind)
{
    public override string Canonical => Text;
}
