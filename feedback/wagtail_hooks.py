"""Public plug-ins of the feedback app: links and forms shown on pages of other apps."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.models import Page

from feedback import accounts as feedback_accounts
from feedback.forms import MissingForm
from feedback.models import FeedbackSettings

HELPFUL_STATES = {"thanks", "no", "help"}


@hooks.register("service_page_footer")
def service_feedback_link(request: HttpRequest | None, page: Page | None) -> str:
    """The link "Tell us what you think of this service", at the end of every service page."""
    if page is None or not page.pk:
        return ""
    return render_to_string("feedback/includes/service_footer.html", {"page": page}, request)


@hooks.register("page_footer")
def was_this_page_helpful(request: HttpRequest | None, page: Page | None) -> str:
    """The "Was this page helpful? Yes / No" box on every public page (not on form pages)."""
    if request is None or page is None or not getattr(page, "pk", None):
        return ""
    if getattr(request, "is_preview", False):
        return ""
    state = request.GET.get("helpful", "")
    return render_to_string(
        "feedback/includes/helpfulness.html",
        {
            "page": page,
            "state": state if state in HELPFUL_STATES else "",
            "missing_form": MissingForm(initial={"page": page.pk}),
            "feedback_settings": FeedbackSettings.for_request(request) if state == "help" else None,
        },
        request,
    )


# Feedback in people's accounts (the hooks are declared in accounts/hooks.py).
hooks.register("account_sections", feedback_accounts.account_section)
hooks.register("account_data_export", feedback_accounts.data_export)
hooks.register("account_deleted", feedback_accounts.anonymise_for_deleted_account)

from feedback.admin import viewsets  # noqa: E402, F401  (the admin: moderation, exports, dashboard)
