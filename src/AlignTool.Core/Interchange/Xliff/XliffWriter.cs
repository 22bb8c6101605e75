using System.Globalization;
using System.Text;
using System.Xml;

namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// Writes an <see cref="XliffFile"/> as XLIFF 1.2 (strict schema) or 2.0 (core, with the matches and metadata modules),
/// UTF-8 without BOM. 1.2: a target's <c>state</c> and <c>state-qualifier</c>, the candidates as <c>alt-trans</c> with
/// <c>match-quality</c> and <c>origin</c>, zone, field, kind and score in a <c>context-group</c>, the reason in a
/// <c>note</c>, the skeleton in <c>header/skl/internal-file</c>. 2.0: the segment's <c>state</c> and <c>subState</c>,
/// <c>mtc:matches</c>, <c>mda:metadata</c>, <c>notes</c>, <c>skeleton</c>.
/// </summary>
public static class XliffWriter
{
    public const string Ns12 = "urn:oasis:names:tc:xliff:document:1.2";
    public const string Ns20 = "urn:oasis:names:tc:xliff:document:2.0";
    public const string NsMatches = "urn:oasis:names:tc:xliff:matches:2.0";
    public const string NsMetadata = "urn:oasis:names:tc:xliff:metadata:2.0";

    /// <summary>The name of AlignTool's own context group (1.2), metadata group (2.0), and sub-state prefix.</summary>
    public const string Tool = "aligntool";

    /// <summary>The 1.2 <c>internal-file</c> form of AlignTool's skeleton.</summary>
    public const string SkeletonForm = "x-aligntool-skeleton";

