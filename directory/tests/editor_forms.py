"""Build the POST data the Wagtail page editor sends for a service, for admin tests."""

import datetime

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def service_form_data(
    *,
    title: str = "Autism outreach",
    slug: str = "autism-outreach",
    service_types: list[int] = (),
    contacts: list[dict] | None = None,
    locations: list[dict] = (),
    opening_times: list[dict] = (),
    review_due: datetime.date | str | None = "next-year",
    action: str | None = "action-publish",
    **fields,
) -> dict:
    """The editor's form data for a service; ids for taxonomies, dicts for inline children."""
    if review_due == "next-year":
        review_due = timezone.localdate() + datetime.timedelta(days=365)
    if contacts is None:
        contacts = [{"name": "Outreach team", "phone": "01785 123456", "email": "", "website": ""}]
    data = {
        "title": title,
        "slug": slug,
        "summary": "Advice for families of autistic children at home and school.",
        "description": rich_text("<p>Visits at home and at school.</p>"),
        "keywords": "",
        "organisation": "",
        "provider_type": "",
        "min_age": "0",
        "max_age": "25",
        "cost_type": "free",
        "cost_details": "",
        "access_details": "",
        "opening_times_note": "",
        "accessibility_information": "",
        "last_reviewed": timezone.localdate().isoformat(),
        "review_due": review_due.isoformat() if review_due else "",
        "seo_title": "",
        "search_description": "",
        "contacts": inline_formset(contacts),
        "locations": inline_formset(list(locations)),
        "opening_times": inline_formset(list(opening_times)),
        "comments": inline_formset([]),
    }
    data.update(fields)
    form = nested_form_data(data)
    if service_types:
        form["service_types"] = [str(pk) for pk in service_types]
    if action:
        form[action] = "Publish"
    return form
