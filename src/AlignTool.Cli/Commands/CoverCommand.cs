using System.CommandLine;
using System.Text.Json;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;
using AlignTool.Core.Documents;
using AlignTool.Core.Placeables;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool cover FILE</c>: each cover field of an Arabic or Chinese document with its English counterpart.</summary>
internal static class CoverCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "An Arabic or Chinese UN document (Markdown or Word .docx; '-': stdin)" };
        var format = CommonOptions.Format();
        var command = new CliCommand("cover", "List the cover-page fields with their English counterparts (catalogue, annex heading, memory)",
            "aligntool cover tm-data/corpus/000_dc598133e6e0d6df.txt --format jsonl") { file, format };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var doc = InputFiles.ReadDocument(path, ParseOptions.Default, context);
            var result = new CoverAligner().Align(doc);
            if (result.Status == CoverStatus.Aligned) foreach (var note in result.Notes) context.Warn(path, note);
            else context.Note($"aligntool: {path}: {result.Notes.FirstOrDefault()}");
            if (parse.GetValue(format) == OutputFormat.Jsonl) WriteJsonl(result, context);
            else WriteText(doc, result, context);
            if (result.Status == CoverStatus.Aligned)
            {
                int english = result.Fields.Count(f => f.English is not null);
                int partial = result.Fields.Count(f => f.English is null && f.Parts.Count > 0);
                context.Note($"{result.Fields.Count} cover field(s): {english} with an English counterpart, {partial} partly aligned, {result.Fields.Count - english - partial} unaligned");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Via(EnglishSource source) => source switch
    {
        EnglishSource.Catalog => "catalog",
        EnglishSource.Annex => "annex",
        EnglishSource.Memory => "memory",
        _ => "",
    };

    internal static void WriteSlots(Utf8JsonWriter w, IReadOnlyList<SlotValue> slots)
    {
        w.WriteStartObject("slots");
        var seen = new Dictionary<string, int>();
        foreach (var v in slots)
        {
            var name = v.Kind.Name();
            int n = seen.GetValueOrDefault(name) + 1;
            seen[name] = n;
            w.WriteString(n == 1 ? name : $"{name}-{n}", v.Canonical);
        }
        w.WriteEndObject();
    }

    private static void WriteJsonl(CoverAlignment result, CliContext context)
    {
        var jsonl = new Jsonl(context.Out);
        foreach (var f in result.Fields)
        {
            jsonl.Write(w =>
            {
                w.WriteString("field", f.Field.Name());
                w.WriteString("lang", f.Lang);
                w.WriteString("text", f.Text);
                if (f.English is null) w.WriteNull("english"); else w.WriteString("english", f.English);
                WriteSlots(w, f.Slots);
                if (f.Via == EnglishSource.None) w.WriteNull("via"); else w.WriteString("via", Via(f.Via));
                if (f.ViaDetail is not null) w.WriteString("entry", f.ViaDetail);
                w.WriteNumber("block", f.BlockIndex);
                if (f.Parts.Count > 0 || f.Unaligned.Count > 0)
                {
                    w.WriteStartArray("parts");
                    foreach (var p in f.Parts)
                    {
                        w.WriteStartObject();
                        w.WriteString("text", p.Text);
                        w.WriteString("english", p.English);
                        w.WriteNumber("start", p.Span.Start);
                        w.WriteNumber("length", p.Span.Length);
                        w.WriteString("entry", p.EntryId);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("unaligned");
                    foreach (var u in f.Unaligned)
                    {
                        w.WriteStartObject();
                        w.WriteString("text", u.Of(f.Text));
                        w.WriteNumber("start", u.Start);
                        w.WriteNumber("length", u.Length);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (f.Conflict is not null) w.WriteString("conflict", f.Conflict);
            });
        }
    }

    private static void WriteText(Document doc, CoverAlignment result, CliContext context)
    {
        var o = context.Out;
        if (result.Status != CoverStatus.Aligned) return;
        o.WriteLine($"{doc.Name}: cover page in {result.Lang}, {result.Fields.Count} field(s)");
        o.WriteLine();
        foreach (var f in result.Fields)
        {
            o.WriteLine($"{f.Field.Name(),-18} {f.Lang,-3} {f.Text}");
            if (f.English is not null)
            {
                var slots = f.Slots.Count == 0 ? "" : "; " + string.Join(", ", f.Slots.Select(s => $"{s.Kind.Name()}={s.Canonical}"));
                o.WriteLine($"{"",-18} en  {f.English}   [{Via(f.Via)}: {f.ViaDetail}{slots}]");
            }
            else if (f.Parts.Count > 0)
            {
                foreach (var p in f.Parts) o.WriteLine($"{"",-18} ~   \"{p.Text}\" = \"{p.English}\"   [{p.EntryId}]");
                foreach (var u in f.Unaligned) o.WriteLine($"{"",-18} ?   unaligned: \"{u.Of(f.Text)}\"");
            }
            else
            {
                o.WriteLine($"{"",-18} ?   no English counterpart known");
            }
            if (f.Conflict is not null) o.WriteLine($"{"",-18} !   {f.Conflict}");
        }
    }
}
