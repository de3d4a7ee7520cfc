from wagtail import blocks


class InsetTextBlock(blocks.StructBlock):
    """GOV.UK inset text: a quote, example or extra information set apart from the body."""

    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "openquote"
        template = "directory/blocks/inset_text.html"
        preview_value = {"text": "<p>You can ask for an assessment yourself.</p>"}


class WarningTextBlock(blocks.StructBlock):
    """GOV.UK warning text: something a family must not miss, such as a deadline."""

    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "directory/blocks/warning_text.html"
        preview_value = {"text": "You must appeal within 2 months of the decision letter."}
