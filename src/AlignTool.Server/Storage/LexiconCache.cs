using System.Collections.Concurrent;
using AlignTool.Core.Alignment;

namespace AlignTool.Server.Storage;

/// <summary>
/// The word lists <c>/api/align</c> reads as lexical evidence (Core's <see cref="MemoryLexicon.Known"/>: the catalogue,
/// the glossary and up to 50,000 of the memory's pairs, about a second to induce), kept per language pair until the
/// memory is written through this server.
/// </summary>
internal sealed class LexiconCache
{
    private readonly ConcurrentDictionary<(string, string), Lazy<BilingualLexicon?>> _lists = new();

    public BilingualLexicon? Get(string sourceLang, string targetLang, Func<BilingualLexicon?> induce) =>
        _lists.GetOrAdd((sourceLang, targetLang), _ => new Lazy<BilingualLexicon?>(induce, LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>The memory changed: the next alignment induces its word list again.</summary>
    public void Clear() => _lists.Clear();
}
