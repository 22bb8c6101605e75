using System.Globalization;
using System.Text.RegularExpressions;
using AlignTool.Core.Data;
using ICU4N.Globalization;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Names of States in titles and senders ("the Permanent Mission of X"): the UN table of
/// <c>tm-data/placeables/countries.tsv</c>, every Member State and observer State by its running-text name, whose
/// Arabic and Chinese cells are the facts page's UN names or <c>@icu</c>, ICU4N's display name (CLDR 32); an empty
/// cell is a name not known, which <see cref="Render"/> refuses (the State stays in English). ICU's names of
/// regions the table lacks are recognised in Arabic and Chinese text only. In Arabic the preposition لـ is joined
/// to the name and absorbs the alef of the article: لأذربيجان, للسودان.
/// </summary>
public sealed class Countries
{
    private readonly Dictionary<string, Dictionary<string, (string Short, string Formal)>> _byLang = new()
    {
        ["en"] = [], ["zh"] = [], ["ar"] = [],
    };
    private readonly Dictionary<string, Dictionary<string, (string Code, CountryForm Form)>> _lookup = new()
    {
        ["en"] = new(StringComparer.OrdinalIgnoreCase), ["zh"] = [], ["ar"] = [],
    };

    public static Countries Default { get; } = new(EmbeddedData.Read("placeables/countries.tsv"));

    public Countries(string tsv)
    {
        foreach (var row in EmbeddedData.Rows(tsv, 8))
        {
            var code = row[0];
            _states.Add(code);
            Add("en", code, row[1], row[2]);
            Add("zh", code, Icu(row[3], code, "zh"), Icu(row[4], code, "zh"));
            Add("ar", code, Icu(row[5], code, "ar"), Icu(row[6], code, "ar"));
        }
        foreach (var lang in _byLang.Keys)
        {
            var names = _byLang[lang].Values.SelectMany(n => new[] { n.Short, n.Formal }).Where(n => n.Length > 0).ToList();
            if (lang == "ar") names.AddRange(names.Where(n => n.StartsWith("ال", StringComparison.Ordinal)).Select(n => n[1..]).ToList());
            if (lang == "en") names.AddRange(names.Where(n => n.StartsWith("the ", StringComparison.Ordinal)).Select(n => n[4..]).ToList());
            _reviewedNames[lang] = names.Distinct().OrderByDescending(n => n.Length).ToList();
        }
        // ICU fallback for every region .NET knows, under the reviewed entries.
        foreach (var region in Regions())
        {
            foreach (var lang in new[] { "en", "zh", "ar" })
            {
                if (_byLang[lang].ContainsKey(region) || _states.Contains(region)) continue;
                var name = new UCultureInfo("und_" + region).GetDisplayCountry(new UCultureInfo(lang));
                if (string.IsNullOrEmpty(name) || name == region) continue;
                _byLang[lang][region] = (name, "");
                _lookup[lang].TryAdd(name, (region, CountryForm.Short));
            }
        }
        foreach (var lang in _lookup.Keys)
        {
            var names = _lookup[lang].Keys.ToList();
            if (lang == "ar") names.AddRange(names.Where(n => n.StartsWith("ال", StringComparison.Ordinal)).Select(n => n[1..]).ToList());
            if (lang == "en") names.AddRange(names.Where(n => n.StartsWith("the ", StringComparison.Ordinal)).Select(n => n[4..]).ToList());
            _pattern[lang] = "(?:" + string.Join('|', names.Distinct().OrderByDescending(n => n.Length).Select(Regex.Escape)) + ")";
        }
    }

    private readonly Dictionary<string, string> _pattern = [];

    private readonly HashSet<string> _states = new(StringComparer.Ordinal);

    /// <summary>The codes of the States the table lists (Member States and observer States).</summary>
    public IReadOnlyCollection<string> States => _states;

    /// <summary>A cell of the table: <c>@icu</c> stands for ICU4N's display name of the region in that language.</summary>
    private static string Icu(string cell, string code, string lang)
    {
        if (cell != IcuMarker) return cell;
        var name = new UCultureInfo("und_" + code).GetDisplayCountry(new UCultureInfo(lang));
        if (string.IsNullOrEmpty(name) || name == code) throw new FormatException($"countries: ICU4N has no {lang} name for {code}");
        return name;
    }

    public const string IcuMarker = "@icu";

    /// <summary>The names of the table's States in <paramref name="lang"/>, with the forms that follow a joined لـ
    /// (Arabic) and without the article (English), longest first: what the template masker looks for in free text,
    /// where ICU's names of every region would mask ordinary words.</summary>
    public IReadOnlyList<string> ReviewedNames(string lang) => _reviewedNames[lang];

    private readonly Dictionary<string, List<string>> _reviewedNames = [];

    /// <summary>Regex fragments (no anchors) matching any known name in each language (Arabic: also the form after لـ).</summary>
    public IReadOnlyDictionary<string, string> Pattern => _pattern;

    private void Add(string lang, string code, string shortName, string formal)
    {
        if (shortName.Length == 0 && formal.Length == 0) return;
        _byLang[lang][code] = (shortName, formal);
        if (shortName.Length > 0) _lookup[lang][shortName] = (code, CountryForm.Short);
        if (formal.Length > 0) _lookup[lang][formal] = (code, CountryForm.Formal);
    }

    private static IEnumerable<string> Regions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            string name;
            try { name = new RegionInfo(c.Name).TwoLetterISORegionName; }
            catch (ArgumentException) { continue; }
            if (name.Length == 2 && char.IsAsciiLetterUpper(name[0]) && seen.Add(name)) yield return name;
        }
    }

    /// <summary>The State a name refers to; in Arabic also the form after a joined لـ (its alef dropped).</summary>
    public CountryValue? Recognize(string text, string lang)
    {
        var t = text.Trim();
        if (!_lookup.TryGetValue(lang, out var table)) return null;
        if (table.TryGetValue(t, out var hit)) return new CountryValue(hit.Code, hit.Form);
        if (lang == "ar" && t.StartsWith('ل') && table.TryGetValue("ا" + t, out hit)) return new CountryValue(hit.Code, hit.Form);
        if (lang == "en" && table.TryGetValue("the " + t, out hit)) return new CountryValue(hit.Code, hit.Form);
        return null;
    }

    /// <summary>The name in <paramref name="lang"/>, in the form asked for when the table has it.</summary>
    public string? Render(CountryValue value, string lang, bool afterLi = false)
    {
        if (!_byLang.TryGetValue(lang, out var table) || !table.TryGetValue(value.Code, out var names)) return null;
        var name = value.Form == CountryForm.Formal && names.Formal.Length > 0 ? names.Formal : names.Short.Length > 0 ? names.Short : names.Formal;
        if (afterLi && lang == "ar" && name.StartsWith("ال", StringComparison.Ordinal)) name = name[1..];
        return name;
    }
}
