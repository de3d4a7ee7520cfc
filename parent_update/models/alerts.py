"""Saved-search alerts: "Email me when a new service matches" this directory search."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SearchAlert(models.Model):
    """A confirmed directory search to email about, at most once a week. Deleted on unsubscribe."""

    email = models.EmailField(max_length=254)
    query_string = models.CharField(max_length=2000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_alerts",
    )
    confirmed_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["email", "query_string"], name="one_alert_per_search")
        ]

    def __str__(self) -> str:
        return f"{self.email}: ?{self.query_string}"
