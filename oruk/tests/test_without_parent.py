"""The spreadsheet carries "young people can go without a parent or carer" both ways; an older
spreadsheet without the column leaves it as it is."""

import csv
import io

import pytest

from directory.models import Organisation, ServicePage
from oruk.exporting import export_services_csv
from oruk.feeds import csv_rows
from oruk.importing import apply_import, plan_import

pytestmark = pytest.mark.django_db


def _rows() -> list[dict[str, str]]:
    output = io.StringIO()
    export_services_csv(output)
    return list(csv.DictReader(io.StringIO(output.getvalue())))


def _import(rows: list[dict[str, str]], directory_page) -> None:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    apply_import(plan_import(csv_rows(output.getvalue().encode()).rows), parent=directory_page)


def test_exported_and_imported_again(directory_page, full_service):
    full_service.without_parent = True
    full_service.save_revision().publish()
    rows = _rows()
    assert rows[0]["without_parent"] == "yes"
    full_service.delete()
    Organisation.objects.all().delete()
    _import(rows, directory_page)
    assert ServicePage.objects.get().get_latest_revision_as_object().without_parent is True


def test_a_spreadsheet_without_the_column_keeps_the_page_as_it_is(directory_page, full_service):
    full_service.without_parent = True
    full_service.save_revision().publish()
    rows = _rows()
    for row in rows:
        del row["without_parent"]
        row["title"] = "Sunflower Saturday club"
    _import(rows, directory_page)
    draft = ServicePage.objects.get().get_latest_revision_as_object()
    assert (draft.title, draft.without_parent) == ("Sunflower Saturday club", True)
    rows[0]["without_parent"] = "no"
    _import(rows, directory_page)
    assert ServicePage.objects.get().get_latest_revision_as_object().without_parent is False


def test_the_api_gives_it_as_an_attribute_and_filters_by_it(client, full_service, make_service):
    from django.urls import reverse

    from oruk.vocabularies import VOCABULARY_BY_KEY

    fact = VOCABULARY_BY_KEY["without_parent"]
    (term,) = fact.terms()
    make_service("Stay and play")
    full_service.without_parent = True
    full_service.save_revision().publish()
    data = client.get(reverse("oruk:service_detail", args=[full_service.uuid])).json()
    attributes = [a for a in data["attributes"] if a["taxonomy_term_id"] == str(term.uuid)]
    assert [a["taxonomy_term"]["name"] for a in attributes] == [
        "Young people can go without a parent or carer"
    ]
    assert attributes[0]["taxonomy_term"]["taxonomy_id"] == str(fact.uuid)
    listing = client.get(reverse("oruk:service_list"), {"taxonomy_term_id": str(term.uuid)}).json()
    assert [s["name"] for s in listing["contents"]] == [full_service.title]
    detail = client.get(reverse("oruk:taxonomy_term_detail", args=[term.uuid])).json()
    assert detail["code"] == "yes"
