namespace AlignTool.Core.Text;

/// <summary>A run of UTF-16 code units in a string: <c>(Start, Length)</c>. Segments are spans, never copies.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
