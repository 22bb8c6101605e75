using System.Globalization;
using System.Text.RegularExpressions;
using AlignTool.Core.Data;
using ICU4N.Globalization;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Names of States in the "mission of X" phrase: the reviewed UN table of <c>tm-data/placeables/countries.tsv</c>
/// first, ICU4N's display names (CLDR 32) only for States the table lacks. In Arabic the preposition لـ is
/// joined to the name and absorbs the alef of the article: لأذربيجان, للجزائر.
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
        foreach (var row in EmbeddedData.Rows(tsv, 7))
        {
            var code = row[0];
            Add("en", code, row[1], row[2]);
            Add("zh", code, row[3], row[4]);
            Add("ar", code, row[5], row[6]);
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
                if (_byLang[lang].ContainsKey(region)) continue;
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

    /// <summary>The reviewed UN names in <paramref name="lang"/>, with the forms that follow a joined لـ (Arabic) and
    /// without the article (English), longest first: what the template masker looks for in free text, where ICU's
    /// thousands of names would mask ordinary words.</summary>
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
