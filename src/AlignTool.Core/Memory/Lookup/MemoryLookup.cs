using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// Looks a text up in a memory: exact and context matches by normalized hash, template matches by template hash
/// (the target re-rendered with the query's slot values), fuzzy matches from an index of grams: the rarest grams
/// of the query (prefix filter), a length filter and an early cut-off choose the candidates, and Core re-scores
/// them. Never a scan of every unit. Not thread-safe.
/// </summary>
public sealed class MemoryLookup(ITranslationMemory memory, TextPreparer? preparer = null, PlaceableSet? placeables = null)
{
    private readonly TextPreparer _preparer = preparer ?? new TextPreparer();
    private readonly PlaceableSet _placeables = placeables ?? PlaceableSet.Default;

    // ICU word breaking is the costliest step of scoring a candidate (about 70 µs for 500 characters), and the
    // same texts come back as candidates of many lookups (boilerplate, a sentence's recent versions). Keyed by id
    // and checked against the text, since an id freed by a removal can be given to another text.
    private readonly Dictionary<(Language Lang, long Id), (string Source, string Norm, IReadOnlyList<string> Units)> _candidateUnits = [];

    /// <summary>Candidate texts whose ICU units are kept between lookups.</summary>
    public const int CandidateUnitsKept = 20_000;

    /// <summary>A candidate's normalized text: kept with its units when it was a candidate before.</summary>
    private string CandidateNorm(Language lang, long textId, string source) =>
        _candidateUnits.TryGetValue((lang, textId), out var kept) && string.Equals(kept.Source, source, StringComparison.Ordinal)
            ? kept.Norm
            : TextNormalizer.Normalize(source);

    private IReadOnlyList<string> CandidateUnits(Language lang, long textId, string source, string norm)
    {
        if (_candidateUnits.TryGetValue((lang, textId), out var kept) && string.Equals(kept.Source, source, StringComparison.Ordinal)) return kept.Units;
        if (_candidateUnits.Count >= CandidateUnitsKept) _candidateUnits.Clear();
        var units = _preparer.Tokens.Units(norm, lang.Tag);
        _candidateUnits[(lang, textId)] = (source, norm, units);
        return units;
    }

