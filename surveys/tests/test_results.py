"""Results arithmetic and the small-numbers rule, including the subtraction attack."""

import itertools
import random

import pytest

from surveys.models import SurveyAnswer, SurveyResponse
from surveys.models.pages import survey_results
from surveys.results import SMALL, WITHHELD, protect


def recoverable(cells, flags, row_flags, col_flags, total_flag) -> list:
    """Hidden numbers a reader could work out by subtracting the shown ones from a total."""
    n_rows, n_cols = len(cells), len(cells[0])
    grid = {(i, j): cells[i][j] for i in range(n_rows) for j in range(n_cols)}
    hidden = {(i, j) for i in range(n_rows) for j in range(n_cols) if flags[i][j]}
    for i in range(n_rows):
        grid[i, n_cols] = sum(cells[i])
        if row_flags[i]:
            hidden.add((i, n_cols))
    for j in range(n_cols):
        grid[n_rows, j] = sum(cells[i][j] for i in range(n_rows))
        if col_flags[j]:
            hidden.add((n_rows, j))
    grid[n_rows, n_cols] = sum(map(sum, cells))
    if total_flag:
        hidden.add((n_rows, n_cols))
    found = []
    lines = [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows + 1)]
    lines += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)]
    for line in lines:
        unknown = [pos for pos in line if pos in hidden]
        if len(unknown) == 1 and 0 < grid[unknown[0]]:
            found.append(unknown[0])
    return found


def test_small_cells_are_hidden_and_a_second_cell_withheld():
    cells = [[10, 3, 12], [8, 9, 11]]
    flags, rows, cols, total = protect(cells, 5)
    assert flags[0][1] == SMALL
    # Alone in its row and column, 3 could be worked out from the totals: more is withheld.
    assert sum(1 for f in flags[0] + [rows[0]] if f) >= 2
    assert sum(1 for f in [flags[0][1], flags[1][1], cols[1]] if f) >= 2
    assert WITHHELD in {f for row in flags for f in row}
    assert recoverable(cells, flags, rows, cols, total) == []


def test_nothing_hidden_when_every_count_is_big_enough():
    cells = [[10, 7], [8, 9]]
    flags, rows, cols, total = protect(cells, 5)
    assert flags == [["", ""], ["", ""]] and rows == ["", ""] and cols == ["", ""] and total == ""


def test_zero_is_shown():
    flags, *_ = protect([[0, 12, 9]], 5, column_totals=False)
    assert flags == [["", "", ""]]


def test_one_way_table_hides_a_second_option():
    flags, rows, _cols, _total = protect([[20, 2, 30]], 5, column_totals=False)
    assert flags[0][1] == SMALL
    assert flags[0][0] == WITHHELD  # the smallest other count
    assert flags[0][2] == ""


@pytest.mark.parametrize("seed", range(200))
def test_subtraction_attack_never_works(seed):
    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(1, 5), rng.randint(1, 6)
    cells = [
        [rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _ in range(n_cols)] for _ in range(n_rows)
    ]
    threshold = rng.choice([3, 5, 10])
    flags, rows, cols, total = protect(cells, threshold)
    assert recoverable(cells, flags, rows, cols, total) == []
    # Every small count is hidden.
    for i, j in itertools.product(range(n_rows), range(n_cols)):
        if 0 < cells[i][j] < threshold:
            assert flags[i][j]
        if not flags[i][j]:
            assert cells[i][j] == 0 or cells[i][j] >= threshold or flags[i][j]


@pytest.fixture
def answered(survey, districts):
    """40 responses: q1 yes/no, q3 rating, q4 district, built directly."""
    questions = survey.ordered_questions()
    plan = [("yes", "5", "north")] * 20 + [("yes", "4", "south")] * 12 + [("no", None, "north")] * 6
    plan += [("yes", "1", "east")] * 2
    for q1, q3, q4 in plan:
        response = SurveyResponse.objects.create(survey=survey)
        SurveyAnswer.objects.create(response=response, question_uuid=questions[0].uuid, value=q1)
        if q3:
            SurveyAnswer.objects.create(
                response=response, question_uuid=questions[2].uuid, value=q3
            )
        SurveyAnswer.objects.create(response=response, question_uuid=questions[3].uuid, value=q4)
    return survey


@pytest.mark.django_db
def test_counts_percentages_and_average(answered):
    results = {r.label: r for r in survey_results(answered, suppress=False)}
    used = results["Have you used the Local Offer website?"]
    assert used.answered.count == 40
    assert [(row.label, row.cell.count, row.cell.percent) for row in used.rows] == [
        ("Yes", 34, 85.0),
        ("No", 6, 15.0),
    ]
    rating = results["How easy was it to find what you needed?"]
    assert rating.answered.count == 34
    assert rating.average == round((20 * 5 + 12 * 4 + 2 * 1) / 34, 1)
    assert "average was 4.4 out of 5" in rating.summary
    assert "“Yes”, chosen by 85%" in used.summary


@pytest.mark.django_db
def test_published_results_hide_small_numbers(answered):
    results = {r.label: r for r in survey_results(answered, suppress=True)}
    rating = results["How easy was it to find what you needed?"]
    very_poor = next(row for row in rating.rows if row.label == "Very poor")
    assert very_poor.cell.hidden == SMALL
    assert very_poor.cell.words(5) == "fewer than 5"
    assert very_poor.cell.percent is None
    # Nobody answered 2 or 3, so another count is withheld instead of zero being the clue.
    assert sum(1 for row in rating.rows if row.cell.hidden) >= 2
    assert "Numbers under 5 are not shown" in rating.summary


@pytest.mark.django_db
def test_crosstab_by_district(answered):
    questions = answered.ordered_questions()
    results = survey_results(
        answered, uuids=[str(questions[0].uuid)], by=questions[3], suppress=True
    )
    tab = results[0].crosstab
    assert tab.columns == ["East", "North", "South"]
    yes_row = tab.rows[0]
    assert yes_row[0] == "Yes"
    assert yes_row[1][0].hidden == SMALL  # 2 in East
    cells = [[c.count for c in cells] for _, cells, _ in tab.rows]
    flags = [[c.hidden for c in cells] for _, cells, _ in tab.rows]
    assert (
        recoverable(
            cells,
            flags,
            [t.hidden for _, _, t in tab.rows],
            [c.hidden for c in tab.column_totals],
            tab.total.hidden,
        )
        == []
    )


@pytest.mark.django_db
def test_too_few_answers_hide_the_whole_question(survey, districts):
    questions = survey.ordered_questions()
    for _ in range(3):
        response = SurveyResponse.objects.create(survey=survey)
        SurveyAnswer.objects.create(response=response, question_uuid=questions[0].uuid, value="yes")
    result = survey_results(survey, uuids=[str(questions[0].uuid)])[0]
    assert result.too_few
    assert not result.has_chart
    assert "Fewer than 5 people answered" in result.summary
