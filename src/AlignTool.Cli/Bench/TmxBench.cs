using System.Diagnostics;
using System.Text.RegularExpressions;
using AlignTool.Cli.Infrastructure;

namespace AlignTool.Cli.Bench;

/// <summary>
/// TMX benchmark: export a large memory to TMX and import it into an empty one, each in a child process
/// (<c>aligntool export</c> / <c>aligntool import</c>, as a user runs them), with wall time, units per second and the
/// child's peak memory.
/// </summary>
internal sealed class TmxBench(CliContext context)
{
    public sealed record Settings(string? Memory, int Units, int Seed);

    public int Run(Settings s)
    {
        var o = context.Out;
        BenchLeftovers.Remove(context.Err);
        var dir = Path.Combine(Path.GetTempPath(), $"aligntool-tmxbench-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            var memory = s.Memory;
            if (memory is null)
            {
                memory = Path.Combine(dir, "source.db");
                new MemoryBench(context).Run(new MemoryBench.Settings(s.Units, 0, 0, memory, s.Seed));
            }
            var tmx = Path.Combine(dir, "export.tmx");
            o.WriteLine($"## TMX benchmark: {memory}");
            var (exportTime, exportPeak, exportErr) = Child("export", "--tm", memory, "--out", tmx);
            int units = int.Parse(Regex.Match(exportErr, @"exported (\d+) unit").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            o.WriteLine($"export: {units:N0} units in {exportTime.TotalSeconds:F1} s ({units / exportTime.TotalSeconds:N0} units/s), {new FileInfo(tmx).Length / 1e6:F0} MB of TMX, peak working set {exportPeak}");
            var target = Path.Combine(dir, "imported.db");
            var (importTime, importPeak, _) = Child("import", tmx, "--tm", target);
            o.WriteLine($"import: {units:N0} units in {importTime.TotalSeconds:F1} s ({units / importTime.TotalSeconds:N0} units/s, one transaction), peak working set {importPeak}");
            return ExitCodes.Success;
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static (TimeSpan Time, string Peak, string Err) Child(params string[] args)
    {
        var host = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(TmxBench).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ALIGNTOOL_REPORT_PEAK"] = "1";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var text = err.Result;
        if (p.ExitCode != 0) throw new CliException(ExitCodes.MemoryError, null, $"aligntool {args[0]} failed: {text.Trim()}");
        var peak = Regex.Match(text, @"peak working set: (\d+ MB)").Groups[1].Value;
        return (sw.Elapsed, peak, text);
    }
}
