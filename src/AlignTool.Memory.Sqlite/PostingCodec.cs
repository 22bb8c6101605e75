namespace AlignTool.Memory.Sqlite;

/// <summary>Sorted id lists as delta-encoded varints: a posting chunk is a few bytes per id.</summary>
internal static class PostingCodec
{
    /// <summary>The most bytes <paramref name="ids"/> ids take (ten bytes a 64-bit varint).</summary>
    public static int MaxBytes(int ids) => ids * 10;

    /// <summary>Encodes into <paramref name="into"/> (at least <see cref="MaxBytes"/> long) and gives the bytes written:
    /// the writer encodes every chunk into one buffer it keeps, where a new array each (megabytes for a frequent gram)
    /// went to the large object heap.</summary>
    public static int Encode(ReadOnlySpan<long> sortedIds, Span<byte> into)
    {
        int pos = 0;
        long prev = 0;
        foreach (var id in sortedIds)
        {
            ulong delta = (ulong)(id - prev);
            prev = id;
            while (delta >= 0x80)
            {
                into[pos++] = unchecked((byte)(delta | 0x80));
                delta >>= 7;
            }
            into[pos++] = (byte)delta;
        }
        return pos;
    }

    /// <summary>Appends a chunk's ids to <paramref name="into"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, List<long> into)
    {
        // A chunk holds at most one id a byte: room for that many, then the list cut to what was decoded.
        int start = into.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(into, start + data.Length);
        int n = Decode(data, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[start..]);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(into, start + n);
    }

    /// <summary>Decodes a chunk into <paramref name="into"/>, which holds at least as many ids as the chunk; returns
    /// how many.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> into)
    {
        long prev = 0;
        int pos = 0, n = 0;
        while (pos < data.Length)
        {
            ulong v = 0;
            int shift = 0;
            byte b;
            do
            {
                b = data[pos++];
                v |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            prev += (long)v;
            into[n++] = prev;
        }
        return n;
    }

    /// <summary>Appends the ids of a gram's chunks (each sorted, at <paramref name="runs"/> in
    /// <paramref name="ids"/>) to <paramref name="into"/> in ascending order: chunks written one after another
    /// hold later ids and are put side by side; chunks whose ranges meet (after a merge) are sorted together.</summary>
    public static void Ascending(long[] ids, List<(int Start, int Count)> runs, List<long> into)
    {
        runs.RemoveAll(r => r.Count == 0);
        runs.Sort((a, b) => ids[a.Start].CompareTo(ids[b.Start]));
        int from = into.Count, total = 0;
        foreach (var (_, n) in runs) total += n;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(into, from + total);
        var target = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[from..];
        int at = 0;
        bool disjoint = true;
        foreach (var (start, n) in runs)
        {
            if (at > 0 && target[at - 1] >= ids[start]) disjoint = false;
            ids.AsSpan(start, n).CopyTo(target[at..]);
            at += n;
        }
        if (!disjoint) target.Sort();
    }

    /// <summary>Size class of a chunk: chunks of one class are merged four at a time (log-structured).</summary>
    public static int Level(int n)
    {
        int level = 0;
        while (n >= 4) { n /= 4; level++; }
        return level;
    }
}
