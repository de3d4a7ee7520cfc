from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock


class LinkBlock(blocks.StructBlock):
    """One link: to a page on this site or to another website."""

    text = blocks.CharBlock(max_length=120)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Only if the link is to another website.")
    description = blocks.CharBlock(max_length=200, required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or enter a web address")}
            )
        return value

    class Meta:
        icon = "link"


class LinkListBlock(blocks.StructBlock):
    """A titled list of links, such as 'Related guides'."""

    heading = blocks.CharBlock(max_length=120, required=False)
    links = blocks.ListBlock(LinkBlock())

    class Meta:
        icon = "list-ul"
        template = "directory/blocks/link_list.html"
        preview_value = {
            "heading": "Related",
            "links": [{"text": "SENDIASS", "url": "https://example.org/sendiass"}],
        }


class DocumentListBlock(blocks.StructBlock):
    """A titled list of documents to download, with their format shown."""

    heading = blocks.CharBlock(max_length=120, required=False)
    documents = blocks.ListBlock(DocumentChooserBlock())

    class Meta:
        icon = "doc-full"
        template = "directory/blocks/document_list.html"
        preview_value = {"heading": "Documents", "documents": []}
