"""The directory search form: turns the page's query string into a SearchQuery.

Every state of the search page is a plain GET URL. Bad values never break the page: a wrong age
or postcode gets a message next to its field, while tampered values (an unknown filter value, a
page number that is not a number, an unknown sort) are quietly ignored.
"""

import re

from django import forms

from directory.models.pages import MAX_AGE
from directory.validators import OUTWARD_CODE_RE, UK_POSTCODE_RE, normalise_postcode
from directory.vocabularies import TAXONOMY_MODELS, VOCABULARIES
from search.contract import FACET_GROUP_KEYS, SORT_ORDERS, SearchQuery

PER_PAGE = 20
MAX_PAGE = 500
DISTANCE_CHOICES = [
    ("", "Any distance"),
    ("1", "Within 1 mile"),
    ("3", "Within 3 miles"),
    ("5", "Within 5 miles"),
    ("10", "Within 10 miles"),
    ("25", "Within 25 miles"),
]
SORT_CHOICES = [("relevance", "Best match"), ("name", "Name (A to Z)"), ("distance", "Distance")]

# The query-string parameter of each facet group. The age group's bands use `age_band`, because
# `age` is the child's age in years.
FACET_PARAMS: dict[str, str] = {key: key for key in FACET_GROUP_KEYS} | {"age": "age_band"}
FIXED_VALUES: dict[str, set[str]] = {
    v.key: set(v.labels()) for v in VOCABULARIES if not v.is_taxonomy
}
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
UNKNOWN_POSTCODE_MESSAGE = (
    "We could not find that postcode. Check it and try again, or search without a postcode"
)


class SlugListField(forms.Field):
    """Several values of one query-string parameter; anything that is not a slug is dropped."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> tuple[str, ...]:
        if not value:
            return ()
        values = value if isinstance(value, list | tuple) else [value]
        slugs: list[str] = []
        for item in values:
            item = str(item).strip()
            if _SLUG.match(item) and item not in slugs:
                slugs.append(item)
        return tuple(slugs[:50])


def known_values(selected: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Which of the selected slugs exist, per group: one small query per taxonomy group used."""
    known = {group: FIXED_VALUES[group] for group in selected if group in FIXED_VALUES}
    for group, values in selected.items():
        if group in TAXONOMY_MODELS and values:
            known[group] = set(
                TAXONOMY_MODELS[group]
                .objects.filter(slug__in=values)
                .order_by()
                .values_list("slug", flat=True)
            )
    return known


class DirectorySearchForm(forms.Form):
    """What a parent can ask of the directory; bind it to `request.GET`."""

    q = forms.CharField(label="Search for a service", required=False, max_length=200)
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=12,
        help_text="For example, ST16 2DH",
    )
    distance = forms.ChoiceField(label="Distance", required=False, choices=DISTANCE_CHOICES)
    age = forms.IntegerField(
        label="Age of the child or young person",
        required=False,
        help_text="In years, from 0 to 25",
        error_messages={
            "invalid": "Enter the age as a number, like 8",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
        min_value=0,
        max_value=MAX_AGE,
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for group, param in FACET_PARAMS.items():
            self.fields[param] = SlugListField(required=False)
            self.fields[param].facet_group = group

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_postcode(self) -> str:
        value = normalise_postcode(self.cleaned_data["postcode"])
        if value and not (UK_POSTCODE_RE.match(value) or OUTWARD_CODE_RE.match(value)):
            raise forms.ValidationError("Enter a full UK postcode, like ST16 2DH")
        return value

    def clean_distance(self):
        return self.cleaned_data.get("distance") or ""

    def _clean_fields(self):
        super()._clean_fields()
        # Tampered values of fixed choices are ignored rather than reported.
        for name, fallback in (("distance", ""), ("sort", "relevance")):
            if name in self.errors:
                del self.errors[name]
                self.cleaned_data[name] = fallback

    def clean(self):
        cleaned = super().clean()
        selected = {
            field.facet_group: cleaned.get(param) or ()
            for param, field in self.fields.items()
            if hasattr(field, "facet_group") and cleaned.get(param)
        }
        known = known_values(selected) if selected else {}
        self.filters = {
            group: tuple(v for v in values if v in known.get(group, set()))
            for group, values in selected.items()
        }
        self.filters = {group: values for group, values in self.filters.items() if values}
        return cleaned

    @property
    def page_number(self) -> int:
        """The page asked for; anything that is not a sensible number means page 1."""
        raw = self.data.get("page") if self.data is not None else None
        try:
            number = int(str(raw).strip())
        except (TypeError, ValueError):
            return 1
        return min(max(number, 1), MAX_PAGE)

    def to_query(self, per_page: int | None = None, page: int | None = None) -> SearchQuery:
        """The SearchQuery for the valid parts of the form (call `is_valid()` first)."""
        cleaned = getattr(self, "cleaned_data", {})
        postcode = "" if "postcode" in self.errors else cleaned.get("postcode", "")
        distance = cleaned.get("distance") or ""
        sort = cleaned.get("sort") or "relevance"
        if sort not in SORT_ORDERS or (sort == "distance" and not postcode):
            sort = "relevance"
        text = cleaned.get("q", "")
        if sort == "relevance" and postcode and not text:
            sort = "distance"  # without words to match, the best match is the nearest
        return SearchQuery(
            text=text,
            filters=dict(getattr(self, "filters", {})),
            age=None if "age" in self.errors else cleaned.get("age"),
            postcode=postcode,
            distance_miles=float(distance) if distance and postcode else None,
            sort=sort,
            page=page or self.page_number,
            per_page=per_page or PER_PAGE,
            understand=True,
        )


class ShortlistEmailForm(forms.Form):
    """Where to email a shortlist. The address is used to send one message and never stored."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We only use it to send this list. We do not keep it.",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
