"""The directory's vocabularies in one place: what a service can be filtered and described by.

Search (its form, both backends, the index, analytics, signals), the Open Referral API and
spreadsheet, and the demo all read this registry; none of them lists the vocabularies again.
Each has one key (in web addresses, search filters and the index), one label people see, and
either a taxonomy model editors manage as snippets or fixed values.
"""

from dataclasses import dataclass

from django.db import models

from directory.models import (
    AccessRoute,
    DeliveryMethod,
    District,
    Need,
    ProviderType,
    ServiceType,
)
from directory.models.pages import AGE_BANDS, CostType

# The one value of a yes-or-no fact (such as "young people can go without a parent or carer").
YES = "yes"


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary: its key, label, the ServicePage field holding a service's values, and the
    taxonomy model (or, for fixed values, `choices` as (slug, label) pairs)."""

    key: str
    label: str
    service_field: str
    model: type[models.Model] | None = None
    many: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    # The name and description it is published under (Open Referral taxonomy, spreadsheets).
    published_name: str = ""
    description: str = ""

    @property
    def is_taxonomy(self) -> bool:
        return self.model is not None

    @property
    def is_yes_no(self) -> bool:
        """A fact a service has or not (a BooleanField): one checkbox, one value, `YES`."""
        return len(self.choices) == 1 and self.choices[0][0] == YES

    def labels(self) -> dict[str, str]:
        """Fixed values' labels by slug (taxonomy values have their own `name`)."""
        return dict(self.choices)


# In the order a parent sees them as filters. Plain words a 14-year-old understands too.
VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "type",
        "Service type",
        "service_types",
        ServiceType,
        published_name="Local Offer service types",
        description="What kind of service it is, such as short breaks or information and advice.",
    ),
    Vocabulary(
        "need",
        "Needs and disabilities",
        "needs",
        Need,
        published_name="SEND needs",
        description="The special educational needs and disabilities a service supports.",
    ),
    Vocabulary(
        "age",
        "Age",
        "min_age",  # with max_age: a service covers every band its age range overlaps
        choices=tuple((slug, label) for slug, label, _low, _high in AGE_BANDS),
    ),
    Vocabulary(
        "alone",
        "Going alone",
        "without_parent",
        many=False,
        choices=((YES, "Young people can go without a parent or carer"),),
        description="Children or young people can take part without a parent or carer staying.",
    ),
    Vocabulary(
        "district",
        "District",
        "districts",
        District,
        published_name="Districts",
        description="The districts of the county a service covers.",
    ),
    Vocabulary("cost", "Cost", "cost_type", many=False, choices=tuple(CostType.choices)),
    Vocabulary(
        "access",
        "How to get it",
        "access_routes",
        AccessRoute,
        published_name="Ways to access",
        description="How a family gets the service, such as self-referral or an EHC plan.",
    ),
    Vocabulary(
        "delivery",
        "Where or how it happens",
        "delivery_methods",
        DeliveryMethod,
        published_name="Delivery methods",
        description="How the service is delivered, such as in person or online.",
    ),
    Vocabulary(
        "provider",
        "Who runs it",
        "provider_type",
        ProviderType,
        many=False,
        published_name="Provider types",
        description="The provider types of Schedule 2 of the SEND Regulations 2014.",
    ),
)

VOCABULARY: dict[str, Vocabulary] = {v.key: v for v in VOCABULARIES}
TAXONOMIES: tuple[Vocabulary, ...] = tuple(v for v in VOCABULARIES if v.is_taxonomy)
TAXONOMY_MODELS: dict[str, type[models.Model]] = {v.key: v.model for v in TAXONOMIES}
