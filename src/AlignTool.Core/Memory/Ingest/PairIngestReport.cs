using AlignTool.Core.Alignment;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>What ingesting a pair of versions did: the ingest report, the gate's verdict (null when the pair was in the
/// memory already), the beads left for review with their texts, and the two versions' sentences.</summary>
public sealed record PairIngestReport(IngestReport Report, PairVerdict? Verdict, IReadOnlyList<ReviewedBead> Review, IReadOnlyList<string> SourceSentences, IReadOnlyList<string> TargetSentences);
