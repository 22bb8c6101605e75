using System.Text.RegularExpressions;
using AlignTool.Core.Data;

namespace AlignTool.Core.Documents;

/// <summary>A cover-field recognised on a line: the field and the language its pattern belongs to.</summary>
public readonly record struct CoverLine(CoverField Field, string Lang);

/// <summary>
/// Recognises cover-page lines (masthead items, organ, session, dates, agenda, title, footnote, job number…)
/// with the patterns of <c>tm-data/rules/cover-lines.txt</c>.
/// </summary>
public sealed class CoverLineClassifier
{
    /// <summary>Fields that can stand together on one line with others (seed 004) and be split out of it.</summary>
    private static readonly HashSet<CoverField> Splittable =
    [
        CoverField.Distribution, CoverField.IssueDate, CoverField.VersionLanguage, CoverField.OriginalLanguage,
        CoverField.Organ, CoverField.Session, CoverField.Year, CoverField.SessionDates, CoverField.Agenda, CoverField.Symbol,
    ];

    private readonly List<(CoverField Field, string Lang, Regex Whole, Regex Prefix)> _patterns = [];

    public static CoverLineClassifier Default { get; } = new(EmbeddedData.ReadRule("cover-lines.txt"), EmbeddedData.Read("placeables/months.tsv"));

    public CoverLineClassifier(string patterns, string months)
    {
        var placeholders = Placeholders(months);
        foreach (var (section, lines) in EmbeddedData.Sections(patterns))
        {
            if (!CoverFieldNames.TryParse(section, out var field))
                throw new FormatException($"cover-lines: unknown field [{section}]");
            foreach (var line in lines)
            {
                var tab = line.IndexOf('\t');
                if (tab < 0) throw new FormatException($"cover-lines: expected 'lang<TAB>regex' in [{section}]: {line}");
                var lang = line[..tab];
                var rx = line[(tab + 1)..];
                foreach (var (k, v) in placeholders) rx = rx.Replace(k, v, StringComparison.Ordinal);
                var opts = RegexOptions.CultureInvariant | RegexOptions.Compiled;
                _patterns.Add((field, lang, new Regex($"^(?:{rx})$", opts), new Regex($"\\G(?:{rx})(?=\\s|$)", opts)));
            }
        }
    }

    private static Dictionary<string, string> Placeholders(string months)
    {
        var names = new Placeables.MonthNames(months);
        return new Dictionary<string, string>
        {
            ["{month-en}"] = "(?:" + string.Join('|', names.English.Select(Regex.Escape)) + ")",
            ["{month-ar}"] = "(?:" + string.Join('|', names.Arabic.Select(Regex.Escape)) + ")",
            ["{ord-en}"] = "(?:[A-Z][a-z]+(?:-[a-z]+)?)",
            ["{ord-ar}"] = "(?:\\p{IsArabic}+(?: و\\s?\\p{IsArabic}+)?)",
            ["{zhnum}"] = "(?:[〇零一二三四五六七八九十百千两]+)",
            ["{item-en}"] = @"(?:\d+(?: \([a-z]\)|[a-z])?)",
            ["{item-zh}"] = @"(?:\d+(?:\s?\([a-z]\)|[a-z])?)",
            ["{item-ar}"] = @"(?:\d+(?: \((?:[أبجدوزحطي]|هـ)\))?)",
        };
    }

    /// <summary>The field the whole of <paramref name="line"/> holds, if any.</summary>
    public CoverLine? Classify(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return null;
        foreach (var (field, lang, whole, _) in _patterns)
        {
            if (whole.IsMatch(t)) return new CoverLine(field, lang);
        }
        return null;
    }

    /// <summary>
    /// Splits a line on which several header fields run together (<c>Distr.: General 9 April 2021 Chinese
    /// Original: English</c>) into its fields. Returns the spans of the pieces, or null when the line is not
    /// such a line: at least two splittable fields must be recognised from its start, and free text is allowed
    /// only after an agenda item (it is the agenda title).
    /// </summary>
    public IReadOnlyList<(int Start, int Length, CoverField Field)>? SplitRunTogether(string line)
    {
        var pieces = new List<(int, int, CoverField)>();
        int pos = 0;
        while (pos < line.Length && char.IsWhiteSpace(line[pos])) pos++;
        while (pos < line.Length)
        {
            int best = 0;
            CoverField bestField = CoverField.None;
            foreach (var (field, _, _, prefix) in _patterns)
            {
                if (!Splittable.Contains(field)) continue;
                var m = prefix.Match(line, pos);
                if (m.Success && m.Length > best) { best = m.Length; bestField = field; }
            }
            if (best == 0)
            {
                if (pieces.Count >= 1 && pieces[^1].Item3 == CoverField.Agenda)
                {
                    int end = line.Length;
                    while (end > pos && char.IsWhiteSpace(line[end - 1])) end--;
                    pieces.Add((pos, end - pos, CoverField.AgendaTitle));
                    pos = line.Length;
                    break;
                }
                return null;
            }
            pieces.Add((pos, best, bestField));
            pos += best;
            while (pos < line.Length && char.IsWhiteSpace(line[pos])) pos++;
        }
        return pieces.Count >= 2 ? pieces : null;
    }
}
