using System.Globalization;
using System.Text.Json;
using AlignTool.Core.Memory.Ingest;
using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange;

/// <summary>What to export.</summary>
public sealed record TmxExportOptions
{
    public string SourceLang { get; init; } = LanguageTag.English;

    /// <summary>Target languages to include; null: every language the memory has. One language makes the file
    /// bilingual (<see cref="Bilingual"/>).</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>One target language: one <c>&lt;tu&gt;</c> per translation, holding its English and it, and only the
    /// units that have that language. Tools that take the second <c>&lt;tuv&gt;</c> as the target (translate-toolkit)
    /// or that insert a unit's other language into a project (OmegaT 3.6) read such a file right; otherwise a
    /// unit holds all its languages (a multilingual file).</summary>
    public bool Bilingual => Languages is { Count: 1 };

    /// <summary>Only units changed since this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    public string ToolVersion { get; init; } = "0.1.0";
}

/// <summary>What an import did.</summary>
public sealed record TmxImportReport(int Units, int Added, int VariantsAdded, int SkippedWithoutSource, bool AlreadyPresent);

/// <summary>
/// TMX 1.4b export and import of a memory. Export streams units out with their dates, usage counts, document,
/// symbol, field and context as <c>&lt;prop&gt;</c>s; import maps other tools' context props (OmegaT <c>prev</c>/<c>next</c>,
/// translate-toolkit <c>x-context</c>, MateCat <c>x-context-pre</c>/<c>-post</c>) onto occurrences and keeps everything
/// else a unit carries (other languages, notes, props, attributes, inline codes), so that it is exported again.
/// </summary>
public static class TmxExchange
{
    private const string Keep = "tmx:";

    /// <summary>Units read (import) or written (export) between two progress reports.</summary>
    public const int ProgressEvery = 10_000;

    /// <param name="progress">Told the number of units written, every <see cref="ProgressEvery"/> units.</param>
    public static int Export(ITranslationMemory memory, Stream output, TmxExportOptions options, TimeProvider clock, IProgress<int>? progress = null)
    {
        var header = new List<KeyValuePair<string, string>>
        {
            new("creationtool", "AlignTool"),
            new("creationtoolversion", options.ToolVersion),
            new("segtype", "sentence"),
            new("o-tmf", "AlignTool"),
            new("adminlang", "en"),
            new("srclang", options.SourceLang),
            new("datatype", "plaintext"),
            new("creationdate", TmxDate(clock.GetUtcNow())),
        };
        int count = 0;
        using var writer = new TmxWriter(output, header);
        var since = options.Since is { } s ? Stamp(s) : null;
        // Slot-free catalogue rows (boilerplate such as "Please recycle"), one per English text: a translation is added
        // to the unit of the same English, the others written after the units. The same English twice in one file
        // would be merged by an import and read twice by other tools.
        var boilerplate = Boilerplate(memory, since);
        void Write(ExportedUnit unit)
        {
            foreach (var tmx in ToTmx(unit, options))
            {
                writer.Write(tmx);
                if (++count % ProgressEvery == 0) progress?.Report(count);
            }
        }
        foreach (var unit in memory.Export(since))
        {
            if (boilerplate.Remove(unit.English, out var row)) Write(unit with { Variants = [.. unit.Variants, .. Unseen(row.Variants, unit.Variants)] });
            else Write(unit);
        }
        foreach (var row in boilerplate.Values) Write(row);
        return count;
    }

    /// <summary>The catalogue's rows without slots, by English (in id order), each with the translations of every row of
    /// that English (once each) that have no slot.</summary>
    private static Dictionary<string, ExportedUnit> Boilerplate(ITranslationMemory memory, string? since)
    {
        var rows = new Dictionary<string, ExportedUnit>(StringComparer.Ordinal);
        foreach (var row in memory.Export(since, ExportScope.Catalogue))
        {
            if (HasSlots(row.English)) continue;
            var variants = row.Variants.Where(v => !HasSlots(v.Text)).ToList();
            if (rows.TryGetValue(row.English, out var first)) rows[row.English] = first with { Variants = [.. first.Variants, .. Unseen(variants, first.Variants)] };
            else if (variants.Count > 0) rows[row.English] = row with { Variants = variants };
        }
        return rows;
    }

