namespace AlignTool.Core.Memory.Preparation;

/// <summary>A placeable of a text, by offsets, and the slot that stands for it in the template (<c>country</c>,
/// <c>session-ordinal|gen</c>).</summary>
public readonly record struct SlotSpan(int Start, int Length, string Slot);
