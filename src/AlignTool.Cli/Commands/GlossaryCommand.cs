using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Interchange.Tbx;
using AlignTool.Core.Qa;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool glossary export --out X.tbx</c>: the glossary <c>qa</c> uses, as TBX 3.</summary>
internal static class GlossaryCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { HelpName = "FILE", Description = "The TBX file to write ('-': stdout)", Required = true };
        var from = new Option<string?>("--glossary") { HelpName = "FILE", Description = "Convert this glossary (TBX 2, TBX 3 or TSV) instead of the product's (tm-data/glossary/un-terms.tbx)" };
        var export = new CliCommand("export", """
            Write the glossary qa checks terms against as TBX 3 (ISO 30042:2019), TBX-Basic dialect, DCA style: one
            conceptEntry per English term, its Arabic and Chinese terms preferred or deprecated (forbidden).
            """,
            "aligntool glossary export --out un-terms.tbx",
            "aligntool glossary export --glossary old-tbx2.tbx --out new-tbx3.tbx") { output, from };
        export.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            OutputFiles.Check(path);
            var glossary = parse.GetValue(from) is { } source ? GlossaryFiles.Read(source, context) : Glossary.Default;
            using (var o = OutputFiles.OpenText(path, context.Out))
                OutputFiles.Guard(path, () => { TbxWriter.Write(o, glossary); return 0; });
            context.Note($"exported {glossary.Entries.Count} glossary entr{(glossary.Entries.Count == 1 ? "y" : "ies")} as TBX 3 to {(path == OutputFiles.Stdout ? "stdout" : path)}");
            return ExitCodes.Success;
        });
        return new CliCommand("glossary", "Terminology: export the glossary as TBX 3", "aligntool glossary export --out un-terms.tbx") { export };
    }
}