    /// <summary>The translations of <paramref name="candidates"/> that <paramref name="have"/> does not hold already.</summary>
    private static IEnumerable<ExportedVariant> Unseen(IEnumerable<ExportedVariant> candidates, IReadOnlyList<ExportedVariant> have) =>
        candidates.Where(c => !have.Any(h => h.Lang == c.Lang && h.Text == c.Text));

    /// <summary>A unit as TMX: one <c>&lt;tu&gt;</c> with the languages asked for, or one per translation when the file is
    /// <see cref="TmxExportOptions.Bilingual"/>; none when it has none of them.</summary>
    internal static IEnumerable<TmxUnit> ToTmx(ExportedUnit unit, TmxExportOptions options)
    {
        var variants = unit.Variants.Where(v => options.Languages is null || options.Languages.Contains(v.Lang.Tag)).ToList();
        if (variants.Count == 0) return [];
        if (!options.Bilingual || variants.Count == 1) return [ToTmx(unit, variants, options, null)];
        return variants.Select((v, i) => ToTmx(unit, [v], options, i + 1));
    }

    private static bool HasSlots(string template) => SlotTemplate.Parse(template).Slots.Any();

    /// <param name="part">For a unit written as several (one per translation), which one: its tuid is the unit's and this.</param>
    private static TmxUnit ToTmx(ExportedUnit unit, List<ExportedVariant> variants, TmxExportOptions options, int? part)
    {
        var tuid = unit.Props.GetValueOrDefault(Keep + "tuid") ?? unit.Id.ToString(CultureInfo.InvariantCulture);
        var attributes = new List<KeyValuePair<string, string>>
        {
            new("tuid", part is null ? tuid : tuid + "-" + part.Value.ToString(CultureInfo.InvariantCulture)),
        };
        attributes.AddRange(Dates(unit.Meta));
        attributes.AddRange(Kept<KeyValuePair<string, string>>(unit.Props, "attrs").Where(a => attributes.All(x => x.Key != a.Key)));
        var props = Kept<TmxProp>(unit.Props, "props");
        var notes = Kept<string>(unit.Props, "notes");
        if (!unit.Props.ContainsKey(Keep + "props"))
        {
            // Ours, from the first occurrence: document, symbol, cover field, context.
            var first = variants.FirstOrDefault(v => v.Occurrence is not null);
            if (first?.Document is { } doc) props.Add(new TmxProp("x-document", doc));
            if (first?.Symbol is { } symbol) props.Add(new TmxProp("x-symbol", symbol));
            if (first?.Occurrence?.FieldName is { } field) props.Add(new TmxProp("x-field", field));
            if (first?.Occurrence?.Previous is { } prev) props.Add(new TmxProp("x-context-prev", prev));
            if (first?.Occurrence?.Next is { } next) props.Add(new TmxProp("x-context-next", next));
            if (unit.Via is { } row) props.Add(new TmxProp("x-catalog", row));
        }
        var tuvs = new List<TmxVariant>
        {
            new(options.SourceLang, [.. Dates(unit.Meta), .. Kept<KeyValuePair<string, string>>(unit.Props, "en-attrs").Where(a => a.Key is not ("creationdate" or "changedate" or "creationid" or "changeid" or "usagecount"))],
                Kept<TmxProp>(unit.Props, "en-props"), Kept<string>(unit.Props, "en-notes"), unit.English, unit.Props.GetValueOrDefault(Keep + "en-seg")),
        };
        foreach (var v in variants)
        {
            tuvs.Add(new TmxVariant(v.Lang.Tag, [.. Dates(v.Meta), .. Kept<KeyValuePair<string, string>>(v.Props, "attrs").Where(a => a.Key is not ("creationdate" or "changedate" or "creationid" or "changeid" or "usagecount"))],
                Kept<TmxProp>(v.Props, "props"), Kept<string>(v.Props, "notes"), v.Text, v.Props.GetValueOrDefault(Keep + "seg")));
        }
        return new TmxUnit(attributes, props, notes, tuvs);
    }

