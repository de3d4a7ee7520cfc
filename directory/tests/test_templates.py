"""What the public templates show: the layout, the service page's facts, hooks, errors."""

import datetime
import re

import pytest
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks

from directory.factories import InformationPageFactory
from directory.templatetags.directory_tags import clock_time, tel_href


def render_hooks_html(hook_name: str, page=None) -> str:
    request = RequestFactory().get("/")
    template = Template("{% load directory_tags %}{% render_hooks hook_name page %}")
    return template.render(Context({"request": request, "hook_name": hook_name, "page": page}))


def test_render_hooks_joins_every_hook_in_order_and_passes_request_and_page():
    calls = []

    def first(request, page):
        calls.append((request.path, page))
        return format_html('<li class="first">{}</li>', "Shortlist (2)")

    def empty(request, page):
        return ""

    def second(request, page):
        return format_html("<li>{}</li>", "Second")

    with (
        hooks.register_temporarily("test_templates_links", first),
        hooks.register_temporarily("test_templates_links", empty),
        hooks.register_temporarily("test_templates_links", second),
    ):
        html = render_hooks_html("test_templates_links", page="the page")

    assert html == '<li class="first">Shortlist (2)</li><li>Second</li>'
    assert calls == [("/", "the page")]


def test_render_hooks_escapes_plain_strings_but_keeps_safe_html():
    with (
        hooks.register_temporarily("test_templates_mixed", lambda r, p: "<b>plain & unsafe</b>"),
        hooks.register_temporarily(
            "test_templates_mixed", lambda r, p: format_html("<b>{}</b>", "<i>")
        ),
    ):
        html = render_hooks_html("test_templates_mixed")

    assert "&lt;b&gt;plain &amp; unsafe&lt;/b&gt;" in html
    assert "<b>&lt;i&gt;</b>" in html


def test_render_hooks_with_no_hooks_renders_nothing():
    assert render_hooks_html("test_templates_nobody_listens") == ""


@pytest.mark.django_db
def test_base_layout_has_skip_link_one_main_and_one_h1(client, site_root):
    html = client.get("/").content.decode()

    assert '<html lang="en-GB" class="govuk-template">' in html
    assert "<title>Westshire Local Offer</title>" in html
    skip = html.index('<a href="#main-content" class="govuk-skip-link"')
    assert skip < html.index("<header")
    assert html.count('<main class="govuk-main-wrapper" id="main-content">') == 1
    assert len(re.findall(r"<h1\b", html)) == 1
    assert 'action="/search/"' in html and 'name="q"' in html
    assert '<label class="govuk-label localoffer-header__search-label" for="site-search">' in html


@pytest.mark.django_db
def test_footer_shows_contact_details_offline_text_and_accessibility_statement(client, site_root):
    statement = InformationPageFactory(
        parent=site_root, title="Accessibility statement", schedule2_heading="accessibility"
    )
    html = client.get("/").content.decode()

    assert 'href="tel:03001234567"' in html
    assert 'href="mailto:localoffer@westshire.example"' in html
    assert "Call us to get this information on paper" in html
    assert f'href="{statement.url}">Accessibility statement</a>' in html


@pytest.mark.django_db
def test_service_page_shows_what_a_parent_needs(client, make_service):
    service = make_service(
        "Aiming High short breaks",
        needs=["autism"],
        min_age=5,
        max_age=18,
        cost_type="paid",
        cost_details="£5 a session",
        access_routes=["self-referral"],
        contacts=[{"phone": "01785 123456", "email": "team@westshire.example"}],
        opening_times=[{"weekday": 2, "opens": datetime.time(15, 30), "closes": datetime.time(18)}],
        last_reviewed=datetime.date(2026, 3, 4),
    )
    html = client.get(service.url).content.decode()

    assert "<title>Aiming High short breaks - Westshire Local Offer</title>" in html
    assert "<h1" in html and "Aiming High short breaks</h1>" in html
    assert 'Last checked: <time datetime="2026-03-04">4 March 2026</time>' in html
    assert "Autism" in html
    assert "5 to 18 years" in html
    assert "Families pay<br>£5 a session" in html
    assert "Self referral" in html
    assert 'href="tel:01785123456"' in html
    assert 'href="mailto:team@westshire.example"' in html
    assert "Tuesday" in html and "3:30pm to 6pm" in html
    assert "ST16 2DH" in html
    assert "overdue" not in html


@pytest.mark.django_db
def test_service_page_warns_when_the_review_is_overdue(client, make_service):
    today = timezone.localdate()
    service = make_service(
        last_reviewed=today - datetime.timedelta(days=400),
        review_due=today - datetime.timedelta(days=1),
    )
    html = client.get(service.url).content.decode()

    assert "govuk-warning-text" in html
    assert "This information is overdue for its check" in html


