"""The declared plug-in hooks (directory.hooks): every hook our apps register is declared or is
one of Wagtail's own, and navigation hooks render the shared component."""

import pathlib
import re

import wagtail
from django.test import RequestFactory
from wagtail import hooks

from directory.hooks import DECLARED, navigation_item

OUR_APPS = ("accounts", "directory", "feedback", "forum", "oruk", "parent_update", "search")
OUR_APPS += ("surveys", "you_said_we_did", "localoffer", "notifications", "demo")


def _wagtail_hook_names() -> set[str]:
    names: set[str] = set()
    for path in pathlib.Path(wagtail.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="ignore")
        names |= set(re.findall(r"""(?:get_hooks\(|hook_name\s*=)\s*["']([a-z_]+)["']""", text))
    return names


def test_every_hook_our_apps_register_is_declared_or_wagtails_own():
    hooks.search_for_hooks()
    ours = {
        name
        for name, registered in hooks._hooks.items()
        for fn, _order in registered
        if fn.__module__.split(".")[0] in OUR_APPS
    }
    undeclared = ours - set(DECLARED) - _wagtail_hook_names()
    assert not undeclared, f"declare these hooks in directory/hooks.py: {sorted(undeclared)}"
    assert {"header_links", "load_demo_content", "account_sections"} <= ours


def test_navigation_item_is_the_component_marked_current_on_its_own_page():
    factory = RequestFactory()
    html = navigation_item(factory.get("/shortlist/"), "/shortlist/", "Shortlist (2)")
    assert "govuk-service-navigation__item--active" in html
    assert 'aria-current="page"' in html and "Shortlist (2)" in html
    elsewhere = navigation_item(factory.get("/"), "/shortlist/", "Shortlist <2>")
    assert "aria-current" not in elsewhere and "--active" not in elsewhere
    assert "Shortlist &lt;2&gt;" in elsewhere
