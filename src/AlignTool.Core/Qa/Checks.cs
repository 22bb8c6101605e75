using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Text;

namespace AlignTool.Core.Qa;

/// <summary>Same source, different targets (per language); same target, different sources.</summary>
public sealed class ConsistencyCheck : IQaCheck
{
    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        var pairs = units.SelectMany(u => u.Targets.Where(t => t.Text.Length > 0).Select(t => (Unit: u, t.Lang, t.Text))).ToList();
        foreach (var group in pairs.GroupBy(p => (TextNormalizer.Normalize(p.Unit.Source), p.Lang)))
        {
            var targets = group.Select(p => p.Text).Distinct(StringComparer.Ordinal).ToList();
            if (targets.Select(TextNormalizer.Normalize).Distinct().Count() < 2) continue;
            var first = group.First();
            foreach (var p in group.Skip(1).Where(p => TextNormalizer.Normalize(p.Text) != TextNormalizer.Normalize(first.Text)))
                yield return new QaIssue(QaIssueKind.InconsistentTarget, QaSeverity.Warning, p.Unit.Id, p.Lang, p.Unit.Source, p.Text,
                    $"translated differently elsewhere: \"{first.Text}\" (unit {first.Unit.Id})", new TextSpan(0, p.Unit.Source.Length), new TextSpan(0, p.Text.Length));
        }
        foreach (var group in pairs.GroupBy(p => (TextNormalizer.Normalize(p.Text), p.Lang)))
        {
            var sources = group.Select(p => TextNormalizer.Normalize(p.Unit.Source)).Distinct().ToList();
            if (sources.Count < 2) continue;
            var first = group.First();
            foreach (var p in group.Skip(1).Where(p => TextNormalizer.Normalize(p.Unit.Source) != TextNormalizer.Normalize(first.Unit.Source)))
                yield return new QaIssue(QaIssueKind.InconsistentSource, QaSeverity.Info, p.Unit.Id, p.Lang, p.Unit.Source, p.Text,
                    $"the same translation stands for another source: \"{first.Unit.Source}\" (unit {first.Unit.Id})", new TextSpan(0, p.Unit.Source.Length), new TextSpan(0, p.Text.Length));
        }
    }
}

/// <summary>The glossary: a source term present but no approved target term; a forbidden variant used.</summary>
public sealed class GlossaryCheck(Glossary glossary) : IQaCheck
{
    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        foreach (var u in units)
        {
            foreach (var entry in glossary.Entries)
            {
                var inSource = TermMatcher.Find(u.Source, entry.English, LanguageTag.English);
                foreach (var (lang, text) in u.Targets)
                {
                    if (text.Length == 0) continue;
                    foreach (var bad in entry.Forbidden.GetValueOrDefault(lang, []))
                    {
                        if (TermMatcher.Find(text, bad, lang) is { } span)
                            yield return new QaIssue(QaIssueKind.ForbiddenTerm, QaSeverity.Error, u.Id, lang, u.Source, text, $"\"{bad}\" is a forbidden variant for \"{entry.English}\"; use \"{string.Join("\" or \"", entry.Approved.GetValueOrDefault(lang, []))}\"", inSource, span);
                    }
                    if (inSource is null || !entry.Approved.TryGetValue(lang, out var approved) || approved.Count == 0) continue;
                    if (approved.Any(a => TermMatcher.Find(text, a, lang) is not null)) continue;
                    yield return new QaIssue(QaIssueKind.TermMissing, QaSeverity.Warning, u.Id, lang, u.Source, text, $"\"{entry.English}\" is in the source but the approved \"{string.Join("\" or \"", approved)}\" is not in the target", inSource, null);
                }
            }
        }
    }
}

/// <summary>The Arabic and Chinese variants of one English unit use the approved terms for the same English terms.</summary>
public sealed class CrossLanguageCheck(Glossary glossary) : IQaCheck
{
    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        foreach (var u in units)
        {
            var ar = u.Targets.FirstOrDefault(t => t.Lang == LanguageTag.Arabic).Text;
            var zh = u.Targets.FirstOrDefault(t => t.Lang == LanguageTag.Chinese).Text;
            if (string.IsNullOrEmpty(ar) || string.IsNullOrEmpty(zh)) continue;
            foreach (var entry in glossary.Entries)
            {
                var span = TermMatcher.Find(u.Source, entry.English, LanguageTag.English);
                if (span is null || !entry.Approved.ContainsKey("ar") || !entry.Approved.ContainsKey("zh")) continue;
                bool inAr = entry.Approved["ar"].Any(a => TermMatcher.Find(ar, a, "ar") is not null);
                bool inZh = entry.Approved["zh"].Any(a => TermMatcher.Find(zh, a, "zh") is not null);
                if (inAr == inZh) continue;
                var (lang, text) = inAr ? ("zh", zh) : ("ar", ar);
                yield return new QaIssue(QaIssueKind.CrossLanguageTerm, QaSeverity.Warning, u.Id, lang, u.Source, text,
                    $"the {(inAr ? "Arabic" : "Chinese")} uses the approved term for \"{entry.English}\", the {(inAr ? "Chinese" : "Arabic")} does not", span, null);
            }
        }
    }
}

