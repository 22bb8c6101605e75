using System.Text;
using AlignTool.Cli;
using AlignTool.Cli.Infrastructure;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var context = CliContext.FromProcess();
var code = App.Run(args, context);
context.Out.Flush();
if (Environment.GetEnvironmentVariable("ALIGNTOOL_REPORT_PEAK") == "1")
{
    // For the benchmarks that run aligntool as a child process.
    Console.Error.WriteLine($"peak working set: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB");
}
return code;
