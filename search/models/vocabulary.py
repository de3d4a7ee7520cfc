"""Families' words: an editor-managed list of what people type and what services call it."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SearchSynonym(index.Indexed, models.Model):
    """Words families type and what they mean in the services' own words.

    Searching for any of `words` also finds any of `meaning`. With no `meaning`, the words are
    equivalent to each other: searching for any of them finds the others.
    """

    words = models.TextField(
        help_text="What people type, separated by commas, for example: feeling low, sad"
    )
    meaning = models.TextField(
        blank=True,
        help_text=(
            "The words services use for it, separated by commas, for example: mental health, "
            "counselling, wellbeing. Leave empty when the words above all mean the same thing."
        ),
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why this is here (optional).")

    panels = [FieldPanel("words"), FieldPanel("meaning"), FieldPanel("note")]
    search_fields = [index.SearchField("words"), index.SearchField("meaning")]

    class Meta:
        ordering = ["words"]
        verbose_name = "search word"
        verbose_name_plural = "search words"

    def __str__(self) -> str:
        return self.words if len(self.words) <= 80 else self.words[:77] + "..."

    @staticmethod
    def split(text: str) -> tuple[str, ...]:
        return tuple(
            part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()
        )
