namespace AlignTool.Memory.Sqlite;

/// <summary>
/// Postings gathered in memory before they are written: each is a (gram number, id) pair appended to two flat
/// arrays, the gram numbered densely on first sight. Drained by a counting sort on the gram number, which groups
/// each gram's ids in the order they came (ascending) in two sequential passes; chains or a list per gram cost a
/// cache miss per posting at that size.
/// <para>Ids are held as 32-bit numbers (a memory's ids are dense from 1, and two billion rows is far past any
/// memory's size): 8 bytes a posting while gathered and 12 while drained, where 64-bit ids took 12 and 20, so that the
/// buffer holds more postings and is written out fewer times for the same memory.</para>
/// </summary>
internal sealed class PostingBuffer
{
    private readonly LongMap<int> _numbers = new(1 << 16);
    private readonly List<long> _grams = [];
    private int[] _gramOf = new int[1024];
    private int[] _ids = new int[1024];
    private int[] _sorted = [];
    private long[] _segment = new long[1024];

    /// <summary>Postings held.</summary>
    public int Count { get; private set; }

    public void Add(IReadOnlyCollection<long> grams, long id)
    {
        if (grams is long[] array) Add(array.AsSpan(), id);
        else Add(grams.ToArray().AsSpan(), id);
    }

    public void Add(ReadOnlySpan<long> grams, long id)
    {
        if (id is <= 0 or > int.MaxValue)
        {
            throw new InvalidOperationException($"row id {id} is outside what the posting buffer holds (1 to {int.MaxValue})");
        }
        if (Count + grams.Length > _ids.Length)
        {
            int size = Math.Max(_ids.Length * 2, Count + grams.Length);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _gramOf, size);
        }
        foreach (var gram in grams)
        {
            ref int number = ref _numbers.GetOrAdd(gram, out bool exists);
            if (!exists)
            {
                number = _grams.Count;
                _grams.Add(gram);
            }
            _gramOf[Count] = number;
            _ids[Count] = (int)id;
            Count++;
        }
    }

    /// <summary>Each gram with its ids in the order they were added; the buffer is empty afterwards. A segment is
    /// valid until the next one is read.</summary>
    public IEnumerable<(long Gram, ArraySegment<long> Ids)> Drain()
    {
        int grams = _grams.Count;
        var start = new int[grams + 1];
        for (int i = 0; i < Count; i++) start[_gramOf[i] + 1]++;
        for (int g = 0; g < grams; g++) start[g + 1] += start[g];
        if (_sorted.Length < Count) _sorted = new int[_ids.Length];
        var next = (int[])start.Clone();
        for (int i = 0; i < Count; i++) _sorted[next[_gramOf[i]]++] = _ids[i];
        for (int g = 0; g < grams; g++)
        {
            int n = start[g + 1] - start[g];
            if (_segment.Length < n) _segment = new long[Math.Max(n, _segment.Length * 2)];
            for (int k = 0; k < n; k++) _segment[k] = _sorted[start[g] + k];
            yield return (_grams[g], new ArraySegment<long>(_segment, 0, n));
        }
        _numbers.Clear();
        _grams.Clear();
        Count = 0;
    }
}
