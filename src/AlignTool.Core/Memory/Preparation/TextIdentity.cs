using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AlignTool.Core.Memory.Preparation;

/// <summary>
/// A 64-bit hash of a text exactly as written (MurmurHash64A over its UTF-16 code units): tells two texts apart
/// without comparing them, where a candidate has already matched on something else (its normalized hash, its unit
/// and language). Kept in memory only, never stored: it may change between versions. Eight bytes a step, where
/// <see cref="TextNormalizer.Hash"/>, which is stored and cannot change, takes two.
/// </summary>
public static class TextIdentity
{
    private const ulong M = 0xc6a4a7935bd1e995UL;
    private const int R = 47;
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    public static long Of(ReadOnlySpan<char> text)
    {
        unchecked
        {
            var bytes = MemoryMarshal.AsBytes(text);
            ulong h = Seed ^ ((ulong)bytes.Length * M);
            int i = 0;
            for (; i + 8 <= bytes.Length; i += 8)
            {
                ulong k = BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]);
                k *= M;
                k ^= k >> R;
                k *= M;
                h ^= k;
                h *= M;
            }
            if (i < bytes.Length)
            {
                ulong tail = 0;
                for (int j = bytes.Length - 1; j >= i; j--) tail = (tail << 8) | bytes[j];
                h ^= tail;
                h *= M;
            }
            h ^= h >> R;
            h *= M;
            h ^= h >> R;
            return (long)h;
        }
    }
}
