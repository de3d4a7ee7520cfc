"""Filters on a public listing (the forum's action tracker, "you said, we did"): groups of values,
each with how many results choosing it gives, drawn by `components/filter_group.html`.

The directory search has its own richer groups (search.contract.FacetGroup) drawn with the same
checkbox, `components/filter_checkbox.html`.
"""

from dataclasses import dataclass

from django.http import QueryDict


@dataclass
class FilterValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FilterGroup:
    key: str
    label: str
    values: list[FilterValue]

    @property
    def selected_count(self) -> int:
        return sum(1 for v in self.values if v.selected)


def without(params: QueryDict, key: str, value: str | None = None) -> str:
    """A link to the same listing without `value` of `key` (without `key` at all if no value is
    given), back on its first page."""
    rest = params.copy()
    if value is None:
        rest.pop(key, None)
    else:
        rest.setlist(key, [v for v in params.getlist(key) if v != value])
    rest.pop("page", None)
    return "?" + rest.urlencode()


def removal_tags(groups: list[FilterGroup], params: QueryDict) -> list[dict]:
    """The chosen values as tags for `components/selected_filters.html`: "Group: Value", each
    linking to the same listing without it."""
    return [
        {"label": f"{group.label}: {value.label}", "href": without(params, group.key, value.value)}
        for group in groups
        for value in group.values
        if value.selected
    ]