    public IReadOnlyList<MemoryMatch> Lookup(string text, Language sourceLang, Language targetLang, LookupOptions? options = null)
    {
        options ??= LookupOptions.Default;
        var (query, form) = _preparer.PrepareWithForm(text, sourceLang);
        var matches = new List<MemoryMatch>();
        var seen = new HashSet<(long Unit, string Target)>();

        // Exact and context matches. A unit's origin is read with it; the contexts it was seen in since are asked of
        // the memory only when the query has a context and the origin is not it.
        foreach (var unit in memory.FindByNorm(sourceLang, query.NormHash, UnitDetail.Origin))
        {
            var source = SourceText(unit, sourceLang);
            if (source is null || TextNormalizer.Normalize(source) != query.Norm) continue;
            foreach (var v in Targets(unit, targetLang))
            {
                if (unit.Via is not null && v.Template is not null && SlotTemplate.Parse(v.Template).Slots.Any()) continue; // matched as a template
                var reasons = new List<string> { "same text" };
                int score = 100;
                if (!string.Equals(source, text.Trim(), StringComparison.Ordinal))
                {
                    score -= FuzzyScorer.PenaltyForFormatting;
                    reasons.Add($"-{FuzzyScorer.PenaltyForFormatting} differs in formatting (case, spaces, quotes, marks)");
                }
                var kind = MatchKind.Exact;
                if (HasContext(options) && !v.Occurrences.Any(o => SameContext(o, options))
                    && !memory.SeenInContext(v.Id, options.Field, options.Previous, options.Next))
                {
                    kind = MatchKind.Context;
                    score -= FuzzyScorer.PenaltyForOtherContext;
                    reasons.Add($"-{FuzzyScorer.PenaltyForOtherContext} seen in another context");
                }
                var target = FootnoteMarkers.Follow(v.Text, text);
                if (seen.Add((unit.Id, target))) matches.Add(new MemoryMatch(source, target, targetLang, kind, score, Via(unit, v), reasons, unit.Id, v.Id, []));
            }
        }

        // Template matches: same text but for the slots.
        if (form.HasSlots)
        {
            foreach (var unit in memory.FindByTemplate(sourceLang, TextNormalizer.Hash(form.Key), options.MaxTemplateUnits, UnitDetail.Origin))
            {
                var sourceTemplate = SourceTemplate(unit, sourceLang);
                foreach (var v in Targets(unit, targetLang))
                {
                    if (v.Template is null) continue;
                    var rendered = SlotTemplate.Parse(v.Template).Render(targetLang.Tag, form.Values, _placeables);
                    if (rendered is not null) rendered = FootnoteMarkers.Follow(rendered, text);
                    if (rendered is null || !seen.Add((unit.Id, rendered))) continue;
                    var memoryValues = sourceTemplate is null || unit.Via is not null ? null : _preparer.Masker.Mask(SourceText(unit, sourceLang)!, sourceLang.Tag).Values;
                    int changed = memoryValues is null ? form.Values.Count : form.Values.Where((val, i) => i >= memoryValues.Count || !Equals(memoryValues[i].Canonical, val.Canonical)).Count();
                    int score = Math.Max(FuzzyScorer.MaxFuzzy + 1, 100 - FuzzyScorer.PenaltyForSlot * Math.Max(1, changed));
                    var reasons = new List<string> { $"same text but for {form.Values.Count} slot(s): {string.Join(", ", form.Values.Select(x => $"{x.Kind.Name()}={x.Canonical}"))}", $"-{FuzzyScorer.PenaltyForSlot} per re-rendered slot" };
                    matches.Add(new MemoryMatch(form.Template, rendered, targetLang, MatchKind.Template, score, Via(unit, v), reasons, unit.Id, v.Id, form.Values));
                }
            }
        }

        // Fuzzy matches from the gram index; with an exact or template match in hand, a smaller search suffices.
        // Their reasons are given once the matches returned are known (tracing the scorer is a lookup's dearest step).
        var fuzzyUnits = new Dictionary<(long Unit, long Variant), IReadOnlyList<string>>();
        IReadOnlyList<string> queryUnits = [];
        if (matches.Count(m => m.Kind <= MatchKind.Template) < options.Limit)
        {
            var fuzzyOptions = matches.Count > 0 ? options with { MaxCandidates = options.MaxCandidates / 2, PostingBudget = options.PostingBudget / 4 } : options;
            queryUnits = _preparer.Tokens.Units(query.Norm, sourceLang.Tag);
            foreach (var (m, candidateUnits) in Fuzzy(query, queryUnits, sourceLang, targetLang, fuzzyOptions))
            {
                if (!seen.Add((m.UnitId, m.Target))) continue;
                matches.Add(m);
                fuzzyUnits[(m.UnitId, m.VariantId)] = candidateUnits;
            }
        }

        // One match per target text: the best way it was found (a template that renders an exact match's target adds nothing).
        var kept = matches.OrderBy(m => m.Kind).ThenByDescending(m => m.Score).ThenBy(m => m.Via.StartsWith("catalog:", StringComparison.Ordinal) ? 1 : 0).ThenBy(m => m.Target, StringComparer.Ordinal)
                          .DistinctBy(m => m.Target).Take(options.Limit).ToList();
        if (fuzzyUnits.Count == 0) return kept;
        var given = new Dictionary<IReadOnlyList<string>, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        return kept.Select(m => m.Kind == MatchKind.Fuzzy && fuzzyUnits.TryGetValue((m.UnitId, m.VariantId), out var units)
            ? m with { Reasons = given.TryGetValue(units, out var r) ? r : given[units] = FuzzyScorer.Score(queryUnits, units, sourceLang.Tag).Reasons }
            : m).ToList();
    }

    /// <summary>Fuzzy matches, each with the candidate's units for its reasons, which are left empty here.</summary>
    private IEnumerable<(MemoryMatch Match, IReadOnlyList<string> CandidateUnits)> Fuzzy(PreparedText query, IReadOnlyList<string> queryUnits, Language sourceLang, Language targetLang, LookupOptions options)
    {
        if (query.Grams.Count == 0) yield break;
        var top = memory.FuzzyCandidates(new CandidateQuery(sourceLang, query.Grams, options.MinScore, options.MaxCandidates, options.PostingBudget));
        if (top.Count == 0) yield break;
        // First read: the candidates' source texts only. Each gets a cheap upper bound (shared plain units); the
        // best are scored on ICU words in that order, and scoring stops once no remaining bound can enter the top.
        var overlap = new PlainOverlap(query.Norm, sourceLang);
        var bounded = new List<(long TextId, string Source, string Norm, int Bound)>(top.Count);
        foreach (var (textId, source, length, isTemplate) in memory.LoadSourceTexts(sourceLang, top))
        {
            if (isTemplate) continue;
            if (FuzzyScorer.UpperBound(overlap.QueryUnits, length) < options.MinScore) continue;
            var norm = CandidateNorm(sourceLang, textId, source);
            int bound = overlap.Bound(norm);
            if (bound + LengthFilterMargin >= options.MinScore) bounded.Add((textId, source, norm, bound));
        }
        var scored = new List<(long TextId, string Source, int Score, IReadOnlyList<string> Units)>();
        var fuzzyUnits = FuzzyUnits.For(sourceLang.Tag);
        var queryRead = fuzzyUnits.Read(queryUnits);
        double queryWeight = queryRead.Sum(u => u.Weight);
        foreach (var (textId, source, norm, bound) in bounded.OrderByDescending(b => b.Bound))
        {
            if (scored.Count >= options.Limit && bound + LengthFilterMargin < scored.Select(x => x.Score).OrderDescending().ElementAt(options.Limit - 1)) break;
            var candidateUnits = CandidateUnits(sourceLang, textId, source, norm);
            // Weighed on the score alone; the reasons are given to the few that are kept.
            int score = FuzzyScorer.Quick(queryRead, queryWeight, fuzzyUnits.Read(candidateUnits));
            if (score >= options.MinScore) scored.Add((textId, source, score, candidateUnits));
        }
        // Second read: the units of the best few, for their targets.
        var best = scored.OrderByDescending(x => x.Score).Take(options.Limit * 2).ToList();
        var units = memory.LoadTexts(sourceLang, best.Select(b => b.TextId).ToList(), UnitDetail.Origin).ToDictionary(x => x.TextId, x => x.Unit);
        foreach (var (textId, source, score, candidateUnits) in best)
        {
            if (!units.TryGetValue(textId, out var unit)) continue;
            foreach (var v in Targets(unit, targetLang))
                yield return (new MemoryMatch(source, v.Text, targetLang, MatchKind.Fuzzy, score, Via(unit, v), [], unit.Id, v.Id, []), candidateUnits);
        }
    }

