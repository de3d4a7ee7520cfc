"""Shared fixtures: a site with a home page, the directory under it, and a service maker."""

import time
from collections.abc import Callable, Iterable
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published

from directory.factories import (
    DirectoryIndexPageFactory,
    HomePageFactory,
    OpeningTimeFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
)
from directory.models import DirectoryIndexPage, HomePage, Language, Organisation, ServicePage
from directory.vocabularies import TAXONOMIES
from feedback.spam import form_started_token


def pytest_collection_modifyitems(config, items) -> None:
    """Skip `postgres_only` tests unless on PostgreSQL; make transactional tests cheap to undo.

    Every transactional test is given serialized rollback, so Django's flush after it leaves the
    tables empty (no post_migrate re-creation) and `pytest_runtest_teardown` below puts the
    migration data back. On SQLite, Django's own reload at set-up is switched off.
    """
    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    skip = pytest.mark.skip(reason="PostgreSQL only: runs in the PostgreSQL pass of make test")
    for item in items:
        if not on_postgres and item.get_closest_marker("postgres_only"):
            item.add_marker(skip)
        if _is_transactional(item):
            marker = item.get_closest_marker("django_db")
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True}
            kwargs["serialized_rollback"] = True
            item.add_marker(pytest.mark.django_db(**kwargs), False)


# The database contents right after migrations, by alias (see django_db_setup below): an
# in-memory copy for SQLite (restored with SQLite's backup API in milliseconds), else JSON.
_MIGRATED_CONTENTS: dict[str, object] = {}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """pytest-django's test databases, plus a copy of what migrations put in them.

    A transactional test (live_server, browser) ends by emptying every table, which also
    removes migration data: Wagtail's root page and locale, the Editors and Moderators groups.
    `pytest_runtest_teardown` below puts that copy back after each such test.
    """
    if any(_is_transactional(item) for item in request.session.items):
        import sqlite3

        from django.db import connections

        with django_db_blocker.unblock():
            for connection in connections.all():
                if connection.vendor == "sqlite":
                    connection.ensure_connection()
                    copy = sqlite3.connect(":memory:", check_same_thread=False)
                    connection.connection.backup(copy)
                    # The copy is put back after each test; Django need not reload at set-up.
                    connection._test_serialized_contents = "[]"
                else:
                    # Django's reload at set-up stays: it also fills the content type cache,
                    # without which reloading workflow tasks would insert content types.
                    copy = getattr(connection, "_test_serialized_contents", None)
                    copy = copy or connection.creation.serialize_db_to_string()
                _MIGRATED_CONTENTS[connection.alias] = copy
    return django_db_setup


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test: put the migration data back."""
    result = yield
    # With no next item the session is over and the test databases are already gone.
    if _MIGRATED_CONTENTS and nextitem is not None and _is_transactional(item):
        from django.core.management import call_command
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for alias, contents in _MIGRATED_CONTENTS.items():
                connection = connections[alias]
                if isinstance(contents, str):
                    # Empty again, whatever teardown code made since Django's flush. Sequences
                    # are kept past the restored ids, or the next insert collides.
                    call_command(
                        "flush",
                        database=alias,
                        interactive=False,
                        verbosity=0,
                        allow_cascade=True,
                        inhibit_post_migrate=True,
                        reset_sequences=False,
                    )
                    connection.creation.deserialize_db_from_string(contents)
                else:
                    connection.ensure_connection()
                    contents.backup(connection.connection)
        # Cached content types and site roots point at rows that were emptied.
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
    return result


@pytest.fixture
def adult_feedback_form() -> dict:
    """A complete, valid adult feedback form, sent by someone who took a minute over it."""
    return {
        "about": "local_offer",
        "topic": "content",
        "writer": "parent_carer",
        "district": "",
        "rating": "4",
        "comment": "The short breaks page helped us find a Saturday club.",
        "email": "",
        "website": "",
        "started": form_started_token(time.time() - 60),
    }


@pytest.fixture
def sign_in(client, django_user_model):
    """Sign `client` in as a new user in a group: `sign_in("Moderators", first_name="Sam")`."""

    def sign_in(group: str, username: str = "editor", **fields):
        user = django_user_model.objects.create_user(
            username, f"{username}@westshire.example", "password", **fields
        )
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return sign_in


@pytest.fixture
def empty_cache():
    """Rate-limit counters (and anything else in the cache) start empty and are emptied after."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox_sends_at_commit(request):
    """Tests run inside a transaction that never commits: run on-commit work (the outbox's
    sending task) at once. Tests marked transaction=True commit for real and need no help."""
    if _is_transactional(request.node):
        yield
        return
    with mock.patch("django.db.transaction.on_commit", side_effect=lambda fn, *a, **k: fn()):
        yield


