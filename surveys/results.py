"""Survey results arithmetic: counts, percentages, averages, cross-tabs and the small-numbers rule.

Plain functions over answers already read from the database (response id -> stored value).

The small-numbers rule: a count from 1 up to the threshold (default 5) is published as "fewer
than 5". So that no hidden count can be worked out by subtracting the others from a total, every
row and column of a table (its total included) has either no hidden number or at least two:
where one is hidden alone, the smallest other non-zero count is withheld too, or else the total.
"""

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from surveys.kinds import (
    CATEGORICAL_KINDS,
    KINDS_WITH_OPTIONS,
    TEXT_KINDS,
    QuestionKind,
    fixed_choices,
)

SMALL = "small"  # under the threshold
WITHHELD = "withheld"  # shown, would let a small number be worked out

BAR_ROW_HEIGHT = 52
# Bars are drawn in percent of the chart's width; the longest leaves room for its value.
LONGEST_BAR_PERCENT = 80


@dataclass
class Cell:
    count: int
    hidden: str = ""  # "", SMALL or WITHHELD
    percent: float | None = None

    def words(self, threshold: int) -> str:
        if self.hidden == SMALL:
            return f"fewer than {threshold}"
        if self.hidden == WITHHELD:
            return "withheld"
        return f"{self.count:,}"


@dataclass
class Row:
    label: str
    cell: Cell
    bar_width: float = 0
    y: int = 0


@dataclass
class CrossTab:
    by_label: str
    columns: list[str]
    rows: list[tuple[str, list[Cell], Cell]]  # option, a cell per column, the option's total
    column_totals: list[Cell]
    total: Cell


@dataclass
class QuestionResult:
    uuid: str
    label: str
    kind: str
    answered: Cell
    respondents: int
    threshold: int
    rows: list[Row] = field(default_factory=list)
    average: float | None = None
    median: float | None = None
    summary: str = ""
    too_few: bool = False
    crosstab: CrossTab | None = None
    chart_height: int = 0

    @property
    def has_chart(self) -> bool:
        return bool(self.rows) and not self.too_few


def protect(
    cells: list[list[int]], threshold: int, *, row_totals: bool = True, column_totals: bool = True
) -> tuple[list[list[str]], list[str], list[str], str]:
    """Which counts of a table to hide: (cells, row totals, column totals, grand total) flags.

    Totals are the sums of their row or column. A flag is "", SMALL or WITHHELD.
    """
    n_rows = len(cells)
    n_cols = len(cells[0]) if cells else 0
    # The full grid: cells, a totals column (index n_cols) and a totals row (index n_rows).
    grid: dict[tuple[int, int], int] = {}
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            grid[i, j] = value
        if row_totals:
            grid[i, n_cols] = sum(row)
    if column_totals:
        for j in range(n_cols):
            grid[n_rows, j] = sum(cells[i][j] for i in range(n_rows))
        if row_totals:
            grid[n_rows, n_cols] = sum(sum(row) for row in cells)
    hidden = {pos: SMALL for pos, value in grid.items() if 0 < value < threshold}

    lines: list[list[tuple[int, int]]] = []
    for i in range(n_rows + (1 if column_totals else 0)):
        line = [(i, j) for j in range(n_cols + 1) if (i, j) in grid]
        if row_totals and len(line) > 1:
            lines.append(line)
    for j in range(n_cols + (1 if row_totals else 0)):
        line = [(i, j) for i in range(n_rows + 1) if (i, j) in grid]
        if column_totals and len(line) > 1:
            lines.append(line)

    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for pos in line if pos in hidden) != 1:
                continue
            total_pos = line[-1]
            candidates = sorted(
                (grid[pos], pos) for pos in line[:-1] if pos not in hidden and grid[pos] > 0
            )
            if candidates:
                hidden[candidates[0][1]] = WITHHELD
            elif total_pos not in hidden:
                hidden[total_pos] = WITHHELD
            else:
                continue
            changed = True

    cell_flags = [[hidden.get((i, j), "") for j in range(n_cols)] for i in range(n_rows)]
    row_flags = [hidden.get((i, n_cols), "") for i in range(n_rows)]
    col_flags = [hidden.get((n_rows, j), "") for j in range(n_cols)]
    return cell_flags, row_flags, col_flags, hidden.get((n_rows, n_cols), "")


def _values_list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [] if value in (None, "") else [str(value)]


