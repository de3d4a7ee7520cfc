"""Keeping service information fresh: recording that an editor checked a service today."""

import datetime

from django.db import transaction
from django.utils import timezone

from directory.models import LocalOfferSettings, ServicePage


def next_review_date(page: ServicePage, today: datetime.date) -> datetime.date:
    """Today plus the site's review interval (Local Offer settings, 365 days by default)."""
    site = page.get_site()
    days = LocalOfferSettings.for_site(site).review_interval_days if site else 365
    return today + datetime.timedelta(days=days)


@transaction.atomic
def mark_checked_today(page: ServicePage, user) -> ServicePage:
    """Set "last checked" to today and the next review date, as a new revision by `user`.

    A service with no unpublished draft is published at once; one with a draft gets the dates
    both on the live page and in a new draft revision, so the draft is not published unasked.
    """
    today = timezone.localdate()
    due = next_review_date(page, today)
    had_draft = page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    latest.last_reviewed, latest.review_due = today, due
    revision = latest.save_revision(user=user, log_action=True)
    if had_draft:
        ServicePage.objects.filter(pk=page.pk).update(last_reviewed=today, review_due=due)
    else:
        revision.publish(user=user)
    page.refresh_from_db()
    return page