    /// <summary>Writes the file as UTF-8 (no BOM).</summary>
    public static void Write(Stream output, XliffFile file, string toolVersion = "0.1.0")
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        Write(text, file, toolVersion);
    }

    /// <summary>Writes the file to a writer whose bytes are UTF-8 (what the declaration says, whatever the writer's
    /// <see cref="TextWriter.Encoding"/>).</summary>
    public static void Write(TextWriter output, XliffFile file, string toolVersion = "0.1.0")
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            OmitXmlDeclaration = true,
            CloseOutput = false,
        };
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using (var w = XmlWriter.Create(output, settings))
        {
            if (file.Version == XliffVersion.V12) Write12(w, file, toolVersion);
            else Write20(w, file);
        }
        output.Write('\n');
        output.Flush();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Write12(XmlWriter w, XliffFile file, string toolVersion)
    {
        w.WriteStartElement("xliff", Ns12);
        w.WriteAttributeString("version", "1.2");
        w.WriteStartElement("file", Ns12);
        w.WriteAttributeString("original", file.Original);
        w.WriteAttributeString("source-language", file.SourceLang);
        w.WriteAttributeString("target-language", file.TargetLang);
        w.WriteAttributeString("datatype", "x-markdown");
        w.WriteAttributeString("tool-id", Tool);
        w.WriteStartElement("header", Ns12);
        if (file.Skeleton is { } skeleton)
        {
            w.WriteStartElement("skl", Ns12);
            w.WriteStartElement("internal-file", Ns12);
            w.WriteAttributeString("form", SkeletonForm);
            w.WriteString(skeleton);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteStartElement("tool", Ns12);
        w.WriteAttributeString("tool-id", Tool);
        w.WriteAttributeString("tool-name", "AlignTool");
        w.WriteAttributeString("tool-version", toolVersion);
        w.WriteEndElement();
        w.WriteEndElement(); // header
        w.WriteStartElement("body", Ns12);
        foreach (var u in file.Units)
        {
            w.WriteStartElement("trans-unit", Ns12);
            w.WriteAttributeString("id", u.Id);
            if (!u.Translate) w.WriteAttributeString("translate", "no");
            if (u.Field is { Length: > 0 } field) w.WriteAttributeString("resname", field);
            w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteStartElement("source", Ns12);
            w.WriteAttributeString("xml", "lang", null, file.SourceLang);
            w.WriteString(u.Source);
            w.WriteEndElement();
            if (u.Target is { } target)
            {
                w.WriteStartElement("target", Ns12);
                w.WriteAttributeString("xml", "lang", null, file.TargetLang);
                w.WriteAttributeString("state", State12(u.State));
                if (Qualifier12(u.Kind) is { } q) w.WriteAttributeString("state-qualifier", q);
                w.WriteString(target);
                w.WriteEndElement();
            }
            var context = Context(u).ToList();
            if (context.Count > 0)
            {
                w.WriteStartElement("context-group", Ns12);
                // The name is unique in the file (the schema's identity constraint): ours, and the unit's id.
                w.WriteAttributeString("name", "x-" + Tool + "-" + u.Id);
                w.WriteAttributeString("purpose", "information");
                foreach (var (type, value) in context)
                {
                    w.WriteStartElement("context", Ns12);
                    w.WriteAttributeString("context-type", "x-" + type);
                    w.WriteString(value);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            if (u.Note is { Length: > 0 } note)
            {
                w.WriteStartElement("note", Ns12);
                w.WriteAttributeString("from", Tool);
                w.WriteString(note);
                w.WriteEndElement();
            }
            foreach (var m in u.Matches)
            {
                w.WriteStartElement("alt-trans", Ns12);
                w.WriteAttributeString("match-quality", Num(m.Score));
                w.WriteAttributeString("origin", m.Origin);
                w.WriteAttributeString("tool-id", Tool);
                w.WriteAttributeString("extype", m.Kind);
                w.WriteStartElement("source", Ns12);
                w.WriteAttributeString("xml", "lang", null, file.SourceLang);
                w.WriteString(m.Source);
                w.WriteEndElement();
                w.WriteStartElement("target", Ns12);
                w.WriteAttributeString("xml", "lang", null, file.TargetLang);
                w.WriteString(m.Target);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement(); // trans-unit
        }
        w.WriteEndElement(); // body
        w.WriteEndElement(); // file
        w.WriteEndElement(); // xliff
    }

    private static IEnumerable<(string Type, string Value)> Context(XliffUnit u)
    {
        if (u.Zone is { Length: > 0 } zone) yield return ("zone", zone);
        if (u.Field is { Length: > 0 } field) yield return ("field", field);
        if (u.Kind is { Length: > 0 } kind) yield return ("match", kind);
        if (u.Score is { } score) yield return ("score", Num(score));
    }

    internal static string State12(XliffState state) => state switch
    {
        XliffState.Untranslated => "new",
        XliffState.NeedsReview => "needs-review-translation",
        XliffState.Translated => "translated",
        XliffState.Reviewed => "signed-off",
        _ => "final",
    };

    private static string? Qualifier12(string? kind) => kind switch
    {
        "exact" => "exact-match",
        "fuzzy" => "fuzzy-match",
        "context" or "template" => "x-" + kind + "-match",
        _ => null,
    };

    private static string State20(XliffState state) => state switch
    {
        XliffState.Untranslated or XliffState.NeedsReview => "initial",
        XliffState.Translated => "translated",
        XliffState.Reviewed => "reviewed",
        _ => "final",
    };

    private static void Write20(XmlWriter w, XliffFile file)
    {
        w.WriteStartElement("xliff", Ns20);
        w.WriteAttributeString("xmlns", "mtc", null, NsMatches);
        w.WriteAttributeString("xmlns", "mda", null, NsMetadata);
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("srcLang", file.SourceLang);
        w.WriteAttributeString("trgLang", file.TargetLang);
        w.WriteStartElement("file", Ns20);
        w.WriteAttributeString("id", "f1");
        w.WriteAttributeString("original", file.Original);
        if (file.Skeleton is { } skeleton)
        {
            w.WriteStartElement("skeleton", Ns20);
            w.WriteString(skeleton);
            w.WriteEndElement();
        }
        foreach (var u in file.Units)
        {
            w.WriteStartElement("unit", Ns20);
            w.WriteAttributeString("id", u.Id);
            if (u.Field is { Length: > 0 } field) w.WriteAttributeString("name", field);
            if (!u.Translate) w.WriteAttributeString("translate", "no");
            w.WriteAttributeString("xml", "space", null, "preserve");
            var segment = "s" + u.Id;
            if (u.Matches.Count > 0)
            {
                w.WriteStartElement("mtc", "matches", NsMatches);
                foreach (var m in u.Matches)
                {
                    w.WriteStartElement("mtc", "match", NsMatches);
                    w.WriteAttributeString("ref", "#" + segment);
                    w.WriteAttributeString("matchQuality", m.Score.ToString("0.0", CultureInfo.InvariantCulture));
                    w.WriteAttributeString("origin", m.Origin);
                    w.WriteAttributeString("type", "tm");
                    w.WriteAttributeString("subType", Tool + ":" + m.Kind);
                    w.WriteStartElement("source", Ns20);
                    w.WriteString(m.Source);
                    w.WriteEndElement();
                    w.WriteStartElement("target", Ns20);
                    w.WriteString(m.Target);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            var context = Context(u).ToList();
            if (context.Count > 0)
            {
                w.WriteStartElement("mda", "metadata", NsMetadata);
                w.WriteStartElement("mda", "metaGroup", NsMetadata);
                w.WriteAttributeString("category", Tool);
                foreach (var (type, value) in context)
                {
                    w.WriteStartElement("mda", "meta", NsMetadata);
                    w.WriteAttributeString("type", type);
                    w.WriteString(value);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            if (u.Note is { Length: > 0 } note)
            {
                w.WriteStartElement("notes", Ns20);
                w.WriteStartElement("note", Ns20);
                w.WriteAttributeString("category", Tool);
                w.WriteString(note);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteStartElement("segment", Ns20);
            w.WriteAttributeString("id", segment);
            w.WriteAttributeString("state", State20(u.State));
            if (u.Kind is { Length: > 0 } kind && u.Target is not null) w.WriteAttributeString("subState", Tool + ":" + kind);
            w.WriteStartElement("source", Ns20);
            w.WriteString(u.Source);
            w.WriteEndElement();
            if (u.Target is { } target)
            {
                w.WriteStartElement("target", Ns20);
                w.WriteString(target);
                w.WriteEndElement();
            }
            w.WriteEndElement(); // segment
            w.WriteEndElement(); // unit
        }
        w.WriteEndElement(); // file
        w.WriteEndElement(); // xliff
    }
}