def _recreate_wagtail_root() -> Page:
    """Wagtail's root page and default locale, which a transactional test's flush removes."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.add_root(instance=Page(title="Root", slug="root", live=True))


@pytest.fixture(autouse=True)
def _new_page_tree_version():
    """What pages cache against the page tree (directory.public_cache) starts afresh per test."""
    from directory.public_cache import bump_pages_version

    bump_pages_version()


@pytest.fixture
def site_root(db) -> HomePage:
    """A HomePage under Wagtail's root, as the default Site's root (the welcome page removed)."""
    root = Page.get_first_root_node() or _recreate_wagtail_root()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Westshire Local Offer"
    site.save()
    Site.clear_site_root_paths_cache()
    return home


@pytest.fixture
def directory_page(site_root) -> DirectoryIndexPage:
    """The directory ("Find a service", at /services/) under the home page."""
    return DirectoryIndexPageFactory(parent=site_root, show_in_menus=True)


def taxonomy_value(model, value):
    """A taxonomy object given itself or its slug; unknown slugs are created with a name."""
    if isinstance(value, model):
        return value
    slug = slugify(value)
    obj, _ = model.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    return obj


def _values(model, values: Iterable) -> list:
    if values is None or isinstance(values, str | model):
        values = [] if values is None else [values]
    return [taxonomy_value(model, v) for v in values]


def _children(factory, items: Iterable[dict] | None) -> list:
    return [factory.build(**item) for item in (items or [])]


DEFAULT = object()


@pytest.fixture
def make_service(directory_page) -> Callable[..., ServicePage]:
    """Create a published ServicePage under `directory_page`.

    Taxonomies are slugs or objects (`service_types=["short-breaks"]`, `districts=[north]`);
    `organisation` and `provider_type` a slug or object; `contacts`, `locations` and
    `opening_times` lists of dicts of field values (defaults: one contact, one location, none).
    Other keyword arguments are ServicePage fields. The page is published through a revision, as
    an editor would, so `page_published` receivers run; `live=False` leaves it a draft.
    `first_published_at`/`last_published_at` backdate a published page.
    """

    def make(
        title: str = "Aiming High short breaks",
        *,
        parent: Page | None = None,
        service_types=("short-breaks",),
        languages=(),
        organisation=None,
        contacts=DEFAULT,
        locations=DEFAULT,
        opening_times=(),
        **fields,
    ) -> ServicePage:
        if contacts is DEFAULT:
            contacts = [{}]
        if locations is DEFAULT:
            locations = [{}]
        fields["service_types"] = service_types
        for vocabulary in TAXONOMIES:
            values = fields.get(vocabulary.service_field)
            if vocabulary.many:
                fields[vocabulary.service_field] = _values(vocabulary.model, values)
            elif values is not None:
                fields[vocabulary.service_field] = taxonomy_value(vocabulary.model, values)
        if organisation is not None and not isinstance(organisation, Organisation):
            organisation, _ = Organisation.objects.get_or_create(
                slug=slugify(organisation), defaults={"name": organisation}
            )
        language_objs = [
            v
            if isinstance(v, Language)
            else Language.objects.get_or_create(code=v, defaults={"name": v})[0]
            for v in ([languages] if isinstance(languages, str | Language) else languages)
        ]
        live = fields.pop("live", True)
        dates = {
            k: fields.pop(k) for k in ("first_published_at", "last_published_at") if k in fields
        }
        service = ServicePageFactory(
            parent=parent or directory_page,
            live=False,
            title=title,
            languages=language_objs,
            organisation=organisation,
            contacts=_children(ServiceContactFactory, contacts),
            locations=_children(ServiceLocationFactory, locations),
            opening_times=_children(OpeningTimeFactory, opening_times),
            first_published_at=None,
            last_published_at=None,
            **fields,
        )
        # Publish the way an editor does, so page_published receivers (search index) run.
        revision = service.save_revision()
        if live:
            revision.publish()
            if dates:
                # Backdated publishing: set the dates, then tell the receivers again.
                ServicePage.objects.filter(pk=service.pk).update(**dates)
                service.refresh_from_db()
                page_published.send(sender=ServicePage, instance=service, revision=revision)
            service.refresh_from_db()
        return service

    return make
