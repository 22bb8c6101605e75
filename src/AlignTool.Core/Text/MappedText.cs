using System.Text;

namespace AlignTool.Core.Text;

/// <summary>
/// Text together with, for each of its characters, the offset in the source it was read from. Repairs
/// (joining lines, removing stray spaces) keep the map, so segments report source positions.
/// A character the repairs inserted (a joining space) maps to the source character before it.
/// </summary>
public sealed class MappedText
{
    public MappedText(string text, int[] offsets)
    {
        if (offsets.Length != text.Length) throw new ArgumentException("one source offset per character", nameof(offsets));
        Text = text;
        Offsets = offsets;
    }

    public static readonly MappedText Empty = new("", []);

    public string Text { get; }

    public int[] Offsets { get; }

    public int Length => Text.Length;

    public TextSpan SourceSpanOf(TextSpan span)
    {
        if (Text.Length == 0) return new TextSpan(0, 0);
        if (span.Length == 0) return new TextSpan(Offsets[Math.Min(span.Start, Offsets.Length - 1)], 0);
        int start = Offsets[span.Start];
        int end = Offsets[span.End - 1] + 1;
        return new TextSpan(start, Math.Max(0, end - start));
    }

    public MappedText Slice(int start, int length) => new(Text.Substring(start, length), Offsets.AsSpan(start, length).ToArray());

    public MappedText Trim()
    {
        int s = 0, e = Text.Length;
        while (s < e && char.IsWhiteSpace(Text[s])) s++;
        while (e > s && char.IsWhiteSpace(Text[e - 1])) e--;
        return s == 0 && e == Text.Length ? this : Slice(s, e - s);
    }

    public override string ToString() => Text;

    /// <summary>Builds a <see cref="MappedText"/> character by character.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _offsets = [];

        public int Length => _text.Length;

        public char this[int index] => _text[index];

        public int LastOffset => _offsets.Count == 0 ? 0 : _offsets[^1];

        public void Append(char c, int sourceOffset)
        {
            _text.Append(c);
            _offsets.Add(sourceOffset);
        }

        public void Append(string s, int sourceStart)
        {
            for (int i = 0; i < s.Length; i++) Append(s[i], sourceStart + i);
        }

        public void Append(MappedText m)
        {
            _text.Append(m.Text);
            _offsets.AddRange(m.Offsets);
        }

        /// <summary>Appends a character the source does not hold at this place (mapped to the previous character).</summary>
        public void AppendSynthetic(char c) => Append(c, LastOffset);

        public void TrimEnd()
        {
            while (_text.Length > 0 && char.IsWhiteSpace(_text[^1]))
            {
                _text.Length--;
                _offsets.RemoveAt(_offsets.Count - 1);
            }
        }

        public MappedText Build() => new(_text.ToString(), [.. _offsets]);
    }
}
