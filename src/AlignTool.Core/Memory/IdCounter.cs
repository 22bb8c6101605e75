namespace AlignTool.Core.Memory;

/// <summary>
/// Counts how many of a query's grams each candidate text shares: an open-addressing table of ids (linear
/// probing, Fibonacci hashing), sized for the ids the prefix grams bring and reused from one lookup to the next.
/// A fuzzy lookup counts tens of thousands of postings; sorting them or a dictionary took most of its time.
/// </summary>
internal sealed class IdCounter
{
    private long[] _keys = new long[1024]; // id + 1; 0 is an empty slot
    private int[] _counts = new int[1024];
    private int _shift = 64 - 10;
    private int _mask = 1023;

    public int Count { get; private set; }

    /// <summary>Empties the table and makes room for about <paramref name="expected"/> ids.</summary>
    public void Reset(int expected)
    {
        int size = 1024;
        while (size < expected * 2) size <<= 1;
        if (_keys.Length < size)
        {
            _keys = new long[size];
            _counts = new int[size];
        }
        else
        {
            Array.Clear(_keys, 0, size);
        }
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        Count = 0;
    }

    private int Slot(long id) => (int)(unchecked((ulong)id * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Counts one more gram for <paramref name="id"/>, adding it when new.</summary>
    public void Add(long id)
    {
        long key = id + 1;
        for (int i = Slot(id); ; i = (i + 1) & _mask)
        {
            if (_keys[i] == key)
            {
                _counts[i]++;
                return;
            }
            if (_keys[i] == 0)
            {
                if (Count * 2 >= _mask) Grow();
                else
                {
                    _keys[i] = key;
                    _counts[i] = 1;
                    Count++;
                    return;
                }
                Add(id);
                return;
            }
        }
    }

    /// <summary>Counts one more gram for <paramref name="id"/> only when it is already a candidate.</summary>
    public void AddIfPresent(long id)
    {
        long key = id + 1;
        for (int i = Slot(id); ; i = (i + 1) & _mask)
        {
            if (_keys[i] == key)
            {
                _counts[i]++;
                return;
            }
            if (_keys[i] == 0) return;
        }
    }

    private void Grow()
    {
        var (keys, counts, used) = (_keys, _counts, _mask + 1);
        int size = used * 2;
        _keys = new long[size];
        _counts = new int[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        Count = 0;
        for (int i = 0; i < used; i++) // past the mask lie ids of earlier lookups
        {
            if (keys[i] == 0) continue;
            int j = Slot(keys[i] - 1);
            while (_keys[j] != 0) j = (j + 1) & _mask;
            _keys[j] = keys[i];
            _counts[j] = counts[i];
            Count++;
        }
    }

    /// <summary>The <paramref name="k"/> ids with the most grams, the newest (highest id) first on a tie.</summary>
    public List<long> Top(int k)
    {
        var heap = new PriorityQueue<long, (int Count, long Id)>();
        for (int i = 0; i <= _mask; i++)
        {
            if (_keys[i] == 0) continue;
            var entry = (_counts[i], _keys[i] - 1);
            if (heap.Count < k) heap.Enqueue(entry.Item2, entry);
            else if (heap.TryPeek(out _, out var least) && entry.CompareTo(least) > 0) heap.EnqueueDequeue(entry.Item2, entry);
        }
        var top = new List<long>(heap.Count);
        while (heap.TryDequeue(out var id, out _)) top.Add(id);
        top.Reverse();
        return top;
    }
}
