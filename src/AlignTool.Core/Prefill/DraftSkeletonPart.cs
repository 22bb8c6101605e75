namespace AlignTool.Core.Prefill;

/// <summary>A part of a <see cref="DraftSkeleton"/>: literal Markdown, or a slot (<see cref="SlotId"/>, the segment's id)
/// holding the segment's Markdown as the source has it.</summary>
public sealed record DraftSkeletonPart(string Text, int? SlotId);
