"""The statutory register: grouping, exclusions, the small-numbers rule, CSV, staleness, and
markers fed through every field never reaching a published page, CSV or feed."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from directory.models import District
from feedback.models import FeedbackItem
from you_said_we_did.models import RegisterEditionPage
from you_said_we_did.register import build_register, register_staleness

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 9, 1), datetime.date(2026, 8, 31)
IN_PERIOD = timezone.make_aware(datetime.datetime(2026, 1, 15, 10))


def _in_period(make_item, n, **fields):
    return [
        make_item(f"{fields.get('public_text', 'x')} {i}", submitted_at=IN_PERIOD, **fields)
        for i in range(n)
    ]


def make_edition(response_index, **fields) -> RegisterEditionPage:
    fields.setdefault("period_start", START)
    fields.setdefault("period_end", END)
    edition = RegisterEditionPage(title="Register 2025 to 2026", live=False, **fields)
    response_index.add_child(instance=edition)
    edition.save_revision().publish()
    return RegisterEditionPage.objects.get(pk=edition.pk)


def test_grouped_by_topic_and_theme_with_small_groups_merged(make_item):
    north = District.objects.create(name="North", slug="north")
    south = District.objects.create(name="South", slug="south")
    _in_period(
        make_item, 5, themes=["Transport"], public_text="bus", publish_consent=True, district=north
    )
    _in_period(make_item, 2, themes=["Parking"], public_text="car", district=south)
    _in_period(make_item, 3, topic=FeedbackItem.Topic.ACCESSIBILITY, themes=["Easy read"])
    make_item("outside the period", submitted_at=IN_PERIOD.replace(year=2024))

    register = build_register(START, END, threshold=5)
    assert register["total"] == 10
    content = next(t for t in register["topics"] if t["key"] == "content")
    assert [(t["name"], t["count"]) for t in content["themes"]] == [
        ("Transport", 5),
        ("Other comments", 2),
    ]
    assert len(content["themes"][0]["comments"]) == 5  # consent given
    assert content["themes"][1]["comments"] == []  # no consent: counted, not quoted
    access = next(t for t in register["topics"] if t["key"] == "accessibility")
    assert [(t["name"], t["count"]) for t in access["themes"]] == [("Other comments", 3)]
    assert register["districts"] == [
        {"name": "North", "count": 5},
        {"name": "Other districts", "count": 5},
    ]
    assert "South" not in str(register)
    assert "Parking" not in str(register) and "Easy read" not in str(register)

    smaller = build_register(START, END, threshold=2)
    names = [t["name"] for t in smaller["topics"][0]["themes"]]
    assert names == ["Parking", "Transport"]


def test_vexatious_and_individual_cases_are_counted_not_shown(make_item):
    make_item("kept", submitted_at=IN_PERIOD)
    for reason, n in [("vexatious", 2), ("individual_case", 3), ("out_of_scope", 1)]:
        for i in range(n):
            make_item(
                f"hidden {reason} {i}",
                submitted_at=IN_PERIOD,
                status=FeedbackItem.Status.REJECTED,
                rejection_reason=reason,
                publish_consent=True,
            )
    make_item(
        "safe",
        submitted_at=IN_PERIOD,
        status=FeedbackItem.Status.SAFEGUARDING,
        publish_consent=True,
    )
    register = build_register(START, END)
    assert register["total"] == 1
    assert register["excluded"] == {"vexatious": 2, "individual_case": 3, "other": 1}
    assert "hidden" not in str(register) and "safe" not in str(register["topics"])


def test_the_edition_page_csv_and_last_published(client, response_index, make_item, make_response):
    items = _in_period(
        make_item, 5, themes=["Transport"], public_text='=HYPERLINK("x")', publish_consent=True
    )
    make_response("Buses", items=items, we_did="+More buses")
    edition = make_edition(response_index)
    html = client.get(edition.url).content.decode()
    assert "Transport (5)" in html and "Buses" in html
    assert "register-print.css" in html and 'media="print"' in html
    assert "style=" not in html.split("<main", 1)[1]
    index_html = client.get(response_index.url).content.decode()
    assert "last published" in index_html and edition.title in index_html

    response = client.get(f"/you-said-we-did/register/{edition.pk}.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Topic", "Theme", "Comments in group"]
    texts = [row[4] for row in rows[1:]]
    assert all(not text.startswith(("=", "+", "-", "@")) for text in texts)
    assert '\'=HYPERLINK("x")' in texts


def test_a_past_edition_stays_published_and_says_so(client, response_index, make_item):
    old = make_edition(
        response_index,
        period_start=datetime.date(2024, 9, 1),
        period_end=datetime.date(2025, 8, 31),
    )
    new = make_edition(response_index)
    assert old.live and new.live
    assert "This is a past edition" in client.get(old.url).content.decode()
    assert "This is a past edition" not in client.get(new.url).content.decode()


def test_staleness_warns_from_eleven_months_and_every_day_after_twelve(response_index):
    assert register_staleness()["level"] == "overdue"  # never published
    edition = make_edition(response_index)
    published = timezone.make_aware(datetime.datetime(2026, 1, 1, 9))
    RegisterEditionPage.objects.filter(pk=edition.pk).update(first_published_at=published)
    assert register_staleness(now=published + datetime.timedelta(days=333)) is None
    assert register_staleness(now=published + datetime.timedelta(days=334))["level"] == "due"
    for extra in (0, 1, 30):
        warning = register_staleness(now=published + datetime.timedelta(days=365 + extra))
        assert warning["level"] == "overdue" and warning["overdue_by"] == extra


MARKERS = {
    "comment": "MARKERCOMMENT",
    "email": "markeremail@example.org",
    "name": "MARKERNAME",
    "note": "MARKERNOTE",
    "safeguarding": "MARKERSAFE",
    "unapproved": "MARKERUNAPPROVED",
    "no_consent": "MARKERNOCONSENT",
    "rejected": "MARKERREJECTED",
}


def test_markers_in_every_private_field_reach_no_published_html_csv_or_feed(
    client, response_index, make_item, make_response, make_service, django_user_model
):
    user = django_user_model.objects.create_user(
        "MARKERNAME",
        "markeruser@example.org",
        "pw",
        first_name=MARKERS["name"],
        last_name=MARKERS["name"],
    )
    district = District.objects.create(name="Tiny", slug="tiny")
    service = make_service("Saturday club")
    cited = [
        make_item(
            f"{MARKERS['comment']} original words {i}",
            public_text=f"Checked words {i}",
            publish_consent=True,
            wants_response=True,
            email=MARKERS["email"],
            user=user,
            rejection_note=MARKERS["note"],
            submitted_at=IN_PERIOD,
            themes=["Transport"],
            district=district if i == 0 else None,
        )
        for i in range(5)
    ]
    no_consent = make_item(
        "words", public_text=MARKERS["no_consent"], publish_consent=False, submitted_at=IN_PERIOD
    )
    # Consented items that are never published: held, not yet approved, rejected.
    rejected = {"rejection_reason": "vexatious", "rejection_note": MARKERS["note"]}
    for comment, marker, status, fields in [
        (
            f"I want to hurt myself {MARKERS['safeguarding']}",
            "safeguarding",
            FeedbackItem.Status.SAFEGUARDING,
            {},
        ),
        (MARKERS["unapproved"], "unapproved", FeedbackItem.Status.NEW, {}),
        (MARKERS["rejected"], "rejected", FeedbackItem.Status.REJECTED, rejected),
    ]:
        make_item(
            comment,
            public_text=MARKERS[marker],
            publish_consent=True,
            status=status,
            submitted_at=IN_PERIOD,
            **fields,
        )
    response = make_response("Buses", items=[*cited, no_consent], services=[service])
    edition = make_edition(response_index, small_numbers=5)

    published = {
        "index": client.get(response_index.url).content.decode(),
        "response": client.get(response.url).content.decode(),
        "service": client.get(service.url).content.decode(),
        "register": client.get(edition.url).content.decode(),
        "csv": client.get(f"/you-said-we-did/register/{edition.pk}.csv").content.decode(),
        "feed": client.get("/you-said-we-did/feed/").content.decode(),
    }
    assert "Checked words 0" in published["register"] and "Checked words 0" in published["csv"]
    assert "Tiny" not in published["register"]  # one item in that district: not broken out
    for where, text in published.items():
        for field, marker in MARKERS.items():
            assert marker.lower() not in text.lower(), f"{field} marker in the {where}"
        assert "markeruser@example.org" not in text
