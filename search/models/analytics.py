"""What people search for, kept without anything about who searched (no IP, session or time)."""

from django.db import models
from django.utils import timezone


def _today():
    return timezone.localdate()


class RecordedSearch(models.Model):
    """One search, as editors see it in the "Search terms" report: words, day and result count."""

    class Source(models.TextChoices):
        DIRECTORY = "directory", "Service directory"
        SITE = "site", "Site search"

    day = models.DateField(default=_today, db_index=True)
    query = models.CharField(
        max_length=100, blank=True, db_index=True, help_text="Normalised search words."
    )
    result_count = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.DIRECTORY)

    class Meta:
        verbose_name = "recorded search"
        indexes = [models.Index(fields=["day", "query"], name="search_rec_day_query")]

    def __str__(self) -> str:
        return f"{self.query or '(no words)'} on {self.day}: {self.result_count} results"


class RecordedSearchFilter(models.Model):
    """A filter value used in a recorded search, such as need = autism."""

    search = models.ForeignKey(RecordedSearch, on_delete=models.CASCADE, related_name="filters")
    group = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        verbose_name = "recorded search filter"
        indexes = [models.Index(fields=["group", "value"], name="search_rec_filter_value")]

    def __str__(self) -> str:
        return f"{self.group}: {self.value}"
