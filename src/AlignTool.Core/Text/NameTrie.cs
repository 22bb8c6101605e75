namespace AlignTool.Core.Text;

/// <summary>
/// A fixed set of names (State names, month names) and where they start in a text: a trie whose first level is a
/// table over every UTF-16 code unit, so the characters that start no name (most of an Arabic or Chinese text) cost
/// one array read each, and the few that do are followed a character or two. Built once; safe to share between
/// threads.
/// <para>.NET's multi-string <c>SearchValues</c> does this with a dictionary lookup per character once the names are
/// not ASCII, which made it a tenth of an ingest's preparation.</para>
/// </summary>
public sealed class NameTrie
{
    // Node 0 is "none"; node n's children are _keys/_children[_first[n] .. _first[n] + _count[n]), keys ascending.
    private readonly int[] _root = new int[char.MaxValue + 1];
    private readonly int[] _first, _count, _children;
    private readonly char[] _keys;
    private readonly bool[] _ends;
    // The characters that start a name, when all are ASCII (English names): a vectorized search skips to them. Arabic
    // and Chinese start characters are too frequent in their texts for a skip to pay.
    private readonly System.Buffers.SearchValues<char>? _asciiStarts;

    public NameTrie(IEnumerable<string> names)
    {
        // Built as nested dictionaries, then laid out flat.
        var kids = new List<SortedDictionary<char, int>> { new(), new() }; // 0 unused, 1 the root
        var ends = new List<bool> { false, false };
        foreach (var name in names)
        {
            if (name.Length == 0) continue;
            int node = 1;
            foreach (char c in name)
            {
                if (!kids[node].TryGetValue(c, out int next))
                {
                    next = kids.Count;
                    kids.Add(new());
                    ends.Add(false);
                    kids[node][c] = next;
                }
                node = next;
            }
            ends[node] = true;
        }
        int n = kids.Count;
        _first = new int[n];
        _count = new int[n];
        _ends = [.. ends];
        var keys = new List<char>();
        var children = new List<int>();
        for (int k = 2; k < n; k++)
        {
            _first[k] = keys.Count;
            _count[k] = kids[k].Count;
            foreach (var (c, child) in kids[k])
            {
                keys.Add(c);
                children.Add(child);
            }
        }
        _keys = [.. keys];
        _children = [.. children];
        foreach (var (c, child) in kids[1]) _root[c] = child;
        if (kids[1].Keys.All(char.IsAscii)) _asciiStarts = System.Buffers.SearchValues.Create([.. kids[1].Keys]);
    }

    /// <summary>The length of the longest name that starts at <paramref name="start"/>, or 0.</summary>
    public int LongestAt(ReadOnlySpan<char> text, int start)
    {
        int node = _root[text[start]];
        if (node == 0) return 0;
        int longest = _ends[node] ? 1 : 0;
        for (int k = start + 1; k < text.Length; k++)
        {
            node = Child(node, text[k]);
            if (node == 0) break;
            if (_ends[node]) longest = k - start + 1;
        }
        return longest;
    }

    /// <summary>The first position at or after <paramref name="from"/> where a name starts, with its longest name's
    /// length; (-1, 0) when there is none.</summary>
    public (int Start, int Length) Next(ReadOnlySpan<char> text, int from)
    {
        for (int i = NextStart(text, from); i >= 0; i = NextStart(text, i + 1))
        {
            int length = LongestAt(text, i);
            if (length > 0) return (i, length);
        }
        return (-1, 0);
    }

    /// <summary>The first position at or after <paramref name="from"/> whose character starts some name (a name may
    /// still not be there), or -1.</summary>
    public int NextStart(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length) return -1;
        if (_asciiStarts is not null)
        {
            int skip = text[from..].IndexOfAny(_asciiStarts);
            return skip < 0 ? -1 : from + skip;
        }
        for (int i = from; i < text.Length; i++) if (_root[text[i]] != 0) return i;
        return -1;
    }

    /// <summary>Whether any name occurs in <paramref name="text"/>.</summary>
    public bool Occurs(ReadOnlySpan<char> text) => Next(text, 0).Start >= 0;

    private int Child(int node, char c)
    {
        int first = _first[node], end = first + _count[node];
        for (int k = first; k < end; k++)
        {
            char key = _keys[k];
            if (key == c) return _children[k];
            if (key > c) break;
        }
        return 0;
    }
}
