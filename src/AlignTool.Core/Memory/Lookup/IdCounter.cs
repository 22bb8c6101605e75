namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// Counts how many of a query's grams each candidate text shares. Ids below <see cref="DenseLimit"/> (every id of
/// any memory we have seen) count in a byte per id, reused from one lookup to the next (a memory of a million
/// texts: a megabyte, which the processor's cache holds); larger ones in an open-addressing table (linear
/// probing, Fibonacci hashing). A fuzzy lookup counts tens of thousands of postings; sorting them or a
/// dictionary took most of its time.
/// </summary>
internal sealed class IdCounter
{
    /// <summary>Ids counted one byte each: 64 MB at most.</summary>
    public const long DenseLimit = 1 << 26;

    private byte[] _dense = [];
    private readonly List<long> _touched = [];

    private long[] _keys = new long[1024]; // id + 1; 0 is an empty slot
    private int[] _counts = new int[1024];
    private int _shift = 64 - 10;
    private int _mask = 1023;

    private int _hashed;

    public int Count => _touched.Count + _hashed;

    /// <summary>Empties the counter: the bytes it touched and the table, which starts small again.</summary>
    public void Reset()
    {
        foreach (var id in _touched) _dense[id] = 0;
        _touched.Clear();
        const int size = 1024;
        Array.Clear(_keys, 0, size);
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        _hashed = 0;
    }

    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go (linear probing).</summary>
    private int Probe(long key)
    {
        int i = (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_keys[i] != 0 && _keys[i] != key) i = (i + 1) & _mask;
        return i;
    }

    /// <summary>Counts one more gram for <paramref name="id"/>, adding it when new.</summary>
    public void Add(long id)
    {
        if (id is >= 0 and < DenseLimit)
        {
            if (id >= _dense.Length) Array.Resize(ref _dense, (int)Math.Min(DenseLimit, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)id + 1)));
            ref byte count = ref _dense[id];
            if (count == 0) _touched.Add(id);
            if (count < byte.MaxValue) count++;
            return;
        }
        long key = id + 1;
        int slot = Probe(key);
        if (_keys[slot] == key)
        {
            _counts[slot]++;
            return;
        }
        if (_hashed * 2 >= _mask)
        {
            Grow();
            slot = Probe(key);
        }
        _keys[slot] = key;
        _counts[slot] = 1;
        _hashed++;
    }

    /// <summary>Counts one more gram for <paramref name="id"/> only when it is already a candidate.</summary>
    public void AddIfPresent(long id)
    {
        if (id is >= 0 and < DenseLimit)
        {
            if (id < _dense.Length && _dense[id] is > 0 and < byte.MaxValue) _dense[id]++;
            return;
        }
        int slot = Probe(id + 1);
        if (_keys[slot] == id + 1) _counts[slot]++;
    }

    private void Grow()
    {
        var (keys, counts, used) = (_keys, _counts, _mask + 1);
        int size = used * 2;
        _keys = new long[size];
        _counts = new int[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        _hashed = 0;
        for (int i = 0; i < used; i++) // past the mask lie ids of earlier lookups
        {
            if (keys[i] == 0) continue;
            int j = Probe(keys[i]);
            _keys[j] = keys[i];
            _counts[j] = counts[i];
            _hashed++;
        }
    }

    /// <summary>The <paramref name="k"/> ids with the most grams, the newest (highest id) first on a tie.</summary>
    public List<long> Top(int k)
    {
        // Counts are small: a histogram of the dense counts gives the least count that can enter the top, so that
        // only the few ids at or above it go through the heap.
        Span<int> histogram = stackalloc int[byte.MaxValue + 1];
        foreach (var id in _touched) histogram[_dense[id]]++;
        int threshold = 1;
        for (int c = byte.MaxValue, seen = 0; c >= 1; c--)
        {
            seen += histogram[c];
            if (seen >= k) { threshold = c; break; }
        }
        var heap = new PriorityQueue<long, (int Count, long Id)>();
        void Offer((int Count, long Id) entry)
        {
            if (heap.Count < k) heap.Enqueue(entry.Id, entry);
            else if (heap.TryPeek(out _, out var least) && entry.CompareTo(least) > 0) heap.EnqueueDequeue(entry.Id, entry);
        }
        foreach (var id in _touched)
        {
            if (_dense[id] >= threshold) Offer((_dense[id], id));
        }
        if (_hashed > 0)
        {
            for (int i = 0; i <= _mask; i++)
            {
                if (_keys[i] != 0) Offer((_counts[i], _keys[i] - 1));
            }
        }
        var top = new List<long>(heap.Count);
        while (heap.TryDequeue(out var id, out _)) top.Add(id);
        top.Reverse();
        return top;
    }
}