@pytest.mark.django_db
def test_service_page_shows_hook_output_under_title_and_at_the_end(client, make_service):
    service = make_service("Sensory support")

    def action(request, page):
        return format_html('<p id="action">Save {}</p>', page.title)

    def footer(request, page):
        return format_html('<p id="footer">Feedback on {}</p>', page.title)

    with (
        hooks.register_temporarily("service_page_actions", action),
        hooks.register_temporarily("service_page_footer", footer),
    ):
        html = client.get(service.url).content.decode()

    assert html.index("Sensory support</h1>") < html.index('<p id="action">Save Sensory support')
    assert html.index('<p id="footer">') > html.index("Last checked")
    assert html.index('<p id="footer">') < html.index('<footer class="govuk-footer"')


@pytest.mark.django_db
def test_directory_template_lists_services_as_cards_with_pagination(
    rf, directory_page, make_service, django_assert_max_num_queries
):
    # Rendered directly: with the search app installed its hook fills the page's context instead.
    for n in range(directory_page.page_size + 1):
        make_service(f"Service {n:02d}", districts=["stafford"], cost_type="free")
    request = rf.get(directory_page.url, {"q": "short"})
    services = Paginator(directory_page.services(), directory_page.page_size).get_page(1)

    with django_assert_max_num_queries(15):
        html = render_to_string(
            "directory/directory_index_page.html",
            {"page": directory_page, "self": directory_page, "services": services},
            request=request,
        )

    assert html.count('class="localoffer-service-card"') == directory_page.page_size
    assert "Showing 1 to 20 of 21 services" in html
    assert 'href="?q=short&amp;page=2" rel="next"' in html
    assert "Stafford" in html and "Free" in html


@pytest.mark.django_db
def test_information_page_shows_summary_blocks_easy_read_link_and_last_updated(client, site_root):
    easy_read = InformationPageFactory(parent=site_root, title="Short breaks: easy read")
    page = InformationPageFactory(
        parent=site_root,
        title="Short breaks",
        summary="Time away for disabled children and a rest for families.",
        easy_read_version=easy_read,
        body=[
            ("heading", {"text": "Who can get one", "level": "h2"}),
            ("warning_text", {"text": "Apply by 31 March."}),
            ("details", {"summary": "What is it?", "content": "<p>Time apart.</p>"}),
        ],
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()

    assert '<p class="govuk-body-l">Time away for disabled children' in html
    assert '<h2 class="govuk-heading-l localoffer-block-heading">Who can get one</h2>' in html
    assert "Apply by 31 March." in html
    assert '<details class="govuk-details">' in html
    assert f'href="{easy_read.url}">Read this page in easy read</a>' in html
    assert "Last updated:" in html


@pytest.mark.django_db
def test_missing_page_uses_the_site_layout(client, directory_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'id="main-content"' in response.content.decode()
    assert f'href="{directory_page.url}">Find a service</a>' in response.content.decode()


def test_server_error_page_needs_no_database_or_settings():
    # No django_db mark: any database query would fail this test.
    html = render_to_string("500.html")

    assert "Sorry, there is a problem with the service" in html
    assert 'id="main-content"' in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.time(9, 0), "9am"),
        (datetime.time(15, 30), "3:30pm"),
        (datetime.time(12, 0), "midday"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 45), "12:45pm"),
    ],
)
def test_clock_time_follows_govuk_style(value, expected):
    assert clock_time(value) == expected


def test_tel_href_keeps_digits_and_plus_only():
    assert tel_href("01785 223 344") == "tel:01785223344"
    assert tel_href("+44 (0)1785 223344") == "tel:+4401785223344"


def test_compiled_css_has_no_gds_font_and_every_asset_it_references_exists():
    static = settings.BASE_DIR / "static"
    css = (static / "css" / "main.css").read_text()

    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "font-family:arial,sans-serif" in css
    urls = set(re.findall(r'url\("?(/static/[^")]+)"?\)', css))
    assert urls, "expected GOV.UK Frontend's image references"
    for url in urls:
        assert (static / url.removeprefix("/static/")).is_file(), url


def test_govuk_script_is_an_es_module_without_a_missing_source_map():
    script = (settings.BASE_DIR / "static" / "js" / "govuk-frontend.min.js").read_text()

    assert "initAll" in script and "export{" in script
    assert "sourceMappingURL" not in script


