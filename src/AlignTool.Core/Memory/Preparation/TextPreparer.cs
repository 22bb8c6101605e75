using AlignTool.Core.Text;
using AlignTool.Core.Memory.Storage;
using AlignTool.Core.Placeables;

namespace AlignTool.Core.Memory.Preparation;

/// <summary>Turns a text into what the memory stores and indexes (<see cref="PreparedText"/>). Not thread-safe.</summary>
public sealed class TextPreparer(TemplateMasker? masker = null)
{
    private readonly TemplateMasker _masker = masker ?? TemplateMasker.Default;
    private readonly Tokens _tokens = new();

    public Tokens Tokens => _tokens;

    public TemplateMasker Masker => _masker;

    public PreparedText Prepare(string text, Language lang) => PrepareWithForm(text, lang).Text;

    /// <summary>A text prepared, with its template form (slots or none): what a lookup needs of its query, masked once.</summary>
    public (PreparedText Text, TemplateForm Form) PrepareWithForm(string text, Language lang)
    {
        var norm = TextNormalizer.Normalize(text);
        var form = _masker.Mask(text, lang.Tag);
        return (Build(lang, text, norm, form.HasSlots ? form : null), form);
    }

    /// <summary>A catalogue template: its text already has slots; its key is the text itself.</summary>
    public PreparedText PrepareTemplate(SlotTemplate template, Language lang)
    {
        var form = new TemplateForm(template.Text, [.. template.Slots.Select(_ => (SlotValue)new TextValue(SlotKind.Symbol, ""))]);
        var norm = TextNormalizer.Normalize(template.Text);
        return Build(lang, template.Text, norm, form);
    }

    // Grams are gathered in one set per preparer and kept as a plain array: a million prepared texts each holding a
    // hash set of its own was most of an ingest's garbage.
    private readonly GramSet _grams = new();

    private PreparedText Build(Language lang, string text, string norm, TemplateForm? form)
    {
        _grams.Clear();
        Tokens.GramsInto(norm, lang.Tag, _grams, out int length);
        var grams = _grams.Items.ToArray();
        var key = form?.Key;
        var spans = form is null ? null : Preparation.TemplateSpans.Encode(form.Spans ?? []);
        return new PreparedText(lang, text, norm, TextNormalizer.Hash(norm), form?.Template, key is null ? null : TextNormalizer.Hash(key), grams, length, spans)
        {
            TextHash = TextIdentity.Of(text),
        };
    }
}
