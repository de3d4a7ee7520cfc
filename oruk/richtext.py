"""Between the directory's rich text and the plain text of ORUK feeds and spreadsheets."""

import html
import re

from django.utils.html import strip_tags

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_to_plain(value: str) -> str:
    """Plain text of stored rich text: one paragraph per block, separated by a blank line."""
    text = _BLOCK_END.sub("\n\n", value or "")
    text = html.unescape(strip_tags(text))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def plain_to_rich_text(value: str) -> str:
    """Rich text from plain text: each paragraph (blank-line separated) becomes a <p>."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value or "")]
    # Quotes need no escaping in element text: stored as an editor's rich text would store them.
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)