    private static IEnumerable<KeyValuePair<string, string>> Dates(TextMeta m)
    {
        if (m.Created is { } c) yield return new("creationdate", TmxDate(c));
        if (m.CreatedBy is { } cb) yield return new("creationid", cb);
        if (m.Changed is { } ch) yield return new("changedate", TmxDate(ch));
        if (m.ChangedBy is { } chb) yield return new("changeid", chb);
        if (m.Usage > 0) yield return new("usagecount", m.Usage.ToString(CultureInfo.InvariantCulture));
    }

    private static List<T> Kept<T>(IReadOnlyDictionary<string, string> props, string key) =>
        props.TryGetValue(Keep + key, out var json) ? JsonSerializer.Deserialize<List<T>>(json) ?? [] : [];

    /// <summary>Imports a TMX stream into the memory in one transaction: all or nothing.</summary>
    /// <remarks>The file is read on the calling thread and its units are prepared on every core
    /// (<see cref="ParallelPreparation"/>) while the memory stores those already prepared.</remarks>
    /// <param name="progress">Told the number of units read, every <see cref="ProgressEvery"/> units.</param>
    public static TmxImportReport Import(ITranslationMemory memory, Stream input, string name, string contentHash, string author, TimeProvider clock, PreparationOptions? preparation = null, IProgress<int>? progress = null)
    {
        if (memory.HasDocument(contentHash)) return new TmxImportReport(0, 0, 0, 0, true);
        int read = 0, skipped = 0;
        IEnumerable<TmxUnit> Read()
        {
            foreach (var tu in TmxReader.Read(input, _ => { }))
            {
                read++;
                if (read % ProgressEvery == 0) progress?.Report(read);
                yield return tu;
            }
        }
        // The languages the file holds are known once it is read: the memory takes them when the import completes.
        var languages = new List<Language>();
        IEnumerable<PreparedUnit> Units()
        {
            foreach (var unit in ParallelPreparation.Prepare(Read(), (preparer, tu) => FromTmx(tu, preparer), preparation))
            {
                if (unit is null) { skipped++; continue; }
                foreach (var lang in unit.Variants.Select(v => v.Text.Lang).Prepend(unit.English.Lang))
                    if (!languages.Contains(lang)) languages.Add(lang);
                yield return unit;
            }
        }
        // Streamed into one transaction: a malformed unit anywhere rolls the whole import back.
        var record = new DocumentRecord(name, contentHash, null, null, null, languages, "tmx");
        var outcome = memory.AddDocument(record, Units(), author, clock.GetUtcNow());
        return new TmxImportReport(read, outcome.UnitsAdded, outcome.VariantsAdded, skipped, outcome.AlreadyPresent);
    }

    /// <summary>A TMX unit as a memory unit: its English variant is the key (whatever the header's srclang), the
    /// others its variants.</summary>
    internal static PreparedUnit? FromTmx(TmxUnit tu, TextPreparer preparer)
    {
        var en = tu.Variants.FirstOrDefault(v => v.Lang == LanguageTag.English);
        if (en is null || en.Text.Length == 0) return null;
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tu.Attribute("tuid") is { } tuid) props[Keep + "tuid"] = tuid;
        Put(props, "attrs", Others(tu.Attributes, static key => key is "tuid" or "creationdate" or "changedate" or "creationid" or "changeid" or "usagecount"));
        Put(props, "props", tu.Props);
        Put(props, "notes", tu.Notes);
        Put(props, "en-attrs", Others(en.Attributes, IsVariantMeta));
        Put(props, "en-props", en.Props);
        Put(props, "en-notes", en.Notes);
        if (en.SegXml is not null) props[Keep + "en-seg"] = en.SegXml;

