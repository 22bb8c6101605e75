using System.Text;
using System.Text.RegularExpressions;

namespace AlignTool.Core.Placeables;

/// <summary>A piece of a template: literal text, or a typed slot (with an optional Arabic case hint, <c>{session-ordinal|gen}</c>).</summary>
public abstract record TemplatePart;

public sealed record LiteralPart(string Text) : TemplatePart;

public sealed record SlotPart(SlotKind Kind, ArabicCase? Case) : TemplatePart
{
    /// <summary>The slot as written between its braces: <c>session-ordinal|gen</c>.</summary>
    public string Token => Kind.Name() + Case switch
    {
        ArabicCase.Genitive => "|gen",
        ArabicCase.Nominative => "|nom",
        _ => "",
    };
}

/// <summary>
/// A word chosen by the number of agenda items among the slot values, <c>{plural|one:البند|two:البندان|other:البنود}</c>:
/// the categories are CLDR's (<c>one</c> for 1, <c>two</c> for 2, <c>other</c> for any number a category is not
/// given for). It matches any of its words.
/// </summary>
public sealed record ChoicePart(IReadOnlyDictionary<string, string> Words) : TemplatePart
{
    public string For(IReadOnlyList<SlotValue> values)
    {
        int count = values.OfType<AgendaValue>().FirstOrDefault()?.Items.Count ?? 1;
        var category = count switch { 1 => "one", 2 => "two", _ => "other" };
        return Words.TryGetValue(category, out var w) ? w : Words.GetValueOrDefault("other", "");
    }
}

/// <summary>A successful match of a template: the slot values in slot order and the span matched.</summary>
public sealed record TemplateMatch(int Start, int Length, IReadOnlyList<SlotValue> Values);

/// <summary>
/// A text with typed slots, <c>Note verbale dated {date} from the Permanent Mission of {country} …</c>: it matches a
/// text in one language (recognising each slot's value) and renders in another (re-localising each value).
/// </summary>
public sealed class SlotTemplate
{
    private static readonly Regex SlotSyntax = new(@"\{(?:plural(?<choices>(?:\|[a-z]+:[^|{}]+)+)|(?<kind>[a-z-]+)(?:\|(?<case>nom|gen))?)\}", RegexOptions.CultureInvariant);
    private readonly Dictionary<string, Regex> _compiled = [];

    private SlotTemplate(string text, IReadOnlyList<TemplatePart> parts)
    {
        Text = text;
        Parts = parts;
    }

    public string Text { get; }

    public IReadOnlyList<TemplatePart> Parts { get; }

    public IEnumerable<SlotPart> Slots => Parts.OfType<SlotPart>();

    public bool IsEmpty => Text.Length == 0;

    public static SlotTemplate Parse(string text)
    {
        var parts = new List<TemplatePart>();
        int pos = 0;
        foreach (Match m in SlotSyntax.Matches(text))
        {
            if (m.Index > pos) parts.Add(new LiteralPart(text[pos..m.Index]));
            pos = m.Index + m.Length;
            if (m.Groups["choices"].Success)
            {
                var words = m.Groups["choices"].Value[1..].Split('|').Select(c => c.Split(':', 2)).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
                if (!words.ContainsKey("other")) throw new FormatException($"a plural choice needs an 'other' word in template: {text}");
                parts.Add(new ChoicePart(words));
                continue;
            }
            if (!SlotKindNames.TryParse(m.Groups["kind"].Value, out var kind)) throw new FormatException($"unknown slot {{{m.Groups["kind"].Value}}} in template: {text}");
            ArabicCase? hint = m.Groups["case"].Value switch { "gen" => ArabicCase.Genitive, "nom" => ArabicCase.Nominative, _ => null };
            parts.Add(new SlotPart(kind, hint));
        }
        if (pos < text.Length) parts.Add(new LiteralPart(text[pos..]));
        return new SlotTemplate(text, parts);
    }

