using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>
/// Puts documents into a memory: parse, align the cover page, extract units, store them in one transaction per
/// document. Also keeps the default memory in step with <c>tm-data/</c>: the corpus and the catalogue.
/// </summary>
public sealed class Ingestor(ITranslationMemory memory, TimeProvider clock, string author)
{
    public const string CatalogOrigin = "catalog";
    public const string TmDataOrigin = "tm-data";
    public const string UserOrigin = "user";

    private readonly DocumentParser _parser = new();
    private readonly UnitExtractor _extractor = new();

    public IngestReport IngestDocument(string name, string source, string origin = UserOrigin)
    {
        var hash = UnitExtractor.ContentHash(source);
        if (memory.HasDocument(hash)) return new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory");
        var doc = _parser.Parse(name, source);
        var cover = new CoverAligner().Align(doc);
        var units = cover.Status == CoverStatus.Aligned ? _extractor.FromCover(cover) : [];
        // A document with nothing to align is still recorded, so that re-ingesting it is recognised.
        var outcome = memory.AddDocument(_extractor.Record(doc, origin) with { ContentHash = hash }, units, author, clock.GetUtcNow());
        if (outcome.AlreadyPresent) return new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory");
        if (units.Count == 0) return new IngestReport(name, IngestStatus.NothingToAlign, 0, 0, cover.Notes.FirstOrDefault() ?? "no cover fields to align");
        return new IngestReport(name, IngestStatus.Added, outcome.UnitsAdded, outcome.VariantsAdded, $"{units.Count} aligned segment(s)");
    }

