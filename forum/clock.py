"""The forum's "today": one function, so tests fix the clock in one place."""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today, in the site's time zone."""
    return timezone.localdate()
