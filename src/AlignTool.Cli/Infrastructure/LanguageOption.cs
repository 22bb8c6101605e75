using System.CommandLine;

namespace AlignTool.Cli.Infrastructure;

/// <summary>
/// A language option under its contract name (<c>--from</c>, <c>--to</c>) and the older names scripts may still use
/// (<c>--lang</c>, <c>--src-lang</c>, <c>--tgt-lang</c>, <c>--src</c>, <c>--langs</c>), which parse the same but are
/// hidden from the help.
/// </summary>
internal sealed record LanguageOption<T>(Option<T> Primary, IReadOnlyList<Option<T>> Hidden)
{
    public static LanguageOption<T> Create(Func<string, Option<T>> make, string name, params string[] oldNames)
    {
        var hidden = oldNames.Select(n => { var o = make(n); o.Hidden = true; return o; }).ToList();
        return new LanguageOption<T>(make(name), hidden);
    }

    public void AddTo(Command command)
    {
        command.Add(Primary);
        foreach (var o in Hidden) command.Add(o);
    }

    /// <summary>The name the value was given under (for messages): an older one if the user wrote it.</summary>
    public string NameUsed(ParseResult parse) =>
        Hidden.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false } && parse.GetResult(Primary) is null or { Implicit: true })?.Name ?? Primary.Name;

    /// <summary>The value given under the contract name, else under an older one, else the primary's default.</summary>
    public T? Get(ParseResult parse)
    {
        if (parse.GetResult(Primary) is { Implicit: false }) return parse.GetValue(Primary);
        foreach (var o in Hidden)
            if (parse.GetResult(o) is { Implicit: false }) return parse.GetValue(o);
        return parse.GetValue(Primary);
    }
}
