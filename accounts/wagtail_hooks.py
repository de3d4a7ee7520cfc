"""Accounts in Wagtail: the audit log's actions, and the demo privacy notice."""

from django.http import HttpRequest
from django.urls import reverse
from wagtail import hooks

from accounts import audit
from directory.hooks import HEADER_LINKS, navigation_item


@hooks.register("register_log_actions")
def register_account_log_actions(actions) -> None:
    """Account events shown in Wagtail's "Site history" report, with a filter each."""
    for action, label, message in audit.ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(HEADER_LINKS)
def account_header_link(request: HttpRequest | None, page) -> str:
    """ "Your account" in the header when signed in, "Sign in" otherwise."""
    user = getattr(request, "user", None)
    if user is None:
        return ""
    if user.is_authenticated:
        return navigation_item(request, reverse("accounts:home"), "Your account")
    return navigation_item(request, reverse("account_login"), "Sign in")


@hooks.register("load_demo_content")
def load_privacy_notice() -> str:
    """Add the privacy notice under the home page, if it is not there yet."""
    from accounts import privacy_notice
    from directory.models import HomePage, InformationPage

    home = HomePage.objects.first()
    if home is None:
        return "Privacy notice: no home page yet"
    if InformationPage.objects.child_of(home).filter(slug=privacy_notice.SLUG).exists():
        return "Privacy notice: already there"
    page = InformationPage(
        title=privacy_notice.TITLE, slug=privacy_notice.SLUG, summary=privacy_notice.SUMMARY
    )
    page.body = privacy_notice.BODY
    home.add_child(instance=page)
    page.save_revision().publish()
    return "Privacy notice: added"
