from wagtail import blocks


class DetailsBlock(blocks.StructBlock):
    """GOV.UK details: a short summary that opens to show more (works without JavaScript)."""

    summary = blocks.CharBlock(max_length=120)
    content = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "arrow-down"
        template = "directory/blocks/details.html"
        preview_value = {
            "summary": "What is an EHC plan?",
            "content": "<p>An EHC plan sets out the support a child needs.</p>",
        }