    /// <summary>Points of score by which a bound on plain units may understate the weighted score (ICU keeps some words
    /// whole that the plain scan splits, such as "council's"; function words and punctuation weigh less than a word,
    /// and an inflection a quarter of one).</summary>
    private const int LengthFilterMargin = 10;

    /// <summary>Every unit whose text in the term's language contains the term (normalized), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ConcordanceHit> Concordance(string term, int limit = 50)
    {
        var detected = Language.FromTag(LanguageDetector.Detect(term));
        // Latin terms (symbols, names) also stand inside Arabic and Chinese text.
        var langs = detected is null || detected.IsEnglish ? Language.All : [detected];
        var norm = TextNormalizer.Normalize(term);
        var hits = new List<ConcordanceHit>();
        var seen = new HashSet<(long, Language, string)>();
        foreach (var l in langs)
        {
            var grams = Tokens.Grams(norm, l.Tag);
            if (grams.Count == 0) continue;
            foreach (var (textId, unit) in memory.LoadTexts(l, memory.TextsContaining(l, grams)))
            {
                if (unit.Via is not null) continue;
                if (l.IsEnglish)
                {
                    if (!unit.EnglishNorm.Contains(norm, StringComparison.Ordinal)) continue;
                    foreach (var v in unit.Variants)
                        if (seen.Add((unit.Id, v.Lang, v.Text))) hits.Add(new ConcordanceHit(unit.English, v.Lang, v.Text, Via(unit, v), unit.Id));
                }
                else
                {
                    var v = unit.Variants.FirstOrDefault(x => x.Id == textId);
                    if (v is null || !v.Norm.Contains(norm, StringComparison.Ordinal)) continue;
                    if (seen.Add((unit.Id, v.Lang, v.Text))) hits.Add(new ConcordanceHit(unit.English, v.Lang, v.Text, Via(unit, v), unit.Id));
                }
                if (hits.Count >= limit) return hits;
            }
        }
        return hits;
    }

    private static bool HasContext(LookupOptions o) => o.Previous is not null || o.Next is not null || o.Field is not null;

    private static bool SameContext(Occurrence o, LookupOptions q) =>
        (q.Field is not { } field || o.IsWholeOf(field))
        && (q.Previous is null || o.Previous == q.Previous)
        && (q.Next is null || o.Next == q.Next);

    private static string? SourceText(StoredUnit unit, Language lang) =>
        lang.IsEnglish ? unit.English : unit.Variants.FirstOrDefault(v => v.Lang == lang)?.Text;

    private static string? SourceTemplate(StoredUnit unit, Language lang) =>
        lang.IsEnglish ? unit.EnglishTemplate : unit.Variants.FirstOrDefault(v => v.Lang == lang)?.Template;

    /// <summary>The unit's texts in the target language, most used first; English is the unit's key.</summary>
    private static IEnumerable<StoredVariant> Targets(StoredUnit unit, Language targetLang)
    {
        if (targetLang.IsEnglish)
        {
            return [new StoredVariant(0, Language.English, unit.English, unit.EnglishTemplateSpans, 0, unit.Variants.SelectMany(v => v.Documents).Distinct().ToList(), [])];
        }
        return unit.Variants.Where(v => v.Lang == targetLang).OrderByDescending(v => v.Usage).ThenBy(v => v.Id);
    }

    private static string Via(StoredUnit unit, StoredVariant v) =>
        unit.Via is not null ? "catalog:" + unit.Via : v.Documents.FirstOrDefault() ?? "memory";
}
