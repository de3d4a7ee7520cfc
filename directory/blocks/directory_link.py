from urllib.parse import urlencode

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


def age_band_choices() -> list[tuple[str, str]]:
    """The directory's age bands (read late: the page models import these blocks)."""
    from directory.models.pages import AGE_BANDS

    return [("", "Any age"), *[(slug, label) for slug, label, _low, _high in AGE_BANDS]]


class DirectorySearchLinkBlock(blocks.StructBlock):
    """A link into the service directory with filters already chosen, such as 'Search
    activities and clubs' opening the directory filtered to activities and clubs."""

    text = blocks.CharBlock(max_length=120, help_text="For example: Search activities and clubs")
    directory = blocks.PageChooserBlock(
        page_type="directory.DirectoryIndexPage",
        required=False,
        help_text="Leave empty for the site's service directory.",
    )
    words = blocks.CharBlock(max_length=100, required=False, help_text="Search words (optional)")
    service_types = blocks.ListBlock(
        SnippetChooserBlock("directory.ServiceType"), default=[], label="Service types"
    )
    needs = blocks.ListBlock(SnippetChooserBlock("directory.Need"), default=[], label="Needs")
    age_band = blocks.ChoiceBlock(
        choices=age_band_choices,
        required=False,
    )

    class Meta:
        icon = "search"
        template = "directory/blocks/directory_link.html"
        label = "Link to the directory, filtered"
        preview_value = {"text": "Search activities and clubs", "words": "swimming"}

    def url(self, value) -> str:
        """The directory's address with this block's words and filters."""
        from directory.models import DirectoryIndexPage

        directory = value.get("directory")
        if directory is None:
            directory = DirectoryIndexPage.objects.live().order_by("path").first()
        if directory is None:
            return ""
        # The directory page's query-string parameters (the search form reads the same names).
        params = [("q", value.get("words") or "")]
        params += [("type", t.slug) for t in value.get("service_types") or [] if t]
        params += [("need", n.slug) for n in value.get("needs") or [] if n]
        params.append(("age_band", value.get("age_band") or ""))
        query = urlencode([(k, v) for k, v in params if v])
        return f"{directory.url}?{query}" if query else directory.url

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["directory_url"] = self.url(value)
        return context
