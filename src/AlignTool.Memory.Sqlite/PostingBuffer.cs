namespace AlignTool.Memory.Sqlite;

/// <summary>
/// Postings gathered in memory before they are written: for each gram a chain of ids threaded through two flat
/// arrays (no list per gram), so that adding the fifty-odd grams of a text costs a dictionary probe each.
/// </summary>
internal sealed class PostingBuffer
{
    private readonly Dictionary<long, int> _heads = [];
    private long[] _ids = new long[1024];
    private int[] _next = new int[1024];

    /// <summary>Postings held.</summary>
    public int Count { get; private set; }

    public void Add(IReadOnlyCollection<long> grams, long id)
    {
        if (grams is long[] array) Add(array.AsSpan(), id);
        else Add(grams.ToArray().AsSpan(), id);
    }

    public void Add(ReadOnlySpan<long> grams, long id)
    {
        foreach (var gram in grams)
        {
            if (Count == _ids.Length)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
                Array.Resize(ref _next, _next.Length * 2);
            }
            ref int head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_heads, gram, out bool exists);
            _ids[Count] = id;
            _next[Count] = exists ? head : -1;
            head = Count;
            Count++;
        }
    }

    /// <summary>Each gram with its ids in ascending order; the buffer is empty afterwards.</summary>
    public IEnumerable<(long Gram, List<long> Ids)> Drain()
    {
        var ids = new List<long>();
        foreach (var (gram, head) in _heads)
        {
            ids.Clear();
            for (int i = head; i >= 0; i = _next[i]) ids.Add(_ids[i]);
            // Ids were added in ascending order and the chain runs backwards; a sort keeps any order right.
            ids.Reverse();
            if (!IsSorted(ids)) ids.Sort();
            yield return (gram, ids);
        }
        _heads.Clear();
        Count = 0;
    }

    private static bool IsSorted(List<long> ids)
    {
        for (int i = 1; i < ids.Count; i++) if (ids[i] < ids[i - 1]) return false;
        return true;
    }
}
