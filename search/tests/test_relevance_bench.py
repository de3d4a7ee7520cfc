"""The relevance benchmark's measures and report, without a database."""

import json

import pytest

from search.management.commands.bench_relevance import (
    END,
    QUERIES_FILE,
    START,
    ndcg_at,
    write_section,
)


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise():
    judgments = {"a": 3, "b": 2}
    assert ndcg_at(["a", "b"], judgments) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], judgments) < 1.0
    assert ndcg_at(["x"], judgments) == 0.0


def test_the_query_set_has_sixty_queries_or_more_of_every_kind():
    data = json.loads(QUERIES_FILE.read_text())
    kinds = {q["kind"] for q in data["directory"]}
    assert len(data["directory"]) >= 60
    assert kinds == {"vocabulary", "parents", "everyday", "misspelling", "young_people", "process"}
    assert all(max(q["judgments"].values()) >= 2 for q in data["directory"] + data["site"])


def test_a_run_replaces_its_own_label_and_keeps_the_rest(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Search benchmarks\n\nTimings.\n")
    write_section(path, "before", "### before\n\nold")
    write_section(path, "after", "### after\n\nfirst")
    write_section(path, "after", "### after\n\nsecond")
    text = path.read_text()
    assert text.startswith("# Search benchmarks\n\nTimings.")
    assert text.count(START) == text.count(END) == 1
    assert "old" in text and "second" in text and "first" not in text
