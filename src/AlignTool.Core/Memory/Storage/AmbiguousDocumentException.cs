namespace AlignTool.Core.Memory.Storage;

/// <summary>
/// A document was named by a name that more than one document of the memory carries
/// (<see cref="ITranslationMemory.RemoveDocument"/>): the caller must give its content hash. Every backend throws
/// this one, so that the command line answers alike whatever the memory is stored in.
/// </summary>
public sealed class AmbiguousDocumentException(string name, int count)
    : Exception($"'{name}' names {count} documents; give its content hash (see 'aligntool docs')")
{
    public string Name { get; } = name;
}
