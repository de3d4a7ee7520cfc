"""Spreadsheet cells that are safe to open: the one formula-escaping rule of every export.

A spreadsheet program runs a CSV cell starting with = + - @ tab or carriage return as a formula
(CSV injection: `=HYPERLINK("http://evil.example","Click")`). `csv_safe` puts an apostrophe in
front of such a cell; `csv_unsafe` takes it off again when a spreadsheet comes back in, so an
export imported unchanged keeps the original text. A plain number ("-2.115") is no formula and
stays as it is.

Admin listings export through Wagtail's `SpreadsheetExportMixin` (`list_export`); their views
mix in `FormulaSafeExportMixin` (a `ModelViewSet` sets `index_view_class = FormulaSafeIndexView`).
Wagtail already stores XLSX cells as text, so only CSV needs it.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator

from django.forms.utils import pretty_name
from wagtail.admin.views.generic import IndexView

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_safe(value: object) -> str:
    """The value as text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_unsafe(text: str) -> str:
    """Undo `csv_safe` on a cell read back from a spreadsheet."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


class _Echo:
    """A file-like object that hands back what is written (for streaming CSV)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(headings: list[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """CSV lines, headings first, every cell through `csv_safe` (for a StreamingHttpResponse)."""
    writer = csv.writer(_Echo())
    yield writer.writerow([csv_safe(heading) for heading in headings])
    for row in rows:
        yield writer.writerow([csv_safe(value) for value in row])


def csv_text(headings: list[str], rows: Iterable[Iterable[object]]) -> str:
    """The whole CSV as one string (see `csv_lines`)."""
    return "".join(csv_lines(headings, rows))


def write_csv_dicts(output: io.TextIOBase, fieldnames: list[str], rows: Iterable[dict]) -> None:
    """Write dict rows under `fieldnames` (missing keys empty), every cell through `csv_safe`."""
    writer = csv.DictWriter(output, fieldnames=fieldnames, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_safe(value) for key, value in row.items()})


class FormulaSafeExportMixin:
    """For views with Wagtail's `SpreadsheetExportMixin` (IndexView, ReportView): escape every
    text cell of the CSV export with `csv_safe`. `export_headings` name only the columns whose
    heading differs from the field's label or, for a value the view adds, its name in words."""

    def get_heading(self, queryset, field: str) -> str:
        heading = super().get_heading(queryset, field)
        # Wagtail heads a column that is not on the model with its bare name ("days_overdue").
        return pretty_name(field) if heading == field else heading

    def preprocess_field_value(self, field: str, value: object, export_format: str) -> object:
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "csv" and isinstance(value, str):
            return csv_safe(value)
        return value


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    """A `ModelViewSet`'s listing whose CSV export is formula-safe."""
