using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AlignTool.Core.Text;

namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// Reads an XLIFF 1.2 or 2.0 file, AlignTool's or another tool's, whole (it is checked before anything is done with it):
/// its units in document order (1.2 <c>trans-unit</c>s, in groups or not; each 2.0 <c>segment</c>), their source and
/// target as plain text (inline codes dropped, the text of <c>g</c>, <c>mrk</c> and <c>pc</c> kept), the target's state,
/// and what AlignTool wrote (zone, field, kind, score, note, candidates, skeleton). XLIFF 1.0 and 1.1 (no namespace or
/// their own) are read as 1.2. A file that is not well-formed, or not XLIFF, throws <see cref="XliffException"/> with
/// the line and column.
/// </summary>
public static class XliffReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    public static XliffFile Read(Stream input)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(input, Settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            // XmlException's message ends with "Line N, position M.": the error line says where already.
            var message = System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*Line \d+, position \d+\.?\s*$", "").TrimEnd('.');
            throw new XliffException(message + "; nothing was read", e.LineNumber, e.LinePosition);
        }
        var root = doc.Root!;
        if (root.Name.LocalName != "xliff")
            throw Error(root, $"not an XLIFF file: the root element is <{root.Name.LocalName}>, not <xliff>");
        var version = (string?)root.Attribute("version") ?? "";
        if (root.Name.NamespaceName == XliffWriter.Ns20 || version.StartsWith("2.", StringComparison.Ordinal))
        {
            if (root.Name.NamespaceName != XliffWriter.Ns20) throw Error(root, $"XLIFF {version} must be in the namespace {XliffWriter.Ns20}");
            return Read20(root);
        }
        if (version is not ("1.0" or "1.1" or "1.2") && version.Length > 0)
            throw Error(root, $"XLIFF version '{version}' is not read (1.0–1.2 and 2.0 are)");
        return Read12(root);
    }

    private static XliffException Error(XObject at, string message)
    {
        var info = (IXmlLineInfo)at;
        return new XliffException(message, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    private static (int Line, int Column) Where(XObject at)
    {
        var info = (IXmlLineInfo)at;
        return info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
    }

    /// <summary>The first value of each key.</summary>
    private static Dictionary<string, string> ToFirst(this IEnumerable<(string Key, string Value)> pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs) d.TryAdd(k, v);
        return d;
    }

    private static string Lang(string? tag) => tag is null ? "" : LanguageTag.Normalize(tag);

    // ---- 1.2 ----

    private static XliffFile Read12(XElement root)
    {
        var ns = root.Name.Namespace;
        var files = root.Elements(ns + "file").ToList();
        if (files.Count == 0) throw Error(root, "the XLIFF file has no <file> element");
        string srcLang = "", trgLang = "", original = "";
        string? skeleton = null;
        var units = new List<XliffUnit>();
        foreach (var file in files)
        {
            var src = Lang((string?)file.Attribute("source-language"));
            if (src.Length == 0) throw Error(file, "<file> has no source-language");
            var trg = Lang((string?)file.Attribute("target-language"));
            if (srcLang.Length == 0) { srcLang = src; original = (string?)file.Attribute("original") ?? ""; }
            else if (src != srcLang) throw Error(file, $"the files of this XLIFF have different source languages ({srcLang}, {src})");
            var internalFile = file.Element(ns + "header")?.Element(ns + "skl")?.Element(ns + "internal-file");
            if (skeleton is null && internalFile is not null && (string?)internalFile.Attribute("form") == XliffWriter.SkeletonForm) skeleton = internalFile.Value;
            var body = file.Element(ns + "body") ?? throw Error(file, "<file> has no <body>");
            foreach (var tu in body.Descendants(ns + "trans-unit"))
            {
                var unit = Unit12(tu, ns);
                if (trg.Length == 0 && tu.Element(ns + "target")?.Attribute(XNamespace.Xml + "lang") is { } tl) trg = Lang(tl.Value);
                units.Add(unit);
            }
            if (trg.Length > 0)
            {
                if (trgLang.Length == 0) trgLang = trg;
                else if (trg != trgLang) throw Error(file, $"the files of this XLIFF have different target languages ({trgLang}, {trg})");
            }
        }
        return new XliffFile(XliffVersion.V12, original, srcLang, trgLang, units) { Skeleton = skeleton };
    }

    private static XliffUnit Unit12(XElement tu, XNamespace ns)
    {
        var id = (string?)tu.Attribute("id") ?? throw Error(tu, "<trans-unit> has no id");
        var source = tu.Element(ns + "source") ?? throw Error(tu, $"<trans-unit id=\"{id}\"> has no <source>");
        var targetElement = tu.Element(ns + "target");
        var target = targetElement is null ? null : Text12(targetElement, ns);
        var stateName = (string?)targetElement?.Attribute("state");
        var approved = (string?)tu.Attribute("approved");
        XliffState state;
        if (string.IsNullOrEmpty(target)) state = XliffState.Untranslated;
        else if (approved == "yes") state = stateName == "final" ? XliffState.Final : XliffState.Reviewed;
        else state = stateName switch
        {
            "final" => XliffState.Final,
            "signed-off" => XliffState.Reviewed,
            "translated" => XliffState.Translated,
            null => approved == "no" ? XliffState.NeedsReview : XliffState.Translated,
            _ => XliffState.NeedsReview, // a target not confirmed: new, needs-translation (po2xliff's fuzzy), needs-review-*, needs-l10n, needs-adaptation, x-…
        };
        var ours = tu.Elements(ns + "context-group").Where(g => ((string?)g.Attribute("name") ?? "").StartsWith("x-" + XliffWriter.Tool, StringComparison.Ordinal))
            .SelectMany(g => g.Elements(ns + "context")).Select(c => (Key: ((string?)c.Attribute("context-type") ?? "").Replace("x-", "", StringComparison.Ordinal), c.Value)).ToFirst();
        var matches = tu.Elements(ns + "alt-trans").Select(a => new XliffMatch(
            a.Element(ns + "source") is { } s ? Text12(s, ns) : Text12(source, ns),
            a.Element(ns + "target") is { } t ? Text12(t, ns) : "",
            int.TryParse(((string?)a.Attribute("match-quality"))?.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : 0,
            (string?)a.Attribute("origin") ?? "", (string?)a.Attribute("extype") ?? "")).ToList();
        var (line, column) = Where(tu);
        return new XliffUnit(id, Text12(source, ns), target, state)
        {
            // translate-toolkit's po2xliff writes the PO header as a unit of its own.
            Translate = (string?)tu.Attribute("translate") != "no" && (string?)tu.Attribute("restype") != "x-gettext-domain-header",
            Zone = ours.GetValueOrDefault("zone"),
            Field = ours.GetValueOrDefault("field") ?? (string?)tu.Attribute("resname"),
            Kind = ours.GetValueOrDefault("match"),
            Score = int.TryParse(ours.GetValueOrDefault("score"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sc) ? sc : null,
            Note = tu.Elements(ns + "note").FirstOrDefault()?.Value,
            Matches = matches,
            Line = line,
            Column = column,
        };
    }

    /// <summary>The text of a 1.2 source or target: <c>g</c> and <c>mrk</c> give their text; <c>x</c>, <c>bx</c>,
    /// <c>ex</c> nothing; <c>ph</c>, <c>bpt</c>, <c>ept</c>, <c>it</c> hold native code, dropped.</summary>
    private static string Text12(XElement e, XNamespace ns)
    {
        var sb = new StringBuilder();
        void Walk(XElement el)
        {
            foreach (var n in el.Nodes())
            {
                if (n is XText t) sb.Append(t.Value);
                else if (n is XElement c && c.Name.Namespace == ns && c.Name.LocalName is "g" or "mrk") Walk(c);
            }
        }
        Walk(e);
        return sb.ToString();
    }

    // ---- 2.0 ----

    private static XliffFile Read20(XElement root)
    {
        var ns = root.Name.Namespace;
        XNamespace mda = XliffWriter.NsMetadata, mtc = XliffWriter.NsMatches;
        var srcLang = Lang((string?)root.Attribute("srcLang"));
        if (srcLang.Length == 0) throw Error(root, "<xliff> has no srcLang");
        var trgLang = Lang((string?)root.Attribute("trgLang"));
        var files = root.Elements(ns + "file").ToList();
        if (files.Count == 0) throw Error(root, "the XLIFF file has no <file> element");
        string? skeleton = null;
        var units = new List<XliffUnit>();
        foreach (var file in files)
        {
            if (skeleton is null && file.Element(ns + "skeleton") is { } skl && skl.Attribute("href") is null && skl.Value.Length > 0) skeleton = skl.Value;
            foreach (var unit in file.Descendants(ns + "unit"))
            {
                var unitId = (string?)unit.Attribute("id") ?? throw Error(unit, "<unit> has no id");
                bool translate = (string?)unit.AncestorsAndSelf().Select(a => a.Attribute("translate")).FirstOrDefault(a => a is not null) != "no";
                var ours = unit.Elements(mda + "metadata").Elements(mda + "metaGroup").Where(g => (string?)g.Attribute("category") == XliffWriter.Tool)
                    .Elements(mda + "meta").Select(m => (Key: (string?)m.Attribute("type") ?? "", m.Value)).ToFirst();
                var note = unit.Element(ns + "notes")?.Elements(ns + "note").FirstOrDefault()?.Value;
                var allMatches = unit.Elements(mtc + "matches").Elements(mtc + "match").ToList();
                var segments = unit.Elements(ns + "segment").ToList();
                if (segments.Count == 0) throw Error(unit, $"<unit id=\"{unitId}\"> has no <segment>");
                foreach (var seg in segments)
                {
                    var segId = (string?)seg.Attribute("id");
                    var source = seg.Element(ns + "source") ?? throw Error(seg, "<segment> has no <source>");
                    var targetElement = seg.Element(ns + "target");
                    var target = targetElement is null ? null : Text20(targetElement, ns);
                    var stateName = (string?)seg.Attribute("state") ?? "initial";
                    var state = string.IsNullOrEmpty(target) ? XliffState.Untranslated : stateName switch
                    {
                        "translated" => XliffState.Translated,
                        "reviewed" => XliffState.Reviewed,
                        "final" => XliffState.Final,
                        "initial" => XliffState.NeedsReview,
                        _ => throw Error(seg, $"the segment's state '{stateName}' is none of initial, translated, reviewed, final"),
                    };
                    var matches = allMatches.Where(m => segments.Count == 1 || (segId is not null && (string?)m.Attribute("ref") == "#" + segId))
                        .Select(m => new XliffMatch(
                            m.Element(ns + "source") is { } s ? Text20(s, ns) : "",
                            m.Element(ns + "target") is { } t ? Text20(t, ns) : "",
                            double.TryParse((string?)m.Attribute("matchQuality"), NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? (int)Math.Round(q) : 0,
                            (string?)m.Attribute("origin") ?? "",
                            ((string?)m.Attribute("subType"))?.Replace(XliffWriter.Tool + ":", "", StringComparison.Ordinal) ?? "")).ToList();
                    var (line, column) = Where(seg);
                    units.Add(new XliffUnit(segments.Count == 1 ? unitId : unitId + "/" + (segId ?? (segments.IndexOf(seg) + 1).ToString(CultureInfo.InvariantCulture)), Text20(source, ns), target, state)
                    {
                        Translate = translate,
                        Zone = ours.GetValueOrDefault("zone"),
                        Field = ours.GetValueOrDefault("field") ?? (string?)unit.Attribute("name"),
                        Kind = ours.GetValueOrDefault("match"),
                        Score = int.TryParse(ours.GetValueOrDefault("score"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sc) ? sc : null,
                        Note = note,
                        Matches = matches,
                        Line = line,
                        Column = column,
                    });
                }
            }
        }
        return new XliffFile(XliffVersion.V20, (string?)files[0].Attribute("original") ?? "", srcLang, trgLang, units) { Skeleton = skeleton };
    }

    /// <summary>The text of a 2.0 source or target: <c>pc</c> and <c>mrk</c> give their text, <c>cp</c> its character;
    /// <c>ph</c>, <c>sc</c>, <c>ec</c>, <c>sm</c>, <c>em</c> nothing.</summary>
    private static string Text20(XElement e, XNamespace ns)
    {
        var sb = new StringBuilder();
        void Walk(XElement el)
        {
            foreach (var n in el.Nodes())
            {
                if (n is XText t) sb.Append(t.Value);
                else if (n is XElement c && c.Name.Namespace == ns)
                {
                    if (c.Name.LocalName is "pc" or "mrk") Walk(c);
                    else if (c.Name.LocalName == "cp" && int.TryParse((string?)c.Attribute("hex"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && cp is >= 0 and <= 0x10FFFF)
                        sb.Append(char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? 0xFFFD : cp));
                }
            }
        }
        Walk(e);
        return sb.ToString();
    }
}
