namespace AlignTool.Core.Memory.Preparation;

/// <summary>
/// The distinct grams of one text, in the order first met: a table of open addressing that a preparer clears in
/// constant time (each slot carries the number of the text that filled it) and reuses for every text. An ingest adds
/// some forty grams a text, a million texts at a time; <see cref="HashSet{T}"/> spent more on each add than the scan
/// that finds the gram.
/// </summary>
internal sealed class GramSet
{
    private long[] _keys = new long[256];
    private int[] _stamps = new int[256];
    private long[] _items = new long[64];
    private int _stamp = 1;

    public int Count { get; private set; }

    public ReadOnlySpan<long> Items => _items.AsSpan(0, Count);

    public void Clear()
    {
        Count = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    public void Add(long gram)
    {
        int mask = _keys.Length - 1;
        // The grams are already hashes: their bits spread well; the multiply guards against grams made alike.
        int i = (int)(unchecked((ulong)(gram * -7046029254386353131L)) >> 40) & mask;
        while (_stamps[i] == _stamp)
        {
            if (_keys[i] == gram) return;
            i = (i + 1) & mask;
        }
        _stamps[i] = _stamp;
        _keys[i] = gram;
        if (Count == _items.Length) Array.Resize(ref _items, Count * 2);
        _items[Count++] = gram;
        if (Count * 2 > _keys.Length) Grow();
    }

    private void Grow()
    {
        var items = _items.AsSpan(0, Count).ToArray();
        _keys = new long[_keys.Length * 2];
        _stamps = new int[_keys.Length];
        _stamp = 1;
        Count = 0;
        foreach (var g in items) Add(g);
    }
}
