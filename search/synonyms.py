"""Words families use for the same thing. One list, used by both search backends.

Each entry is a set of equivalent words or phrases: searching for any finds the others.
"""

SYNONYMS: list[tuple[str, ...]] = [
    ("asd", "autism", "autistic", "autism spectrum"),
    ("salt", "speech and language", "speech therapy"),
    ("short break", "respite"),
    ("camhs", "mental health", "emotional wellbeing"),
    ("ehcp", "ehc plan", "education health and care plan"),
    ("adhd", "attention deficit"),
    ("sendiass", "send information advice and support"),
    ("ot", "occupational therapy"),
]


def elasticsearch_synonym_rules() -> list[str]:
    """The list in Solr format, as Elasticsearch's synonym filters read it."""
    return [", ".join(group) for group in SYNONYMS]
