using AlignTool.Core.Data;

namespace AlignTool.Core.Alignment;

/// <summary>
/// Composes the titles of letters and notes verbales from <c>tm-data/catalog/titles.tsv</c>: every kind (letter,
/// identical letters, note verbale) with every sender of its sender class and every addressee of its addressee
/// class. Each language's cell of the kind places <c>{sender}</c> and <c>{addressee}</c> in its own order, so the
/// Chinese date comes first in a letter, the Arabic addressee before a representative's name. A combination whose
/// kind, sender or addressee lacks a language's form has no template in that language.
/// </summary>
public static class TitleComposer
{
    private const string SenderSlot = "{sender}";
    private const string AddresseeSlot = "{addressee}";

    private sealed record Part(string Id, string Class, string Addressees, string[] Cells, string Source);

    /// <summary>The composed rows as catalogue columns: id, field, when, en, ar, zh, source.</summary>
    public static IEnumerable<string[]> Rows(string titlesTsv)
    {
        var sections = EmbeddedData.Sections(titlesTsv);
        var kinds = Parts(sections, "kind", withAddresseeClass: true);
        var senders = Parts(sections, "sender", withAddresseeClass: false);
        var addressees = Parts(sections, "addressee", withAddresseeClass: false);
        foreach (var kind in kinds)
        {
            foreach (var sender in senders.Where(s => s.Class == kind.Class))
            {
                foreach (var addressee in addressees.Where(a => a.Class == kind.Addressees && a.Id != sender.Id))
                {
                    var cells = new string[3];
                    for (int l = 0; l < 3; l++)
                    {
                        var (k, s, a) = (kind.Cells[l], sender.Cells[l], addressee.Cells[l]);
                        cells[l] = k.Length == 0 || s.Length == 0 || a.Length == 0 ? "" : k.Replace(SenderSlot, s, StringComparison.Ordinal).Replace(AddresseeSlot, a, StringComparison.Ordinal);
                    }
                    yield return
                    [
                        $"title:{kind.Id}/{sender.Id}/{addressee.Id}", "title", "", cells[0], cells[1], cells[2],
                        $"composed: kind {kind.Source} × sender {sender.Source} × addressee {addressee.Source}",
                    ];
                }
            }
        }
    }

    /// <summary>The rows of a section: id, class, [addressee class,] en, ar, zh, source.</summary>
    private static List<Part> Parts(IReadOnlyDictionary<string, IReadOnlyList<string>> sections, string name, bool withAddresseeClass)
    {
        if (!sections.TryGetValue(name, out var lines)) throw new FormatException($"titles: no [{name}] section");
        int columns = withAddresseeClass ? 7 : 6;
        var parts = new List<Part>();
        foreach (var line in lines)
        {
            var c = line.Split('\t');
            if (c.Length < columns - 1) throw new FormatException($"titles: [{name}] expects {columns} tab-separated columns: {line}");
            Array.Resize(ref c, columns);
            c = [.. c.Select(x => (x ?? "").Trim())];
            int at = withAddresseeClass ? 3 : 2;
            var cells = c[at..(at + 3)];
            if (withAddresseeClass && cells.Any(x => x.Length > 0 && (!x.Contains(SenderSlot, StringComparison.Ordinal) || !x.Contains(AddresseeSlot, StringComparison.Ordinal))))
                throw new FormatException($"titles: kind {c[0]} must place {SenderSlot} and {AddresseeSlot} in every language it gives");
            parts.Add(new Part(c[0], c[1], withAddresseeClass ? c[2] : "", cells, c[at + 3]));
        }
        return parts;
    }
}
