"""Exporting the published services as the spreadsheet template (imports back unchanged)."""

import io

from directory.models import ServicePage, with_details
from directory.visibility import publicly_visible

from .spreadsheet import service_row, write_rows


def published_service_rows() -> list[dict[str, str]]:
    """One row per publicly visible service, as its published version reads, in title order."""
    pages = with_details(publicly_visible(ServicePage.objects)).order_by("title", "pk")
    return [service_row(page) for page in pages]


def export_services_csv(output: io.TextIOBase) -> int:
    """Write every published service as CSV; return how many were written."""
    rows = published_service_rows()
    write_rows(rows, output)
    return len(rows)