        var occurrence = ContextOf(tu);
        var variants = new List<PreparedVariant>();
        foreach (var v in tu.Variants.Where(v => v != en && v.Text.Length > 0))
        {
            // Every language of the file is kept (exported again as it came); a tag that names none is not.
            if (Language.FromTag(v.Lang) is not { IsEnglish: false } lang) continue;
            var vprops = new Dictionary<string, string>(StringComparer.Ordinal);
            Put(vprops, "attrs", Others(v.Attributes, IsVariantMeta));
            Put(vprops, "props", v.Props);
            Put(vprops, "notes", v.Notes);
            if (v.SegXml is not null) vprops[Keep + "seg"] = v.SegXml;
            variants.Add(new PreparedVariant(preparer.Prepare(v.Text, lang), occurrence, vprops, Meta(v.Attributes, tu)));
        }
        if (variants.Count == 0) return null;
        return new PreparedUnit(preparer.Prepare(en.Text, Language.English), variants, Props: props, Meta: Meta(en.Attributes, tu));
    }

    /// <summary>A variant's attributes the memory holds in columns of its own (language, dates, authors, usage):
    /// not kept a second time, and written from those columns on export.</summary>
    private static bool IsVariantMeta(string key) => key is "xml:lang" or "lang" or "creationdate" or "changedate" or "creationid" or "changeid" or "usagecount";

    private static readonly string[] PreviousTypes = ["x-context-prev", "prev", "x-context-pre", "x-context"];
    private static readonly string[] NextTypes = ["x-context-next", "next", "x-context-post"];
    private static readonly string[] FieldTypes = ["x-field"];

    /// <summary>Context props of other tools mapped onto an occurrence's previous and next segment.</summary>
    private static Occurrence ContextOf(TmxUnit tu) =>
        Occurrence.FromNames(null, Prop(tu.Props, FieldTypes), 0, Prop(tu.Props, PreviousTypes), Prop(tu.Props, NextTypes));

    /// <summary>The value of the first prop of one of these types. (Loops rather than LINQ here and below: an import
    /// runs them for every unit, and their delegates and iterators were a tenth of what it allocated.)</summary>
    private static string? Prop(IReadOnlyList<TmxProp> props, string[] types)
    {
        foreach (var p in props) if (Array.IndexOf(types, p.Type) >= 0) return p.Value;
        return null;
    }

    private static TextMeta Meta(IReadOnlyList<KeyValuePair<string, string>> attributes, TmxUnit tu)
    {
        string? A(string name) => TmxUnit.Find(attributes, name) ?? tu.Attribute(name);
        int usage = int.TryParse(A("usagecount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : 0;
        return new TextMeta(FromTmxDate(A("creationdate")), A("creationid"), FromTmxDate(A("changedate")), A("changeid"), usage);
    }

    /// <summary>The attributes whose names <paramref name="held"/> does not claim; null when there are none.</summary>
    private static List<KeyValuePair<string, string>>? Others(IReadOnlyList<KeyValuePair<string, string>> attributes, Func<string, bool> held)
    {
        List<KeyValuePair<string, string>>? others = null;
        foreach (var a in attributes) if (!held(a.Key)) (others ??= []).Add(a);
        return others;
    }

    private static void Put<T>(Dictionary<string, string> props, string key, IReadOnlyList<T>? values)
    {
        if (values is { Count: > 0 }) props[Keep + key] = JsonSerializer.Serialize(values);
    }

    /// <summary>TMX's <c>YYYYMMDDThhmmssZ</c>.</summary>
    public static string TmxDate(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string TmxDate(string stamp) =>
        DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? TmxDate(t) : stamp;

    private static string? FromTmxDate(string? tmx)
    {
        if (tmx is null) return null;
        // A file's units mostly share their dates: the last one converted on this thread is kept.
        if (tmx == _lastDate.Tmx) return _lastDate.Stamp;
        string? stamp = DateTime.TryParseExact(tmx, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? Stamp(new DateTimeOffset(t, TimeSpan.Zero)) : null;
        _lastDate = (tmx, stamp);
        return stamp;
    }

    [ThreadStatic] private static (string? Tmx, string? Stamp) _lastDate;

    private static string Stamp(DateTimeOffset t) => TextMeta.Stamp(t);
}