class ContactForm(forms.Form):
    name = forms.CharField(help_text="Your first name is enough")
    email = forms.EmailField()
    reply = forms.ChoiceField(
        choices=[("email", "By email"), ("phone", "By phone")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        choices=[("cost", "Cost"), ("access", "Access")], widget=forms.CheckboxSelectMultiple
    )


def test_form_partials_keep_input_and_link_errors_to_fields():
    form = ContactForm(data={"name": "Sam <b>", "email": "not-an-email", "topics": ["access"]})
    assert not form.is_valid()
    html = Template(
        "{% include 'components/error_summary.html' with form=form %}"
        "{% include 'components/input.html' with field=form.name %}"
        "{% include 'components/input.html' with field=form.email type='email' %}"
        "{% include 'components/radios.html' with field=form.reply %}"
        "{% include 'components/checkboxes.html' with field=form.topics %}"
    ).render(Context({"form": form}))

    assert '<a href="#id_email">Enter a valid email address.</a>' in html
    assert '<a href="#id_reply_0">This field is required.</a>' in html
    assert 'value="Sam &lt;b&gt;"' in html
    assert 'aria-describedby="id_name-hint"' in html
    assert 'class="govuk-input govuk-input--error" id="id_email"' in html
    assert 'type="email" value="not-an-email" aria-describedby="id_email-error"' in html
    assert '<p id="id_email-error" class="govuk-error-message">' in html
    assert 'id="id_reply_0" name="reply" type="radio" value="email">' in html
    assert 'id="id_topics_1" name="topics" type="checkbox" value="access" checked>' in html
    assert 'id="id_topics_0" name="topics" type="checkbox" value="cost">' in html


def test_pagination_marks_the_current_page_and_elides_long_runs(rf):
    page_obj = Paginator(range(400), 10).get_page(20)
    html = Template("{% include 'components/pagination.html' with page_obj=page_obj %}").render(
        Context({"page_obj": page_obj, "request": rf.get("/services/", {"need": "autism"})})
    )

    assert 'href="?need=autism&amp;page=20" aria-label="Page 20" aria-current="page"' in html
    assert 'href="?need=autism&amp;page=19" rel="prev"' in html
    assert 'href="?need=autism&amp;page=40" aria-label="Page 40"' in html
    assert html.count("govuk-pagination__item--ellipsis") == 2


@pytest.mark.django_db
def test_service_page_leaves_out_facts_it_does_not_have(client, make_service):
    service = make_service(
        "Sparse service",
        contacts=[{"phone": "01785 123456", "email": "", "website": ""}],
        locations=[],
        last_reviewed=None,
    )
    html = client.get(service.url).content.decode()

    assert "Who it is for" not in html
    assert "How to get it" not in html
    assert '<h2 class="govuk-heading-l localoffer-section-heading">Where</h2>' not in html
    assert "mailto:team@westshire.example" not in html
    assert 'href="tel:01785123456"' in html
    assert "Last checked: not recorded" in html


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("button", {"text": "Save"}, '<button type="submit" class="govuk-button"'),
        ("button", {"text": "Start", "href": "/go/", "variant": "start"}, "govuk-button--start"),
        ("tag", {"text": "Overdue", "colour": "red"}, '<strong class="govuk-tag govuk-tag--red">'),
        ("inset_text", {"text": "<b>"}, '<div class="govuk-inset-text">&lt;b&gt;</div>'),
        ("warning_text", {"text": "Apply by March"}, '<span class="govuk-visually-hidden">Warning'),
        ("details", {"summary": "Why?", "text": "Because"}, '<details class="govuk-details">'),
        ("back_link", {"href": "/x/"}, '<a href="/x/" class="govuk-back-link">Back</a>'),
        ("panel", {"title": "Sent"}, '<h1 class="govuk-panel__title">Sent</h1>'),
        (
            "error_message",
            {"id": "e", "message": "Enter a name"},
            '<p id="e" class="govuk-error-message">',
        ),
        (
            "notification_banner",
            {"text": "Saved", "success": True},
            'class="govuk-notification-banner govuk-notification-banner--success" role="alert"',
        ),
        (
            "breadcrumbs",
            {"items": [{"title": "Home", "url": "/"}], "current": "Health"},
            '<li class="govuk-breadcrumbs__list-item" aria-current="page">Health</li>',
        ),
        (
            "summary_list",
            {"rows": [{"key": "Ages", "value": "5 to 18"}]},
            '<dt class="govuk-summary-list__key">Ages</dt>',
        ),
        (
            "fieldset",
            {"legend": "Your child", "content_template": "components/tag.html", "text": "Inside"},
            '<strong class="govuk-tag">Inside</strong>',
        ),
    ],
)
def test_component_partials_render_govuk_markup(template, params, expected):
    html = render_to_string(f"components/{template}.html", params)

    assert expected in html
