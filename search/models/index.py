"""The database backend's own denormalised search index: one document per live service.

Written only by `search.indexing` (on publish, unpublish, move and delete, and by
`rebuild_search_index`); read by `search.backends.database`. Drafts never reach it.
"""

from django.db import models


class ServiceDocument(models.Model):
    """A live service as search sees it: what a result card shows and what filters test."""

    page = models.OneToOneField(
        "directory.ServicePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    uuid = models.UUIDField(db_index=True)
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    summary = models.CharField(max_length=300, blank=True)
    url_path = models.TextField()
    organisation = models.CharField(max_length=255, blank=True)
    service_types = models.CharField(max_length=500, blank=True)
    min_age = models.PositiveSmallIntegerField()
    max_age = models.PositiveSmallIntegerField()
    age_range = models.CharField(max_length=50, blank=True)
    area = models.CharField(max_length=500, blank=True)
    cost = models.CharField(max_length=50, blank=True)
    county_wide = models.BooleanField(default=False)
    last_published_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["min_age", "max_age"], name="search_doc_ages")]

    def __str__(self) -> str:
        return self.title


class ServiceFacetValue(models.Model):
    """One facet value a service has ('need' = 'autism'). County-wide services carry every
    district, with `based_here` False for the ones they are not based in."""

    document = models.ForeignKey(ServiceDocument, on_delete=models.CASCADE, related_name="facets")
    group = models.CharField(max_length=10)
    value = models.CharField(max_length=100)
    term_uuid = models.UUIDField(null=True, blank=True)
    based_here = models.BooleanField(default=True)

    class Meta:
        indexes = [
            models.Index(fields=["group", "value", "document"], name="search_facet_lookup"),
            models.Index(fields=["document", "group", "value"], name="search_facet_doc"),
            models.Index(fields=["term_uuid", "document"], name="search_facet_term"),
        ]

    def __str__(self) -> str:
        return f"{self.group}={self.value}"


class ServiceTerm(models.Model):
    """A stemmed word of a service's text, weighted by where it appears (title counts most)."""

    document = models.ForeignKey(ServiceDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=60)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            # Covering: a text search reads (term, service, weight) from the index alone.
            models.Index(fields=["term", "document", "weight"], name="search_term_postings"),
            models.Index(fields=["document", "term"], name="search_term_doc"),
        ]

    def __str__(self) -> str:
        return self.term


class ServiceDocumentLocation(models.Model):
    """A place a service is delivered, with its position as a unit vector for fast distances."""

    document = models.ForeignKey(
        ServiceDocument, on_delete=models.CASCADE, related_name="locations"
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    x = models.FloatField()
    y = models.FloatField()
    z = models.FloatField()

    class Meta:
        # Covering: a distance search reads the box, the position and the service from it alone.
        indexes = [
            models.Index(
                fields=["latitude", "longitude", "x", "y", "z", "document"],
                name="search_loc_nearby",
            )
        ]

    def __str__(self) -> str:
        return f"{self.latitude}, {self.longitude}"


class ServiceDocumentOpening(models.Model):
    """When a service is open on one weekday (1 is Monday)."""

    document = models.ForeignKey(ServiceDocument, on_delete=models.CASCADE, related_name="openings")
    weekday = models.PositiveSmallIntegerField()
    opens = models.TimeField()
    closes = models.TimeField()

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens}-{self.closes}"


class SearchIndexVersion(models.Model):
    """One row whose token changes with every write to the index (search.indexing), so each
    process knows when the facet bitsets it keeps (search.backends.bitsets) are stale."""

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token


class Postcode(models.Model):
    """A postcode loaded from the ONS Postcode Directory (`manage.py load_postcodes`)."""

    postcode = models.CharField(max_length=8, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    def __str__(self) -> str:
        return self.postcode
