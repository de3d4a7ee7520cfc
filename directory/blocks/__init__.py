"""StreamField blocks for information pages, one module per GOV.UK component."""

from wagtail import blocks

from .details import DetailsBlock
from .directory_link import DirectorySearchLinkBlock
from .heading import HeadingBlock
from .inset import InsetTextBlock, WarningTextBlock
from .lists import DocumentListBlock, LinkListBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class InformationStreamBlock(blocks.StreamBlock):
    """The building blocks of an information page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="directory/blocks/paragraph.html", icon="pilcrow"
    )
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    document_list = DocumentListBlock()
    link_list = LinkListBlock()
    directory_link = DirectorySearchLinkBlock()


__all__ = [
    "RICH_TEXT_FEATURES",
    "DetailsBlock",
    "DirectorySearchLinkBlock",
    "DocumentListBlock",
    "HeadingBlock",
    "InformationStreamBlock",
    "InsetTextBlock",
    "LinkListBlock",
    "WarningTextBlock",
]