    /// <summary>
    /// Stores two language versions of one document: the cover fields of the non-English one (cover aligner), and the
    /// running text aligned block by block, then sentence by sentence, with the memory's own pairs as lexical evidence.
    /// The gate decides: beads it is sure of become units, with the neighbouring beads' English as context; the rest
    /// are returned for review; a pair implausible as a whole is refused and nothing is stored. One transaction.
    /// </summary>
    public PairIngestReport IngestPair(string englishName, string englishSource, string otherName, string otherSource, PairIngestOptions? options = null)
    {
        var o = options ?? PairIngestOptions.Default;
        var hash = UnitExtractor.ContentHash(englishSource + "\u0000" + otherSource);
        var name = $"{englishName} + {otherName}";
        if (memory.HasDocument(hash)) return new PairIngestReport(new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory"), null, [], [], []);
        var en = _parser.Parse(englishName, englishSource);
        var other = _parser.Parse(otherName, otherSource);
        var otherLang = other.HasCover ? other.CoverLanguage : other.Languages.FirstOrDefault(l => l != LanguageTag.English) ?? other.Languages.FirstOrDefault() ?? "und";

        var segmenter = new Segmenter();
        static bool Running(Block b) => b.Zone is not (Zone.Masthead or Zone.JobNumber or Zone.Furniture or Zone.Address) && b.Lang != LanguageTag.NoLinguisticContent;
        var enBlocks = en.Blocks.Where(b => Running(b) && b.Lang == LanguageTag.English).Select(b => (IReadOnlyList<string>)segmenter.Sentences([b])).ToList();
        var otherBlocks = other.Blocks.Where(b => Running(b) && b.Lang == otherLang).Select(b => (IReadOnlyList<string>)segmenter.Sentences([b])).ToList();
        // The translation's running text in any language but its annex (reproduced as received, often in English): a
        // draft's untranslated sentences count against it.
        var translation = segmenter.Sentences(other.Blocks.Where(b => Running(b) && b.Zone is not (Zone.AnnexBody or Zone.AnnexHeading)));
        var enSentences = enBlocks.SelectMany(b => b).ToList();
        var otherSentences = otherBlocks.SelectMany(b => b).ToList();
        var align = o.Align;
        if (o.UseMemory && align.Lexicon is null && LanguageTag.IsSupported(otherLang) && otherLang != LanguageTag.English)
            align = align with { Lexicon = MemoryLexicon.Induce(KnownPairs(otherLang), otherLang, LanguageTag.English, otherLang) };
        var beads = new DocumentAligner(align).Align(enBlocks, LanguageTag.English, otherBlocks, otherLang);
        var verdict = PairGate.Judge(beads, enSentences.Count, otherSentences.Count, translation, LanguageTag.English, o.Gate);
        var review = verdict.Review.Select(b => new ReviewedBead(b, Join(b.Source, enSentences, "en"), Join(b.Target, otherSentences, otherLang))).ToList();
        if (!verdict.Plausible)
            return new PairIngestReport(new IngestReport(name, IngestStatus.Refused, 0, 0, verdict.Reason!), verdict, review, enSentences, otherSentences);

        if (Language.FromTag(otherLang) is not { IsOurs: true, IsEnglish: false } otherLanguage)
            return new PairIngestReport(new IngestReport(name, IngestStatus.Refused, 0, 0, $"the other version is in '{otherLang}', not Arabic or Chinese"), verdict, review, enSentences, otherSentences);
        var units = new List<PreparedUnit>();
        var cover = new CoverAligner().Align(other);
        if (cover.Status == CoverStatus.Aligned) units.AddRange(_extractor.FromCover(cover));
        var linked = beads.Where(b => !b.IsDeletion).ToList();
        var sure = verdict.Stored.ToHashSet();
        for (int k = 0; k < linked.Count; k++)
        {
            var b = linked[k];
            if (!sure.Contains(b)) continue;
            var english = Join(b.Source, enSentences, "en");
            var prev = k > 0 ? Join(linked[k - 1].Source, enSentences, "en") : null;
            var next = k + 1 < linked.Count ? Join(linked[k + 1].Source, enSentences, "en") : null;
            units.Add(_extractor.Unit(english, otherLanguage, Join(b.Target, otherSentences, otherLang), new Occurrence(null, null, k, prev, next, OccurrenceRole.Bead)));
        }
        var record = new DocumentRecord(name, hash, null, other.FieldBlock(CoverField.JobNumber)?.Text, other.FieldBlock(CoverField.IssueDate)?.Text, [Language.English, otherLanguage], UserOrigin);
        var outcome = memory.AddDocument(record, units, author, clock.GetUtcNow());
        return new PairIngestReport(
            new IngestReport(name, IngestStatus.Added, outcome.UnitsAdded, outcome.VariantsAdded, $"{units.Count} unit(s) from {verdict.Stored.Count} of {linked.Count} bead(s) and the cover page; {review.Count} for review"),
            verdict, review, enSentences, otherSentences);
    }

    /// <summary>
    /// Stores the beads a person reviewed between two versions (<see cref="ReviewedPair"/>): every bead with sentences on
    /// both sides becomes a unit, the neighbouring beads' English its context, as <see cref="IngestPair"/> stores the
    /// beads its gate is sure of, but with no gate: the person decided. One transaction; the same beads again add nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The beads name sentences that do not exist, or one sentence twice.</exception>
    public IngestReport IngestReviewed(ReviewedPair pair)
    {
        if (pair.Problem() is { } problem) throw new ArgumentException(problem, nameof(pair));
        if (Language.FromTag(pair.OtherLang) is not { IsOurs: true, IsEnglish: false } otherLanguage)
            throw new ArgumentException($"the other version is in '{pair.OtherLang}', not Arabic or Chinese", nameof(pair));
        var name = $"{pair.EnglishName} + {pair.OtherName} (reviewed)";
        var linked = pair.Beads.Where(b => !b.IsDeletion).ToList();
        var texts = linked.Select(b => (English: Join(b.Source, pair.English, LanguageTag.English), Other: Join(b.Target, pair.Other, pair.OtherLang))).ToList();
        var hash = UnitExtractor.ContentHash(string.Join("\u0000", texts.Select(t => t.English + "\u0001" + t.Other).Prepend(pair.OtherLang).Prepend(name)));
        if (memory.HasDocument(hash)) return new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory");
        if (linked.Count == 0) return new IngestReport(name, IngestStatus.NothingToAlign, 0, 0, "no bead joins sentences of both versions");
        var units = new List<PreparedUnit>(linked.Count);
        for (int k = 0; k < texts.Count; k++)
        {
            var prev = k > 0 ? texts[k - 1].English : null;
            var next = k + 1 < texts.Count ? texts[k + 1].English : null;
            units.Add(_extractor.Unit(texts[k].English, otherLanguage, texts[k].Other, new Occurrence(null, null, k, prev, next, OccurrenceRole.Bead)));
        }
        var record = new DocumentRecord(name, hash, null, null, null, [Language.English, otherLanguage], UserOrigin);
        var outcome = memory.AddDocument(record, units, author, clock.GetUtcNow());
        if (outcome.AlreadyPresent) return new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory");
        return new IngestReport(name, IngestStatus.Added, outcome.UnitsAdded, outcome.VariantsAdded, $"{units.Count} unit(s) from {linked.Count} reviewed bead(s)");
    }

    /// <summary>Sentences of one bead side as one text: Chinese sentences run on, others are joined by a space.</summary>
    private static string Join(IEnumerable<int> ids, IReadOnlyList<string> sentences, string lang) =>
        string.Join(lang == LanguageTag.Chinese ? "" : " ", ids.Select(i => sentences[i]));

    /// <summary>The English–<paramref name="lang"/> pairs already known: the memory's units, the catalogue, the glossary.</summary>
    private IEnumerable<(string English, string Other)> KnownPairs(string lang) =>
        MemoryLexicon.Pairs(memory, Language.Of(lang)).Concat(MemoryLexicon.Pairs(Catalog.Default, lang)).Concat(MemoryLexicon.Pairs(Qa.Glossary.Default, lang));

    /// <summary>Stores the catalogue's rows as template units, replacing an older catalogue.</summary>
    public IngestReport IngestCatalog(Catalog catalog, string contentHash, string name = "tm-data/catalog/cover.tsv")
    {
        if (memory.HasDocument(contentHash)) return new IngestReport(name, IngestStatus.AlreadyPresent, 0, 0, "already in the memory");
        foreach (var old in memory.Documents().Where(d => d.Origin == CatalogOrigin)) memory.RemoveDocument(old.Name);
        var units = _extractor.FromCatalog(catalog);
        var record = new DocumentRecord(name, contentHash, null, null, null, Language.All, CatalogOrigin);
        var outcome = memory.AddDocument(record, units, author, clock.GetUtcNow());
        return new IngestReport(name, IngestStatus.Added, outcome.UnitsAdded, outcome.VariantsAdded, $"{units.Count} template(s)");
    }

    /// <summary>
    /// Brings the memory in step with a tm-data corpus and catalogue: adds what is new, removes tm-data documents
    /// that are no longer there or whose content changed, keeps every document a user ingested.
    /// </summary>
    public List<IngestReport> SyncTmData(IReadOnlyList<(string Name, string Source)> corpus, Catalog catalog, string catalogHash, string tmDataHash, IProgress<IngestReport>? progress = null)
    {
        var reports = new List<IngestReport>();
        var current = corpus.Select(c => UnitExtractor.ContentHash(c.Source)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in memory.Documents().Where(d => d.Origin == TmDataOrigin))
        {
            // A tm-data document whose content is gone or changed: its hash is not among the current ones.
            var hashOfStale = stale.ContentHash;
            if (!current.Contains(hashOfStale)) memory.RemoveDocument(hashOfStale);
        }
        var r = IngestCatalog(catalog, catalogHash);
        reports.Add(r);
        progress?.Report(r);
        foreach (var (name, source) in corpus)
        {
            r = IngestDocument(name, source, TmDataOrigin);
            reports.Add(r);
            progress?.Report(r);
        }
        memory.MarkBuiltFrom(tmDataHash);
        return reports;
    }
}
