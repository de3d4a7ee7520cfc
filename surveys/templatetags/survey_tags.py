"""Template filters for survey results."""

from django import template

register = template.Library()


@register.filter
def cell_words(cell, threshold: int) -> str:
    """A results count as published: the number, "fewer than N" or "withheld"."""
    return cell.words(threshold)
