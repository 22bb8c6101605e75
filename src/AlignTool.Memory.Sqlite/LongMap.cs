using System.Runtime.CompilerServices;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// A hash table from 64-bit keys to unmanaged values, for the writer's tables of a million entries and more (gram
/// numbers, units by hash, variants written): open addressing with linear probing in one array of (key, value)
/// entries, so a lookup costs one cache miss where <see cref="Dictionary{TKey, TValue}"/> costs two (its bucket, then
/// its entry) and a division. Keys are hashes already; they are mixed again all the same, so that keys sharing low bits
/// do not crowd.
/// </summary>
internal sealed class LongMap<TValue> where TValue : unmanaged
{
    private struct Entry
    {
        public long Key;
        public TValue Value;
        public bool Used;
    }

    private Entry[] _entries;
    private int _mask, _shift;

    public LongMap(int capacity = 1024)
    {
        int size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 1) * 4 / 3 + 1));
        _entries = new Entry[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The value of <paramref name="key"/>, added as <c>default</c> when it was not there.</summary>
    public ref TValue GetOrAdd(long key, out bool exists)
    {
        if (Count >= _entries.Length / 4 * 3) Grow(); // at most three quarters full
        var entries = _entries;
        int i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (!e.Used)
            {
                e.Used = true;
                e.Key = key;
                Count++;
                exists = false;
                return ref e.Value;
            }
            if (e.Key == key)
            {
                exists = true;
                return ref e.Value;
            }
            i = (i + 1) & _mask;
        }
    }

    public bool TryGetValue(long key, out TValue value)
    {
        var entries = _entries;
        int i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (!e.Used) break;
            if (e.Key == key)
            {
                value = e.Value;
                return true;
            }
            i = (i + 1) & _mask;
        }
        value = default;
        return false;
    }

    public void Clear()
    {
        Array.Clear(_entries);
        Count = 0;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _mask = _entries.Length - 1;
        _shift--;
        foreach (var e in old)
        {
            if (!e.Used) continue;
            int i = Slot(e.Key);
            while (_entries[i].Used) i = (i + 1) & _mask;
            _entries[i] = e;
        }
    }
}