/// <summary>Numbers and dates compared by value across numeral systems.</summary>
public sealed class NumberCheck : IQaCheck
{
    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        foreach (var u in units)
        {
            var source = NumberReader.Read(u.Source, LanguageTag.English);
            foreach (var (lang, text) in u.Targets)
            {
                if (text.Length == 0) continue;
                var target = NumberReader.Read(text, lang);
                var tv = target.Select(t => t.Value).ToHashSet();
                var sv = source.Select(s => s.Value).ToHashSet();
                foreach (var (value, span) in source.Where(s => !tv.Contains(s.Value)).DistinctBy(s => s.Value))
                    yield return new QaIssue(QaIssueKind.NumberMismatch, QaSeverity.Error, u.Id, lang, u.Source, text, $"the number {value} of the source is not in the target", span, null);
                foreach (var (value, span) in target.Where(t => !sv.Contains(t.Value)).DistinctBy(t => t.Value))
                    yield return new QaIssue(QaIssueKind.NumberMismatch, QaSeverity.Error, u.Id, lang, u.Source, text, $"the number {value} of the target is not in the source", null, span);
            }
        }
    }
}

/// <summary>Targets that are the source again, or empty.</summary>
public sealed class UntranslatedCheck : IQaCheck
{
    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        foreach (var u in units)
        {
            foreach (var (lang, text) in u.Targets)
            {
                if (text.Trim().Length == 0)
                    yield return new QaIssue(QaIssueKind.EmptyTarget, QaSeverity.Error, u.Id, lang, u.Source, text, "the target is empty", new TextSpan(0, u.Source.Length), null);
                else if (u.Source.Any(char.IsLetter) && TextNormalizer.Normalize(text).Contains(TextNormalizer.Normalize(u.Source), StringComparison.Ordinal))
                    yield return new QaIssue(QaIssueKind.Untranslated, QaSeverity.Warning, u.Id, lang, u.Source, text, "the target is the source, untranslated", new TextSpan(0, u.Source.Length), new TextSpan(0, text.Length));
            }
        }
    }
}

/// <summary>
/// Sentence-final punctuation against the house style observed in the units themselves (not a fixed rule): when
/// most targets of a language end a full stop the same way (Chinese 。), one that does not is reported.
/// Brackets are not judged: UN Chinese writes (见附件) with half-width brackets.
/// </summary>
public sealed class PunctuationCheck : IQaCheck
{
    /// <summary>Share of targets that makes a habit house style, and how many must show it.</summary>
    private const double Majority = 0.8;
    private const int Evidence = 5;

    public IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units)
    {
        var sentences = units.Where(u => u.Source.TrimEnd().EndsWith('.'))
                             .SelectMany(u => u.Targets.Where(t => t.Text.Trim().Length > 0).Select(t => (Unit: u, t.Lang, Text: t.Text.TrimEnd('*', ' '))))
                             .ToList();
        foreach (var group in sentences.GroupBy(s => s.Lang))
        {
            var style = group.GroupBy(s => s.Text[^1]).OrderByDescending(g => g.Count()).First();
            if (style.Count() < Evidence || style.Count() < Majority * group.Count()) continue;
            foreach (var s in group.Where(s => s.Text[^1] != style.Key))
                yield return new QaIssue(QaIssueKind.Punctuation, QaSeverity.Warning, s.Unit.Id, s.Lang, s.Unit.Source, s.Text,
                    $"ends with '{s.Text[^1]}' where the house style of this memory is '{style.Key}' ({style.Count()} of {group.Count()} sentences)", null, new TextSpan(s.Text.Length - 1, 1));
        }
    }
}

/// <summary>Runs every check.</summary>
public sealed class QaRunner(Glossary? glossary = null)
{
    private readonly IQaCheck[] _checks =
    [
        new ConsistencyCheck(),
        new GlossaryCheck(glossary ?? Glossary.Default),
        new CrossLanguageCheck(glossary ?? Glossary.Default),
        new NumberCheck(),
        new UntranslatedCheck(),
        new PunctuationCheck(),
    ];

    public List<QaIssue> Run(IReadOnlyList<QaUnit> units) =>
        _checks.SelectMany(c => c.Check(units)).OrderBy(i => i.Kind).ThenBy(i => i.Unit, StringComparer.Ordinal).ToList();

    public static List<QaUnit> FromMemory(ITranslationMemory memory) =>
        memory.Export(null).Select(u => new QaUnit(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.English, u.Variants.Select(v => (v.Lang.Tag, v.Text)).ToList())).ToList();
}
