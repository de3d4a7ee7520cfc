"""The shortlist: services a family saves while searching, kept in their session (no account).

Services are kept by their UUID, which stays the same when a page is moved or renamed, so a
shared link (`/shortlist/shared/?ids=<uuid>,<uuid>`) keeps working. Nothing personal is stored.
"""

import uuid
from collections.abc import Iterable

from django.db.models import Prefetch
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from directory.models import ServiceContact, ServicePage
from directory.ratelimit import count_and_check, over_rate_limit
from directory.visibility import publicly_visible
from notifications.outbox import queue_email

SESSION_KEY = "shortlist"
MAX_SERVICES = 50
# Email sending is limited per client and browser session, and for the whole site, per hour.
EMAIL_LIMIT_PER_SESSION = 3
EMAIL_LIMIT_SITE_WIDE = 200
EMAIL_LIMIT_WINDOW_SECONDS = 60 * 60

NOTICE_KEY = "shortlist_notice"


def parse_service_ids(values: Iterable[str]) -> list[str]:
    """Valid service UUIDs from raw strings, in order, without duplicates; junk is dropped."""
    ids: list[str] = []
    for raw in values:
        for part in str(raw).split(","):
            try:
                value = str(uuid.UUID(part.strip()))
            except ValueError:
                continue
            if value not in ids:
                ids.append(value)
    return ids[:MAX_SERVICES]


def shortlist_ids(request: HttpRequest) -> list[str]:
    """The UUIDs of the services saved in this session, oldest first."""
    return parse_service_ids(request.session.get(SESSION_KEY, []))


def shortlist_count(request: HttpRequest) -> int:
    """How many services are saved, without touching the database."""
    return len(request.session.get(SESSION_KEY, [])) if hasattr(request, "session") else 0


def add_to_shortlist(request: HttpRequest, service_id: str) -> bool:
    """Save a service; returns False if it was already saved (saving twice changes nothing)."""
    ids = shortlist_ids(request)
    if service_id in ids or len(ids) >= MAX_SERVICES:
        return False
    request.session[SESSION_KEY] = [*ids, service_id]
    return True


def remove_from_shortlist(request: HttpRequest, service_id: str) -> bool:
    """Remove a service; returns False if it was not saved."""
    ids = shortlist_ids(request)
    if service_id not in ids:
        return False
    request.session[SESSION_KEY] = [i for i in ids if i != service_id]
    return True


def set_shortlist_notice(request: HttpRequest, text: str) -> None:
    """A one-off message shown by the next page that shows the shortlist buttons."""
    request.session[NOTICE_KEY] = text


def pop_shortlist_notice(request: HttpRequest) -> str:
    if not hasattr(request, "session") or NOTICE_KEY not in request.session:
        return ""
    return request.session.pop(NOTICE_KEY, "")


def find_service(service_id: str) -> ServicePage | None:
    """The live service with this UUID, or None."""
    ids = parse_service_ids([service_id])
    if not ids:
        return None
    return (
        publicly_visible(ServicePage.objects)
        .filter(uuid=ids[0])
        .only("id", "title", "uuid")
        .first()
    )


def shortlisted_services(service_ids: list[str]) -> list[ServicePage]:
    """The live services with these UUIDs, in the given order, with what a card shows.

    Unpublished or deleted services are left out. The number of queries does not depend on
    how many services there are.
    """
    if not service_ids:
        return []
    services = (
        publicly_visible(ServicePage.objects)
        .filter(uuid__in=service_ids)
        .select_related("organisation")
        .prefetch_related(
            "service_types",
            "districts",
            Prefetch("contacts", queryset=ServiceContact.objects.order_by("sort_order")),
        )
    )
    by_id = {str(service.uuid): service for service in services}
    return [by_id[i] for i in service_ids if i in by_id]


def prune_shortlist(request: HttpRequest, services: list[ServicePage]) -> None:
    """Forget saved services that are no longer published, so the count in the header is right."""
    live_ids = [str(service.uuid) for service in services]
    if request.session.get(SESSION_KEY, []) != live_ids:
        request.session[SESSION_KEY] = live_ids


def shared_path(service_ids: list[str]) -> str:
    """The path of the read-only view of these services (no personal data in it)."""
    return f"{reverse('shortlist_shared')}?ids={','.join(service_ids)}"


def email_allowed(request: HttpRequest) -> bool:
    """Whether this client and session may send another shortlist email now (counts it).

    Keyed by the client as well as the session, so fresh sessions do not reset the count.
    """
    limited = over_rate_limit(
        request,
        scope="shortlist-email",
        limit=EMAIL_LIMIT_PER_SESSION,
        window_seconds=EMAIL_LIMIT_WINDOW_SECONDS,
        per_session=True,
    )
    return not limited and count_and_check(
        "rate:shortlist-email:site", EMAIL_LIMIT_SITE_WIDE, EMAIL_LIMIT_WINDOW_SECONDS
    )


def send_shortlist_email(
    address: str, services: list[ServicePage], request: HttpRequest, site_name: str
) -> None:
    """Email the list to `address` through the outbox (which blanks the address 30 days after
    sending); the session never keeps it."""
    context = {
        "services": services,
        "site_name": site_name,
        "shared_url": request.build_absolute_uri(
            shared_path([str(service.uuid) for service in services])
        ),
        "request": request,
    }
    body = render_to_string("search/email/shortlist.txt", context).strip() + "\n"
    # Each accepted press of "Send" is its own event; the rate limits above bound how many.
    queue_email(
        key=f"shortlist:{uuid.uuid4()}",
        to=address,
        subject=f"Your shortlist from {site_name}",
        body=body,
    )
