using System.Text.RegularExpressions;
using AlignTool.Core.Data;

namespace AlignTool.Core.Placeables;

/// <summary>
/// Document symbols (<c>A/HRC/47/G/10</c>), job numbers (<c>GE.20-06433(A)</c>, whose letter names the version's
/// language: E English, A Arabic, C Chinese…) and the barcode line that spaces the job number's digits.
/// </summary>
public sealed partial class Codes
{
    public const string SymbolPattern = @"[A-Z]{1,6}/(?:[A-Z0-9.]+/)*[A-Z0-9.]+(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*";
    /// <summary>Geneva's job numbers carry the office's prefix (<c>GE.24-15520(E)</c>), New York's none (<c>24-04518 (E)</c>).</summary>
    public const string JobPattern = @"(?:[A-Z]{1,3}\.)?\d{2}-\d{5}\s?\([A-Z]\)";
    public const string BarcodePattern = @"\*\s?(?:\d\s?){5,}\*";

    private readonly Dictionary<string, char> _letterByLang = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameByLang = new(StringComparer.Ordinal);

    public static Codes Default { get; } = new(EmbeddedData.Read("placeables/languages.tsv"));

    public Codes(string languagesTsv)
    {
        foreach (var row in EmbeddedData.Rows(languagesTsv, 3))
        {
            _letterByLang[row[0]] = row[2][0];
            _nameByLang[row[0]] = row[1];
        }
    }

    /// <summary>The English name of a language as the masthead writes it (<c>Chinese</c>), or the tag itself.</summary>
    public string NameOf(string lang) => _nameByLang.GetValueOrDefault(lang, lang);

    /// <summary>The tag of a language named in English (<c>Arabic</c> → <c>ar</c>), or <c>und</c>.</summary>
    public string TagOf(string name) => _nameByLang.FirstOrDefault(kv => kv.Value == name.Trim()).Key ?? Text.LanguageTag.Undetermined;

    public char LetterOf(string lang) => _letterByLang.GetValueOrDefault(lang, 'E');

    public string? LanguageOfLetter(char letter) => _letterByLang.FirstOrDefault(kv => kv.Value == letter).Key;

    public static JobValue? RecognizeJob(string text)
    {
        var m = WholeJob().Match(text.Trim());
        return m.Success ? new JobValue(m.Groups[1].Value, m.Groups[2].Value[0], m.Groups[2].Index > m.Groups[1].Index + m.Groups[1].Length + 1) : null;
    }

    /// <summary>The job number for the version in <paramref name="lang"/>: the letter follows the language.</summary>
    public string RenderJob(JobValue job, string lang) => $"{job.Number}{(job.Spaced ? " " : "")}({LetterOf(lang)})";

    public static bool IsSymbol(string text) => WholeSymbol().IsMatch(text.Trim());

    public static bool IsBarcode(string text) => WholeBarcode().IsMatch(text.Trim());

    [GeneratedRegex(@"^((?:[A-Z]{1,3}\.)?\d{2}-\d{5})\s?\(([A-Z])\)$")]
    private static partial Regex WholeJob();

    [GeneratedRegex($"^(?:{SymbolPattern})$")]
    private static partial Regex WholeSymbol();

    [GeneratedRegex($"^(?:{BarcodePattern})$")]
    private static partial Regex WholeBarcode();
}
