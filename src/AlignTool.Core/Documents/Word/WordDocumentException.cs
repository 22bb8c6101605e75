namespace AlignTool.Core.Documents.Word;

/// <summary>A file that is not a Word document AlignTool can read: not a zip, a zip bomb, password-protected, a part
/// missing or malformed. The message is one line, for <c>aligntool: error: FILE: message</c>.</summary>
public sealed class WordDocumentException(string message, Exception? inner = null) : FormatException(message, inner);
