from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3); the page title is the only h1."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "directory/blocks/heading.html"
        preview_value = {"text": "Who can get help", "level": "h2"}
