using AlignTool.Core.Alignment;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>Two versions' sentences and the beads a person reviewed between them (accepted, merged, split or shifted):
/// what <see cref="Ingestor.IngestReviewed"/> stores. <see cref="Bead.Source"/> indexes <see cref="English"/>,
/// <see cref="Bead.Target"/> indexes <see cref="Other"/>.</summary>
public sealed record ReviewedPair(string EnglishName, IReadOnlyList<string> English, string OtherName, string OtherLang, IReadOnlyList<string> Other, IReadOnlyList<Bead> Beads)
{
    /// <summary>The first problem with the beads' sentence ids (out of range, or a sentence in two beads), else null.</summary>
    public string? Problem()
    {
        var seenSource = new HashSet<int>();
        var seenTarget = new HashSet<int>();
        for (int k = 0; k < Beads.Count; k++)
        {
            foreach (var i in Beads[k].Source)
            {
                if (i < 0 || i >= English.Count) return $"bead {k}: English sentence {i} does not exist ({English.Count} sentence(s))";
                if (!seenSource.Add(i)) return $"bead {k}: English sentence {i} is in two beads";
            }
            foreach (var j in Beads[k].Target)
            {
                if (j < 0 || j >= Other.Count) return $"bead {k}: {OtherLang} sentence {j} does not exist ({Other.Count} sentence(s))";
                if (!seenTarget.Add(j)) return $"bead {k}: {OtherLang} sentence {j} is in two beads";
            }
        }
        return null;
    }
}
