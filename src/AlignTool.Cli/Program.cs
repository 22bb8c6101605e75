using System.Text;
using AlignTool.Cli;
using AlignTool.Cli.Infrastructure;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var context = CliContext.FromProcess();
var code = App.Run(args, context);
context.Out.Flush();
return code;
