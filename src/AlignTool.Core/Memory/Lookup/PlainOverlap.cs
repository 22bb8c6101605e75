using AlignTool.Core.Memory.Preparation;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>
/// The cheap upper bound on a fuzzy score that orders a query's candidates before any is scored: the share of plain
/// units (<see cref="Tokens.PlainUnits"/>: runs of letters and digits, other marks one by one, Chinese by
/// characters) that a candidate has in common with the query, over the longer of the two. Built once per query and
/// run on each candidate's normalized text without cutting it into strings: a lookup bounds up to a few dozen
/// candidates, and their units were most of what it allocated. Not thread-safe.
/// </summary>
public sealed class PlainOverlap
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _counts;
    private readonly int[] _left;
    private readonly int _queryUnits;
    private readonly bool _byCharacter;

    public PlainOverlap(string normalizedQuery, Language lang)
    {
        _byCharacter = ReferenceEquals(lang, Language.Chinese);
        var units = Tokens.PlainUnits(normalizedQuery, lang.Tag);
        _queryUnits = units.Count;
        var counts = new List<int>();
        foreach (var u in units)
        {
            if (_slots.TryGetValue(u, out int slot)) counts[slot]++;
            else
            {
                _slots[u] = counts.Count;
                counts.Add(1);
            }
        }
        _counts = [.. counts];
        _left = new int[_counts.Length];
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Plain units of the query.</summary>
    public int QueryUnits => _queryUnits;

    /// <summary>The bound, 0–100, for a candidate's normalized text.</summary>
    public int Bound(string normalizedCandidate)
    {
        Array.Copy(_counts, _left, _counts.Length);
        int shared = 0, units = 0;
        var text = normalizedCandidate.AsSpan();
        foreach (var (start, length) in Tokens.PlainUnitRanges(normalizedCandidate, _byCharacter))
        {
            units++;
            if (_lookup.TryGetValue(text.Slice(start, length), out int slot) && _left[slot] > 0)
            {
                _left[slot]--;
                shared++;
            }
        }
        int longest = Math.Max(_queryUnits, units);
        return longest == 0 ? 0 : (int)Math.Floor(100.0 * shared / longest);
    }
}
