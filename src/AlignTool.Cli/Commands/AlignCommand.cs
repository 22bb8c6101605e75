using System.CommandLine;
using System.Globalization;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool align SRC TGT</c>: two language versions aligned sentence by sentence.</summary>
internal static class AlignCommand
{
    public static Command Create(CliContext context)
    {
        var src = new Argument<string>("SRC") { Description = "The source version (Markdown or Word .docx, or one sentence a line with --presegmented; '-': stdin)" };
        var tgt = new Argument<string>("TGT") { Description = "The target version" };
        var srcLang = LanguageOption<string?>.Create(n => CommonOptions.Language(n, "Language of SRC: auto, en, ar or zh"), "--from", "--src-lang", "--src");
        var tgtLang = LanguageOption<string?>.Create(n => CommonOptions.Language(n, "Language of TGT: auto, en, ar or zh"), "--to", "--tgt-lang");
        var presegmented = new Option<bool>("--presegmented") { Description = "The inputs hold one sentence a line" };
        var dictionary = new Option<string?>("--dictionary") { HelpName = "FILE", Description = "A bilingual word list: TSV of source word, target word" };
        var format = new Option<string>("--format") { HelpName = "tsv|jsonl", Description = "tsv (src, tgt, confidence) or jsonl (src and tgt ids, confidence)", DefaultValueFactory = _ => "tsv" };
        format.AcceptOnlyFromAmong("tsv", "jsonl");
        var tm = new Option<string?>("--tm") { Description = "Read the English–Arabic or English–Chinese pairs of this memory as lexical evidence (default: $ALIGNTOOL_TM when set)", HelpName = "FILE" };
        var noMemory = new Option<bool>("--no-memory") { Description = "No lexical evidence from a memory, the catalogue or the glossary: the pair alone" };
        var command = new CliCommand("align", "Align two language versions: blocks first, then sentences inside aligned blocks",
            "aligntool align report.en.md report.ar.md --tm team.db --format jsonl") { src, tgt };
        srcLang.AddTo(command);
        tgtLang.AddTo(command);
        command.Add(presegmented);
        command.Add(dictionary);
        command.Add(format);
        command.Add(tm);
        command.Add(noMemory);
        command.SetAction(parse =>
        {
            var (sPath, tPath) = (parse.GetValue(src)!, parse.GetValue(tgt)!);
            var (sBlocks, sl) = Blocks(sPath, srcLang.Get(parse), parse.GetValue(presegmented), srcLang.NameUsed(parse), context);
            var (tBlocks, tl) = Blocks(tPath, tgtLang.Get(parse), parse.GetValue(presegmented), tgtLang.NameUsed(parse), context);
            var s = sBlocks.SelectMany(b => b).ToList();
            var t = tBlocks.SelectMany(b => b).ToList();
            if (s.Count == 0 || t.Count == 0 || Math.Max(s.Count, t.Count) > 3 * Math.Max(1, Math.Min(s.Count, t.Count)))
                context.Warn(null, $"the versions differ wildly in length ({s.Count} and {t.Count} sentences): expect unaligned sentences (1-0, 0-1 beads)");
            var options = AlignOptions.Default with
            {
                Dictionary = parse.GetValue(dictionary) is { } d ? ReadDictionary(d, context) : null,
                Lexicon = parse.GetValue(noMemory) ? null : KnownLexicon(parse.GetValue(tm), sl, tl, context),
            };
            var beads = new DocumentAligner(options).Align(sBlocks, sl, tBlocks, tl);
            Write(beads, s, t, tl, parse.GetValue(format)!, new SentenceAligner(options), context);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Write(IReadOnlyList<Bead> beads, IReadOnlyList<string> s, IReadOnlyList<string> t, string tl, string format, SentenceAligner aligner, CliContext context)
    {
        var jsonl = new Jsonl(context.Out);
        foreach (var b in beads)
        {
            if (format == "jsonl")
            {
                jsonl.Write(w =>
                {
                    w.WriteStartArray("src"); foreach (var i in b.Source) w.WriteNumberValue(i); w.WriteEndArray();
                    w.WriteStartArray("tgt"); foreach (var j in b.Target) w.WriteNumberValue(j); w.WriteEndArray();
                    w.WriteNumber("confidence", b.Confidence);
                    w.WriteBoolean("review", aligner.NeedsReview(b));
                });
            }
            else
            {
                var sep = tl == LanguageTag.Chinese ? "" : " ";
                context.Out.WriteLine($"{Clean(string.Join(" ", b.Source.Select(i => s[i])))}\t{Clean(string.Join(sep, b.Target.Select(j => t[j])))}\t{b.Confidence.ToString("0.000", CultureInfo.InvariantCulture)}");
            }
        }
        int review = beads.Count(aligner.NeedsReview);
        context.Note($"{beads.Count} bead(s): {string.Join(", ", beads.GroupBy(b => b.Shape).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}; {review} flagged for review");
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ');

    /// <summary>
    /// The word list known before the pair is read: the catalogue's and the glossary's English–Arabic or
    /// English–Chinese pairs, with those of the memory named by <c>--tm</c> (or <c>ALIGNTOOL_TM</c>). Null when
    /// neither language is English.
    /// </summary>
    private static BilingualLexicon? KnownLexicon(string? tm, string sl, string tl, CliContext context)
    {
        var path = !string.IsNullOrEmpty(tm) ? tm : context.Environment.GetValueOrDefault("ALIGNTOOL_TM");
        if (string.IsNullOrEmpty(path)) return MemoryLexicon.Known(null, sl, tl);
        if (!AlignTool.Memory.Postgres.PostgresLocation.IsUrl(path) && !File.Exists(path)) throw new CliException(ExitCodes.MemoryError, path, "no memory at this path");
        using var memory = MemoryAccess.Open(path, context, MemoryUse.Read);
        try
        {
            return MemoryLexicon.Known(memory, sl, tl);
        }
        catch (AlignTool.Memory.Sqlite.MemoryException e)
        {
            throw new CliException(ExitCodes.MemoryError, e.Path, e.Message, inner: e);
        }
    }

    /// <summary>A version's sentences by block (one block of all lines with <paramref name="presegmented"/>), and its language.</summary>
    internal static (List<IReadOnlyList<string>> Blocks, string Lang) Blocks(string path, string? lang, bool presegmented, string option, CliContext context)
    {
        // An empty version aligns as deletions; a Word document is read as its text.
        var text = presegmented ? InputFiles.ReadText(path, context, allowEmpty: true) : InputFiles.ReadDocumentText(path, context, allowEmpty: true);
        var blocks = new List<IReadOnlyList<string>>();
        if (presegmented)
        {
            blocks.Add(text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList());
        }
        else
        {
            var doc = InputFiles.Parsing(path, () => new DocumentParser().Parse(InputFiles.NameOf(path), text));
            blocks.AddRange(VersionSentences.ByBlock(doc));
        }
        var sentences = blocks.SelectMany(b => b).ToList();
        var detected = VersionSentences.Language(blocks);
        if (lang is not null && LanguageTag.IsSupported(detected) && detected != lang)
            throw CliException.BadInput(path, $"the text is in {Name(detected)}, not {Name(lang)} as {option} says");
        if (sentences.Count == 0) return (blocks, lang ?? LanguageTag.English);
        var result = lang ?? detected;
        if (!LanguageTag.IsSupported(result)) throw CliException.BadInput(path, "the text is in no language AlignTool supports (give --from/--to)");
        return (blocks, result);
    }

    private static string Name(string lang) => AlignTool.Core.Placeables.Codes.Default.NameOf(lang);

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadDictionary(string path, CliContext context)
    {
        var d = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in InputFiles.ReadText(path, context).Split('\n'))
        {
            line++;
            var l = raw.TrimEnd('\r');
            if (l.Length == 0 || l.StartsWith('#')) continue;
            var cells = l.Split('\t');
            if (cells.Length < 2) throw CliException.BadInput(path, "expected 'source word<TAB>target word'", line);
            var key = cells[0].Trim().ToLowerInvariant();
            if (!d.TryGetValue(key, out var list)) d[key] = list = [];
            list.Add(cells[1].Trim());
        }
        return d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
    }
}
