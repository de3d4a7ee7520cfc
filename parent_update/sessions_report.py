"""Services whose sessions have all passed: flagged to their owners once per last date."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from directory.models import ServicePage
from notifications.outbox import queue_email
from parent_update.links import absolute
from parent_update.models import ServiceSession


def services_with_only_past_sessions(today: datetime.date | None = None) -> list[ServicePage]:
    """Live services that have sessions, none of them on or after today."""
    today = today or timezone.localdate()
    last_dates: dict[int, datetime.date] = {}
    for session in ServiceSession.objects.only(
        "service_id", "date", "repeats_weekly", "repeat_until"
    ):
        last = session.last_date()
        if last > last_dates.get(session.service_id, datetime.date.min):
            last_dates[session.service_id] = last
    past = [pk for pk, last in last_dates.items() if last < today]
    services = list(ServicePage.objects.live().filter(pk__in=past).select_related("owner"))
    for service in services:
        service.last_session_date = last_dates[service.pk]
    return services


def flag_services_with_only_past_sessions(today: datetime.date | None = None) -> list[ServicePage]:
    """Email each such service's owner once (per last session date)."""
    services = services_with_only_past_sessions(today)
    for service in services:
        owner = service.owner
        if owner is None or not owner.email:
            continue
        queue_email(
            key=f"sessions-passed:{service.pk}:{service.last_session_date.isoformat()}",
            to=owner.email,
            subject=f"Add new dates for {service.title}",
            body=render_to_string(
                "parent_update/emails/sessions_passed.txt",
                {
                    "service": service,
                    "admin_url": absolute(reverse("sessions:index")),
                },
            ),
        )
    return services