    private Regex Compile(string lang, PlaceableSet placeables, bool whole)
    {
        var key = lang + (whole ? "^" : "");
        lock (_compiled)
        {
            if (_compiled.TryGetValue(key, out var rx)) return rx;
            var sb = new StringBuilder();
            if (whole) sb.Append('^');
            int slot = 0;
            foreach (var part in Parts)
            {
                if (part is LiteralPart lit) sb.Append(LiteralPattern(lit.Text));
                else if (part is ChoicePart choice) sb.Append("(?:" + string.Join('|', choice.Words.Values.Distinct().OrderByDescending(w => w.Length).Select(LiteralPattern)) + ")");
                else if (part is SlotPart s) sb.Append($"(?<s{slot++}>{placeables.Pattern(s.Kind, lang)})");
            }
            if (whole) sb.Append('$');
            rx = new Regex(sb.ToString(), RegexOptions.CultureInvariant);
            _compiled[key] = rx;
            return rx;
        }
    }

    /// <summary>Literal text, tolerant of what extraction varies: runs of white space, typographic vs straight
    /// apostrophes, a footnote marker present or not.</summary>
    private static string LiteralPattern(string literal)
    {
        var sb = new StringBuilder();
        foreach (var c in literal)
        {
            sb.Append(c switch
            {
                ' ' => @"\s+",
                '*' => @"\*?",
                '’' or '\'' => "['’]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return sb.ToString();
    }

    /// <summary>Matches the whole of <paramref name="text"/>.</summary>
    public TemplateMatch? Match(string text, string lang, PlaceableSet placeables)
    {
        var m = Compile(lang, placeables, whole: true).Match(text.Trim());
        return m.Success ? Values(m, lang, placeables) : null;
    }

    /// <summary>Every non-overlapping occurrence in <paramref name="text"/> whose slots all recognise.</summary>
    public IEnumerable<TemplateMatch> Find(string text, string lang, PlaceableSet placeables)
    {
        foreach (Match m in Compile(lang, placeables, whole: false).Matches(text))
        {
            if (Values(m, lang, placeables) is { } hit) yield return hit;
        }
    }

    private TemplateMatch? Values(Match m, string lang, PlaceableSet placeables)
    {
        var values = new List<SlotValue>();
        int i = 0;
        foreach (var slot in Slots)
        {
            var v = placeables.Recognize(slot.Kind, lang, m.Groups[$"s{i++}"].Value);
            if (v is null) return null;
            values.Add(v);
        }
        return new TemplateMatch(m.Index, m.Length, values);
    }

    /// <summary>
    /// Renders the template in <paramref name="lang"/> with values taken by slot kind (the n-th slot of a kind gets the
    /// n-th value of that kind), so a template in another language can supply them. Null when a value cannot be
    /// written in that language.
    /// </summary>
    public string? Render(string lang, IReadOnlyList<SlotValue> values, PlaceableSet placeables)
    {
        var used = new Dictionary<SlotKind, int>();
        var sb = new StringBuilder();
        for (int p = 0; p < Parts.Count; p++)
        {
            var part = Parts[p];
            if (part is LiteralPart lit)
            {
                sb.Append(lit.Text);
                continue;
            }
            if (part is ChoicePart choice)
            {
                sb.Append(choice.For(values));
                continue;
            }
            var slot = (SlotPart)part;
            int n = used.GetValueOrDefault(slot.Kind);
            used[slot.Kind] = n + 1;
            var value = values.Where(v => SameKind(v.Kind, slot.Kind)).Skip(n).FirstOrDefault();
            if (value is null) return null;
            bool afterLi = lang == "ar" && sb.Length > 0 && sb[^1] == 'ل' && (sb.Length == 1 || sb[^2] == ' ');
            var context = new SlotContext(AtStart: sb.Length == 0, AfterLi: afterLi, Case: slot.Case);
            var rendered = placeables.Render(value, lang, context);
            if (rendered is null) return null;
            sb.Append(rendered);
        }
        return sb.ToString();
    }

    private static bool SameKind(SlotKind a, SlotKind b) =>
        a == b || (a is SlotKind.SessionOrdinal or SlotKind.YearOrdinal && b is SlotKind.SessionOrdinal or SlotKind.YearOrdinal);

    public override string ToString() => Text;
}
