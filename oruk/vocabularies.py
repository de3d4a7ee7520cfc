"""The directory's vocabularies as Open Referral taxonomies, and the stable ids the API gives out.

Each vocabulary is one ORUK `taxonomy` with a UUID derived from its key, so the id never changes
between deployments; each value is a `taxonomy_term` whose id is the value's own `uuid`.
Objects the directory stores without a UUID of their own (schedules, service areas, attributes)
get a UUID derived from their owner's UUID and what they are, so they too are stable.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models

from directory.vocabularies import TAXONOMIES, YES
from directory.vocabularies import VOCABULARIES as DIRECTORY_VOCABULARIES
from directory.vocabularies import Vocabulary as DirectoryVocabulary

# Fixed namespace for every UUID this API derives. Never change it: ids would change with it.
ORUK_NAMESPACE = uuid.UUID("6f1b7a52-3d0e-5c8e-9a4b-2f6d1c0e8a71")


def derived_uuid(*parts: object) -> uuid.UUID:
    """A stable UUID for an object identified by its owner and its kind."""
    return uuid.uuid5(ORUK_NAMESPACE, ":".join(str(part) for part in parts))


@dataclass(frozen=True)
class FixedTerm:
    """The term of a yes-or-no fact (ORUK has no field for it: a service carries it as an
    attribute), shaped like a taxonomy value."""

    uuid: uuid.UUID
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary of the directory (directory.vocabularies) as an ORUK taxonomy: a taxonomy
    model's values, or the one term of a yes-or-no fact."""

    vocabulary: DirectoryVocabulary

    def __getattr__(self, name: str):
        """`model`, `many`, `service_field`, `description`: the registry's."""
        if name.startswith("_"):  # copy and pickle probe these before `vocabulary` is set
            raise AttributeError(name)
        return getattr(self.vocabulary, name)

    @property
    def key(self) -> str:
        """The spreadsheet import/export column; the ServicePage field of the values."""
        return self.vocabulary.service_field

    @property
    def facet(self) -> str:
        """The search contract's facet group."""
        return self.vocabulary.key

    @property
    def name(self) -> str:
        return self.vocabulary.published_name or self.vocabulary.label

    @property
    def uuid(self) -> uuid.UUID:
        return derived_uuid("taxonomy", self.key)

    def terms(self) -> Sequence:
        """The values: a queryset of the taxonomy model, or the fact's one term."""
        if self.vocabulary.is_taxonomy:
            return self.model.objects.all()
        return [
            FixedTerm(derived_uuid("taxonomy_term", self.key, slug), slug, label, self.description)
            for slug, label in self.vocabulary.choices
        ]

    def has(self, page, term) -> bool:
        """Whether a yes-or-no fact holds for the page."""
        return bool(getattr(page, self.service_field)) and term.slug == YES


# The taxonomies first, then the yes-or-no facts.
VOCABULARIES: tuple[Vocabulary, ...] = tuple(Vocabulary(v) for v in TAXONOMIES) + tuple(
    Vocabulary(v) for v in DIRECTORY_VOCABULARIES if v.is_yes_no
)
VOCABULARY_BY_UUID: dict[uuid.UUID, Vocabulary] = {v.uuid: v for v in VOCABULARIES}
VOCABULARY_BY_KEY: dict[str, Vocabulary] = {v.key: v for v in VOCABULARIES}


def service_terms(page) -> list[tuple[Vocabulary, models.Model]]:
    """Every taxonomy value of a service with its vocabulary (uses prefetched relations)."""
    terms = []
    for vocabulary in VOCABULARIES:
        if not vocabulary.vocabulary.is_taxonomy:
            terms += [(vocabulary, t) for t in vocabulary.terms() if vocabulary.has(page, t)]
        elif vocabulary.many:
            terms += [(vocabulary, t) for t in getattr(page, vocabulary.service_field).all()]
        else:
            value = getattr(page, vocabulary.service_field)
            if value is not None:
                terms.append((vocabulary, value))
    return terms
