using AlignTool.Core.Documents.Word;

namespace AlignTool.Cli.Infrastructure;

/// <summary>A document's source text as read, and the Word document it came from (<c>null</c> for Markdown and plain text).</summary>
internal sealed record DocumentInput(string Text, WordSource? Word);
