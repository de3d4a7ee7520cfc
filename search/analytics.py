"""Search analytics: record each search without personal data, and summarise them for editors.

A recorded search keeps the normalised words, the filters used, the number of results and the
day. Never the time, an IP address, a session or a postcode; words that look like an email
address, a phone number or a postcode are replaced before anything is saved.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from directory.vocabularies import TAXONOMY_MODELS, VOCABULARIES
from search.models.analytics import RecordedSearch, RecordedSearchFilter

MAX_QUERY_LENGTH = 100
PERIODS = {7: "Last 7 days", 30: "Last 30 days", 90: "Last 90 days"}
DEFAULT_PERIOD = 30
CHILD_AGE_GROUP = "child-age"

FILTER_GROUP_LABELS = {v.key: v.label for v in VOCABULARIES} | {
    CHILD_AGE_GROUP: "Age of child (years)"
}
FIXED_VALUE_LABELS: dict[tuple[str, str], str] = {
    (v.key, slug): label for v in VOCABULARIES for slug, label in v.choices
}

_EMAIL = re.compile(r"\S+@\S+")
_POSTCODE = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b")
_PHONE = re.compile(r"\+?\d[\d\s-]{5,}\d")
_NOT_WORDS = re.compile(r"[^\w\s'&+-]")
_SPACES = re.compile(r"\s+")


def normalise_query_text(text: str) -> str:
    """The words of a search as editors should see them: lower case, single spaces, no
    punctuation, and no email addresses, phone numbers or postcodes."""
    text = (text or "").lower()
    # Upper-case placeholders cannot clash with the lower-cased words around them.
    text = _EMAIL.sub(" EMAIL ", text)
    text = _POSTCODE.sub(" POSTCODE ", text)
    text = _PHONE.sub(" NUMBER ", text)
    text = _SPACES.sub(" ", _NOT_WORDS.sub(" ", text)).strip()
    for placeholder in ("EMAIL", "POSTCODE", "NUMBER"):
        text = text.replace(placeholder, f"[{placeholder.lower()}]")
    return text[:MAX_QUERY_LENGTH].strip()


def search_filters(query) -> list[tuple[str, str]]:
    """The (group, value) pairs a SearchQuery filters on, in a stable order."""
    pairs = [
        (group, str(value))
        for group, values in sorted((getattr(query, "filters", None) or {}).items())
        for value in values
        if group in FILTER_GROUP_LABELS
    ]
    if getattr(query, "age", None) is not None:
        pairs.append((CHILD_AGE_GROUP, str(query.age)))
    return pairs


def is_worth_recording(query) -> bool:
    """Only new searches: words or filters on the first page. Browsing and paging are not."""
    if getattr(query, "page", 1) != 1:
        return False
    return bool(normalise_query_text(query.text) or search_filters(query))


def record_search(query, result_count: int, source: str = RecordedSearch.Source.DIRECTORY) -> None:
    """Save one search (words, filters, result count, day): at most two INSERT statements."""
    if not is_worth_recording(query):
        return
    search = RecordedSearch.objects.create(
        query=normalise_query_text(query.text), result_count=result_count, source=source
    )
    filters = [
        RecordedSearchFilter(search=search, group=group, value=value[:100])
        for group, value in search_filters(query)
    ]
    if filters:
        RecordedSearchFilter.objects.bulk_create(filters)


def period_start(days: int, today: datetime.date | None = None) -> datetime.date:
    """The first day of a reporting period of `days` days ending today."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=days - 1)


@dataclass
class QueryRow:
    query: str
    searches: int
    zero_result_searches: int


@dataclass
class FilterRow:
    group: str
    group_label: str
    value: str
    uses: int


def top_queries(since: datetime.date, limit: int = 50) -> list[QueryRow]:
    """The most searched-for words since `since`, most frequent first."""
    rows = (
        RecordedSearch.objects.filter(day__gte=since)
        .exclude(query="")
        .values("query")
        .annotate(searches=Count("id"), zero=Count("id", filter=Q(result_count=0)))
        .order_by("-searches", "query")[:limit]
    )
    return [QueryRow(r["query"], r["searches"], r["zero"]) for r in rows]


def zero_result_queries(since: datetime.date, limit: int = 50) -> list[QueryRow]:
    """Words that found nothing since `since` (unmet need), most frequent first."""
    rows = (
        RecordedSearch.objects.filter(day__gte=since, result_count=0)
        .exclude(query="")
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:limit]
    )
    return [QueryRow(r["query"], r["searches"], r["searches"]) for r in rows]


def zero_result_search_count(since: datetime.date) -> tuple[int, int]:
    """(all searches, searches with no results) since `since`, filters-only searches included."""
    totals = RecordedSearch.objects.filter(day__gte=since).aggregate(
        total=Count("id"), zero=Count("id", filter=Q(result_count=0))
    )
    return totals["total"], totals["zero"]


def popular_filters(since: datetime.date, limit: int = 50) -> list[FilterRow]:
    """The filter values used most since `since`, most used first."""
    rows = (
        RecordedSearchFilter.objects.filter(search__day__gte=since)
        .values("group", "value")
        .annotate(uses=Count("id"))
        .order_by("-uses", "group", "value")[:limit]
    )
    rows = list(rows)
    labels = value_labels({(r["group"], r["value"]) for r in rows})
    return [
        FilterRow(
            r["group"],
            FILTER_GROUP_LABELS.get(r["group"], r["group"]),
            labels.get((r["group"], r["value"]), r["value"]),
            r["uses"],
        )
        for r in rows
    ]


def value_labels(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Names for filter values ('autism' is 'Autism'): one query per taxonomy group shown."""
    labels = {pair: FIXED_VALUE_LABELS[pair] for pair in pairs if pair in FIXED_VALUE_LABELS}
    for group, model in TAXONOMY_MODELS.items():
        slugs = {value for g, value in pairs if g == group}
        if slugs:
            for slug, name in model.objects.filter(slug__in=slugs).values_list("slug", "name"):
                labels[(group, slug)] = name
    return labels
