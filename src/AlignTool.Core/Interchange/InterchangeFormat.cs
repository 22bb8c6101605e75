namespace AlignTool.Core.Interchange;

/// <summary>A translation-memory or CAT-tool exchange format: a file in one is not a document to align.</summary>
public enum InterchangeFormat
{
    /// <summary>Not one of these formats (a document, as far as this recognition goes).</summary>
    None = 0,

    /// <summary>TMX (<c>&lt;tmx</c>; .tmx): <c>aligntool import</c> reads it.</summary>
    Tmx,

    /// <summary>XLIFF 1.2 or 2.0 (<c>&lt;xliff</c>; .xlf, .xliff).</summary>
    Xliff,

    /// <summary>Gettext PO (<c>msgid "…"</c> and <c>msgstr "…"</c> lines; .po, .pot).</summary>
    Po,
}
