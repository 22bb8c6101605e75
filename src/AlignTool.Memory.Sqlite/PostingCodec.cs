namespace AlignTool.Memory.Sqlite;

/// <summary>Sorted id lists as delta-encoded varints: a posting chunk is a few bytes per id.</summary>
internal static class PostingCodec
{
    public static byte[] Encode(ReadOnlySpan<long> sortedIds)
    {
        var buffer = sortedIds.Length <= 4096 ? stackalloc byte[sortedIds.Length * 10] : new byte[sortedIds.Length * 10];
        int pos = 0;
        long prev = 0;
        foreach (var id in sortedIds)
        {
            ulong delta = (ulong)(id - prev);
            prev = id;
            while (delta >= 0x80)
            {
                buffer[pos++] = unchecked((byte)(delta | 0x80));
                delta >>= 7;
            }
            buffer[pos++] = (byte)delta;
        }
        return buffer[..pos].ToArray();
    }

    public static void Decode(ReadOnlySpan<byte> data, List<long> into)
    {
        long prev = 0;
        int pos = 0;
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
            into.Add(prev);
        }
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

    /// <summary>The first <paramref name="count"/> ids of a gram's chunks (each sorted, at <paramref name="runs"/>) in
    /// ascending order, in an array of their own.</summary>
    public static long[] Ascending(long[] ids, int count, List<(int Start, int Count)> runs)
    {
        runs.RemoveAll(r => r.Count == 0);
        runs.Sort((a, b) => ids[a.Start].CompareTo(ids[b.Start]));
        var result = new long[count];
        int at = 0;
        bool disjoint = true;
        foreach (var (start, n) in runs)
        {
            if (at > 0 && result[at - 1] >= ids[start]) disjoint = false;
            Array.Copy(ids, start, result, at, n);
            at += n;
        }
        if (!disjoint) Array.Sort(result);
        return result;
    }

    /// <summary>Size class of a chunk: chunks of one class are merged four at a time (log-structured).</summary>
    public static int Level(int n)
    {
        int level = 0;
        while (n >= 4) { n /= 4; level++; }
        return level;
    }
}
