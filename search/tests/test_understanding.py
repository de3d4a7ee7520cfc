"""Reading families' words: meaningless words dropped, ages and districts read as filters,
the editor-managed search words expanding the query, partial matches when nothing matches all."""

import pytest

from search.analysis import concepts, spelling_suggestion
from search.contract import SearchQuery
from search.indexing import index_services
from search.models import SearchSynonym
from search.service_search import search_services
from search.synonyms import synonym_entries
from search.understanding import understand, without_words

DISTRICTS = [("stowford", "Stowford"), ("chase-vale", "Chase Vale")]


def concept_words(text: str) -> list[set[str]]:
    return [{" ".join(p) for p in c.phrases} for c in concepts(text)]


# Reads the editors' search words from the database.
@pytest.mark.django_db
def test_words_that_say_who_is_asking_are_dropped():
    found = concept_words("respite for my autistic son")
    assert len(found) == 2
    assert "short break" in found[0] and "respite" in found[0]
    assert "autism" in found[1]


# Reads the editors' search words from the database.
@pytest.mark.django_db
def test_a_query_of_only_such_words_keeps_them():
    assert concept_words("help") == [{"help"}]


# Reads the editors' search words from the database.
@pytest.mark.django_db
def test_families_phrases_expand_to_the_services_words():
    (feeling_low,) = concept_words("feeling low")
    assert {"mental health", "counselling"} <= feeling_low
    assert {"activities", "club"} <= concept_words("things to do")[0]


@pytest.mark.parametrize(
    ("text", "age", "rest"),
    [
        ("short breaks for autistic 8 year old", 8, "short breaks for autistic"),
        ("8-year-old autism", 8, "autism"),
        ("swimming aged 14", 14, "swimming"),
        ("free childcare for 2 year olds", 2, "free childcare for"),
        ("club for 99 year old", None, "club for 99 year old"),
    ],
)
def test_ages_in_the_words_become_an_age(text, age, rest):
    understood = understand(text, DISTRICTS)
    assert understood.age == age
    assert understood.text == rest


def test_teenager_becomes_an_age_range_and_districts_are_found():
    understood = understand("autistic teenager clubs in Chase Vale", DISTRICTS)
    assert (understood.min_age, understood.max_age) == (13, 19)
    assert understood.districts == (("chase-vale", "Chase Vale", "in Chase Vale"),)
    assert understood.text == "autistic clubs"


def test_removing_a_tag_takes_its_words_out():
    assert without_words("short breaks 8 year old", "8 year old") == "short breaks"


# Reads the editors' search words from the database.
@pytest.mark.django_db
def test_two_letters_the_wrong_way_round_are_put_right():
    assert spelling_suggestion("cahms", set(), ["camh", "camp"]) == "camhs"


@pytest.mark.django_db
def test_editors_search_words_apply_to_the_next_search(make_service):
    service = make_service("Quiet swim sessions", summary="Relaxed swimming.")
    index_services([service.pk])
    synonym_entries()  # cached
    assert search_services(SearchQuery(text="splash time")).total == 0
    entry = SearchSynonym.objects.create(words="splash time", meaning="swimming")
    assert [h.title for h in search_services(SearchQuery(text="splash time")).hits] == [
        "Quiet swim sessions"
    ]
    entry.delete()
    assert search_services(SearchQuery(text="splash time")).total == 0


@pytest.mark.django_db
def test_the_seeded_list_holds_the_original_synonyms_and_families_words():
    words = {w for entry in SearchSynonym.objects.all() for w in SearchSynonym.split(entry.words)}
    assert {"respite", "autism", "things to do", "feeling low", "job", "travel training"} <= words


@pytest.mark.django_db
def test_words_read_as_filters_are_reported_and_narrow_the_search(make_service):
    young = make_service("Autism club for little ones", needs=["autism"], min_age=0, max_age=5)
    older = make_service("Autism youth club", needs=["autism"], min_age=8, max_age=18)
    index_services([young.pk, older.pk])
    results = search_services(SearchQuery(text="autism club 8 year old", understand=True))
    assert [h.title for h in results.hits] == ["Autism youth club"]
    assert results.understood.age == 8
    # The ORUK API and others that do not ask keep the words as words.
    assert search_services(SearchQuery(text="autism club 8 year old")).understood is None
