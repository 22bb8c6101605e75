using System.CommandLine;
using AlignTool.Cli.Bench;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool bench AREA</c>: benchmarks that print figures (never timed unit tests).</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new CliCommand("bench", "Run a benchmark and print its figures (run with dotnet run -c Release)", "aligntool bench prefill", "aligntool bench memory --units 100000");
        command.Add(Segmentation(context));
        command.Add(Memory(context));
        command.Add(Tmx(context));
        var set = new Option<string?>("--set") { HelpName = "DIR", Description = "A further gold set: a folder of src.txt, tgt.txt and gold.txt ([src ids]:[tgt ids] lines)" };
        var only = new Option<string?>("--only") { Description = "Run one set in this process and print its line", Hidden = true };
        var align = new CliCommand("align", "Strict and lax P/R/F1, time and peak memory on every alignment gold set, side by side",
            "aligntool bench align", "aligntool bench align --set my-gold/") { set, only };
        align.SetAction(parse => new AlignBench(context).Run(parse.GetValue(set), parse.GetValue(only)));
        command.Add(align);
        var pages = new Option<int>("--pages") { HelpName = "N", Description = "Pages of 500 words to generate", DefaultValueFactory = _ => 200 }.AtLeast(1);
        var tm = MemoryAccess.TmOption();
        var prefill = new CliCommand("prefill", "Time and peak memory to prefill a long English document", "aligntool bench prefill --pages 200") { pages, tm };
        prefill.SetAction(parse => MemoryAccess.Guard(() => new PrefillBench(context).Run(parse.GetValue(pages), parse.GetValue(tm))));
        command.Add(prefill);
        command.Add(Serve(context));
        return command;
    }

    private static Command Serve(CliContext context)
    {
        var units = new Option<int>("--units") { HelpName = "N", Description = "Units to generate when no --tm is given", DefaultValueFactory = _ => 1_000_000 }.AtLeast(1);
        var seconds = new Option<int>("--seconds") { HelpName = "N", Description = "Length of each of the two runs", DefaultValueFactory = _ => 30 }.AtLeast(1);
        var clients = new Option<int>("--clients") { HelpName = "N", Description = "Concurrent clients", DefaultValueFactory = _ => 32 }.AtLeast(1);
        var rate = new Option<int>("--rate") { HelpName = "N", Description = "Requests a second offered in all in the first run", DefaultValueFactory = _ => 300 }.AtLeast(1);
        var tm = new Option<string?>("--tm") { HelpName = "FILE|URL", Description = "Serve this memory (made by 'bench memory --keep FILE') instead of generating one; or a PostgreSQL server's URL (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=NAME]): the generated units go into it too, in a schema of the run's own (dropped after), and both are served side by side" };
        var seed = new Option<int>("--seed") { HelpName = "N", Description = "Random seed of the generator", DefaultValueFactory = _ => 42 };
        var command = new CliCommand("serve", "Lookups over HTTP on loopback: p50/p95/p99 and errors at an offered rate, then the throughput back to back",
            "aligntool bench serve --units 1000000 --clients 32 --rate 300 --seconds 30") { units, seconds, clients, rate, tm, seed };
        command.SetAction(parse => MemoryAccess.Guard(() => new ServeBench(context).Run(new ServeBench.Settings(
            parse.GetValue(units), parse.GetValue(seconds), parse.GetValue(clients), parse.GetValue(rate), parse.GetValue(tm), parse.GetValue(seed)))));
        return command;
    }

    private static Command Tmx(CliContext context)
    {
        var tm = new Option<string?>("--tm") { HelpName = "FILE", Description = "Export this memory (default: generate one)" };
        var units = new Option<int>("--units") { HelpName = "N", Description = "Units to generate when no --tm is given", DefaultValueFactory = _ => 1_000_000 }.AtLeast(1);
        var seed = new Option<int>("--seed") { HelpName = "N", Description = "Random seed of the generator", DefaultValueFactory = _ => 42 };
        var command = new CliCommand("tmx", "Export and import rates of TMX on a large memory, and peak memory", "aligntool bench tmx --units 100000") { tm, units, seed };
        command.SetAction(parse => MemoryAccess.Guard(() => new TmxBench(context).Run(new TmxBench.Settings(parse.GetValue(tm), parse.GetValue(units), parse.GetValue(seed)))));
        return command;
    }

    private static Command Memory(CliContext context)
    {
        var units = new Option<int>("--units") { HelpName = "N", Description = "Units to generate", DefaultValueFactory = _ => 1_000_000 }.AtLeast(1);
        var queries = new Option<int>("--queries") { HelpName = "N", Description = "Lookups to time", DefaultValueFactory = _ => 1000 }.AtLeast(0);
        var scan = new Option<int>("--scan-queries") { HelpName = "N", Description = "Lookups to time by a linear scan (0 to skip)", DefaultValueFactory = _ => 5 }.AtLeast(0);
        var path = new Option<string?>("--keep") { HelpName = "FILE", Description = "Keep the generated memory in this file" };
        var seed = new Option<int>("--seed") { HelpName = "N", Description = "Random seed of the generator", DefaultValueFactory = _ => 42 };
        var prepareOnly = new Option<bool>("--prepare-only") { Description = "Time reading and preparing the units alone, nothing stored" };
        var pgTm = new Option<string?>("--tm") { HelpName = "URL", Description = "Also measure a PostgreSQL memory (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB), in a schema of the run's own, with 16 concurrent clients, beside SQLite" };
        var pgTrgm = new Option<int>("--pg-trgm") { HelpName = "N", Description = "With --tm: for the first N lookups' texts, also find fuzzy candidates through pg_trgm beside the gram index and measure both (recall against a linear scan, latency)", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var command = new CliCommand("memory", "Ingest rate, bytes per unit, lookup p50/p95/p99 and the linear-scan ratio on a generated memory", "aligntool bench memory --units 1000000 --queries 1000")
        {
            units, queries, scan, path, seed, prepareOnly, pgTm, pgTrgm,
        };
        command.SetAction(parse => MemoryAccess.Guard(() => new MemoryBench(context).Run(new MemoryBench.Settings(
            parse.GetValue(units), parse.GetValue(queries), parse.GetValue(scan), parse.GetValue(path), parse.GetValue(seed), parse.GetValue(prepareOnly), parse.GetValue(pgTm), parse.GetValue(pgTrgm)))));
        return command;
    }

    private static Command Segmentation(CliContext context)
    {
        var golden = new Option<string?>("--golden") { HelpName = "FILE", Description = "golden-rules.json (default: ../shared/bench/segmentation/golden-rules.json)" };
        var mb = new Option<int>("--mb") { HelpName = "N", Description = "MB of text per language for throughput", DefaultValueFactory = _ => 10 }.AtLeast(1);
        var big = new Option<int>("--big-mb") { HelpName = "N", Description = "Size of the large streamed input in MB (0 to skip)", DefaultValueFactory = _ => 100 }.AtLeast(0);
        var seeds = new Option<string?>("--seeds") { HelpName = "DIR", Description = "Folder of documents to draw text from (default: tm-data/corpus)" };
        var failures = new Option<bool>("--show-failures") { Description = "List the golden-rule cases that fail" };
        var command = new CliCommand("segmentation", "Golden-rules pass counts, throughput per language, time and peak memory on a large input", "aligntool bench segmentation --mb 10 --big-mb 100")
        {
            golden, mb, big, seeds, failures,
        };
        command.SetAction(parse => new SegmentationBench(context).Run(new SegmentationBench.Settings(
            parse.GetValue(golden), parse.GetValue(mb), parse.GetValue(big), parse.GetValue(seeds), parse.GetValue(failures))));
        return command;
    }
}