def _percent(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


def build_question_result(
    question,
    answers: dict[int, object],
    *,
    respondents: int,
    threshold: int = 5,
    suppress: bool = True,
    by=None,
    by_answers: dict[int, object] | None = None,
    districts: list[tuple[str, str]] | None = None,
) -> QuestionResult:
    """The results of one question from its answers (response id -> stored value)."""
    answered_ids = [
        rid for rid, value in answers.items() if _values_list(value) or question.kind in TEXT_KINDS
    ]
    if question.kind in TEXT_KINDS:
        answered_ids = list(answers)
    answered = len(answered_ids)
    result = QuestionResult(
        uuid=str(question.uuid),
        label=question.label,
        kind=question.kind,
        answered=Cell(answered),
        respondents=respondents,
        threshold=threshold,
    )
    if suppress and 0 < answered < threshold:
        result.answered.hidden = SMALL
    if suppress and answered < threshold:
        result.too_few = True
        result.summary = (
            f"Fewer than {threshold} people answered this question, so we do not show the results."
        )
        return result

    choices = fixed_choices(question.kind, question.option_list(), districts or [])
    if question.kind in KINDS_WITH_OPTIONS or question.kind in CATEGORICAL_KINDS:
        counts = Counter(v for value in answers.values() for v in _values_list(value))
        values = [value for value, _ in choices] or sorted(counts)
        labels = dict(choices)
        row_counts = [counts.get(v, 0) for v in values]
        flags = (
            protect([row_counts], threshold, column_totals=False)
            if suppress
            else ([[""] * len(values)], [""], [], "")
        )
        for value, count, flag in zip(values, row_counts, flags[0][0], strict=True):
            cell = Cell(count, flag, None if flag else _percent(count, answered))
            result.rows.append(Row(labels.get(value, value), cell))
        if flags[1] and flags[1][0]:
            result.answered.hidden = flags[1][0]
        if question.kind in (QuestionKind.RATING, QuestionKind.FACES):
            numbers = [
                int(v) for value in answers.values() for v in _values_list(value) if v.isdigit()
            ]
            if numbers:
                result.average = round(sum(numbers) / len(numbers), 1)
        _layout_chart(result)
        result.summary = _choice_summary(result)
        if by is not None and by_answers is not None:
            result.crosstab = _crosstab(
                question, answers, by, by_answers, threshold, suppress, districts or []
            )
    elif question.kind == QuestionKind.NUMBER:
        numbers = [v for v in answers.values() if isinstance(v, int | float)]
        if numbers:
            result.average = round(sum(numbers) / len(numbers), 1)
            result.median = median(numbers)
        result.summary = (
            f"{answered:,} people answered. The average was {result.average}, the middle answer "
            f"{result.median}."
            if numbers
            else "Nobody answered this question."
        )
    elif question.kind in TEXT_KINDS:
        result.summary = f"{answered:,} people wrote an answer. We read them all."
    else:
        result.summary = f"{answered:,} people answered."
    return result


def _layout_chart(result: QuestionResult) -> None:
    for index, row in enumerate(result.rows):
        row.y = index * BAR_ROW_HEIGHT
        percent = row.cell.percent or 0
        row.bar_width = round(percent / 100 * LONGEST_BAR_PERCENT, 1) if not row.cell.hidden else 0
    result.chart_height = len(result.rows) * BAR_ROW_HEIGHT


def _choice_summary(result: QuestionResult) -> str:
    answered = (
        result.answered.words(result.threshold)
        if result.answered.hidden
        else f"{result.answered.count:,}"
    )
    parts = [f"{answered} people answered."]
    shown = [row for row in result.rows if not row.cell.hidden and row.cell.count]
    if shown:
        top = max(shown, key=lambda row: row.cell.count)
        plural = (
            ""
            if result.kind != QuestionKind.MULTIPLE_CHOICE
            else " (people could choose more than one)"
        )
        parts.append(
            f"The most common answer was “{top.label}”, chosen by {top.cell.percent:g}%{plural}."
        )
    if result.average is not None:
        parts.append(f"The average was {result.average:g} out of 5.")
    if any(row.cell.hidden for row in result.rows):
        parts.append(
            f"Numbers under {result.threshold} are not shown, to protect people's privacy."
        )
    return " ".join(parts)


def _crosstab(question, answers, by, by_answers, threshold, suppress, districts) -> CrossTab:
    row_choices = fixed_choices(question.kind, question.option_list(), districts)
    col_choices = fixed_choices(by.kind, by.option_list(), districts)
    grid = [[0] * len(col_choices) for _ in row_choices]
    row_index = {value: i for i, (value, _) in enumerate(row_choices)}
    col_index = {value: j for j, (value, _) in enumerate(col_choices)}
    for response_id, value in answers.items():
        column = by_answers.get(response_id)
        if column is None or str(column) not in col_index:
            continue
        for v in _values_list(value):
            if v in row_index:
                grid[row_index[v]][col_index[str(column)]] += 1
    if suppress:
        cell_flags, row_flags, col_flags, total_flag = protect(grid, threshold)
    else:
        cell_flags = [[""] * len(col_choices) for _ in row_choices]
        row_flags, col_flags, total_flag = [""] * len(row_choices), [""] * len(col_choices), ""
    rows = [
        (
            label,
            [Cell(count, flag) for count, flag in zip(grid[i], cell_flags[i], strict=True)],
            Cell(sum(grid[i]), row_flags[i]),
        )
        for i, (_, label) in enumerate(row_choices)
    ]
    column_totals = [
        Cell(sum(grid[i][j] for i in range(len(row_choices))), col_flags[j])
        for j in range(len(col_choices))
    ]
    return CrossTab(
        by_label=by.label,
        columns=[label for _, label in col_choices],
        rows=rows,
        column_totals=column_totals,
        total=Cell(sum(map(sum, grid)), total_flag),
    )
