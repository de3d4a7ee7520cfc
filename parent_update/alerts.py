"""Saved-search alerts: read a saved directory search, and email what newly matches it weekly.

A saved search is the directory's own query string, read by the search app's own form, so an
alert finds exactly what a parent would see on the search page.
"""

import dataclasses
import datetime
from urllib.parse import urlencode

from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone

from directory.models import DirectoryIndexPage
from notifications.outbox import queue_email
from parent_update.links import absolute, unsubscribe_headers, unsubscribe_url
from parent_update.models import SearchAlert
from parent_update.subscriptions import unsubscribe_token
from search.contract import SearchQuery
from search.forms import DirectorySearchForm
from search.service_search import search_services

MAX_QUERY_LENGTH = 2000
MAX_SERVICES_IN_EMAIL = 20
WEEK = datetime.timedelta(days=7)
_IGNORED = {"page", "sort"}


@dataclasses.dataclass
class SavedSearch:
    """A saved search read back: the canonical query string, the query, and what it means."""

    query_string: str = ""
    query: SearchQuery | None = None
    description: str = ""
    problem: str = ""


def read_search(raw: str) -> SavedSearch:
    """Check a directory query string; `problem` says in plain words why it cannot be saved."""
    if len(raw) > MAX_QUERY_LENGTH:
        return SavedSearch(problem="This search is too long to save. Try a shorter search.")
    form = DirectorySearchForm(QueryDict(raw))
    allowed = set(form.fields) - _IGNORED
    form.is_valid()
    if form.errors:
        first = next(iter(form.errors.values()))[0]
        return SavedSearch(problem=f"This search has a problem: {first}. Change the search first.")
    query = form.to_query(per_page=MAX_SERVICES_IN_EMAIL, page=1)
    pairs: list[tuple[str, str]] = []
    data = QueryDict(raw)
    for name in sorted(allowed):
        for value in data.getlist(name):
            value = value.strip()
            if value and (name not in _filter_params(form) or _kept(form, name, value)):
                pairs.append((name, value))
    if not query.text and not query.filters and query.age is None and not query.postcode:
        return SavedSearch(problem="Search for something first, then ask us to email you about it.")
    canonical = urlencode(pairs)
    return SavedSearch(query_string=canonical, query=query, description=describe(query))


def _filter_params(form: DirectorySearchForm) -> set[str]:
    return {name for name, field in form.fields.items() if hasattr(field, "facet_group")}


def _kept(form: DirectorySearchForm, name: str, value: str) -> bool:
    group = form.fields[name].facet_group
    return value in form.filters.get(group, ())


def describe(query: SearchQuery) -> str:
    """A short sentence about a search, for the page and the emails."""
    parts = []
    if query.text:
        parts.append(f"services matching \u201c{query.text}\u201d")
    else:
        parts.append("services")
    filters = sum(len(values) for values in query.filters.values())
    if filters:
        parts.append(f"with {filters} filter{'s' if filters != 1 else ''}")
    if query.age is not None:
        parts.append(f"for age {query.age}")
    if query.postcode:
        parts.append(f"near {query.postcode}")
    return " ".join(parts)


def search_url(query_string: str) -> str:
    directory = DirectoryIndexPage.objects.live().first()
    return absolute(f"{directory.url if directory else '/services/'}?{query_string}")


def due_alerts(now: datetime.datetime):
    """Alerts that have not had an email in the past week."""
    return SearchAlert.objects.exclude(last_sent_at__gt=now - WEEK)


def send_alert(alert: SearchAlert, now: datetime.datetime) -> bool:
    """Email the services published or changed since the last email (the first email: every
    current match). True if an email was queued. At most one a week per alert."""
    if alert.last_sent_at and alert.last_sent_at > now - WEEK:
        return False
    saved = read_search(alert.query_string)
    if saved.query is None:
        return False
    query = dataclasses.replace(saved.query, modified_after=alert.last_sent_at, with_facets=False)
    results = search_services(query)
    if not results.hits:
        return False
    token = unsubscribe_token(alert)
    body = render_to_string(
        "parent_update/emails/alert.txt",
        {
            "description": saved.description,
            "first": alert.last_sent_at is None,
            "hits": results.hits,
            "total": results.total,
            "base_url": absolute(""),
            "search_url": search_url(saved.query_string),
            "unsubscribe_url": unsubscribe_url(token),
        },
    )
    queue_email(
        key=f"search-alert:{alert.pk}:{now.date().isoformat()}",
        to=alert.email,
        subject=f"New services: {saved.description}"[:200],
        body=body,
        headers=unsubscribe_headers(token),
    )
    alert.last_sent_at = now
    alert.save(update_fields=["last_sent_at"])
    return True


def send_alerts(now: datetime.datetime | None = None) -> int:
    """Send every due alert that has something new. Returns how many emails were queued."""
    now = now or timezone.now()
    return sum(send_alert(alert, now) for alert in due_alerts(now).iterator())
