"""The Wagtail admin's door: sign in through allauth, and staff need a second factor first."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from accounts.roles import is_staff_member

MFA_SETUP_MESSAGE = (
    "You need to set up a second way to prove it is you before you can use the admin. "
    "Confirm your password, set up an authenticator app, then go back to the admin."
)

NOT_STAFF_MESSAGE = "Your account cannot use the admin. It is for council staff."


def needs_mfa_setup(user) -> bool:
    """Whether this user must set up a second factor before opening any admin page."""
    return (
        getattr(settings, "ACCOUNTS_REQUIRE_STAFF_MFA", True)
        and is_staff_member(user)
        and not Authenticator.objects.filter(user=user).exists()
    )


class StaffMFAMiddleware:
    """Send /admin/login/ to allauth's sign-in (its rate limits apply), and staff without a
    second factor to the MFA set-up page: no admin page opens until they have one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path == reverse("wagtailadmin_login"):
            query = request.GET.copy()
            query.setdefault("next", reverse("wagtailadmin_home"))
            return HttpResponseRedirect(f"{reverse('account_login')}?{query.urlencode()}")
        admin_prefixes = (reverse("wagtailadmin_home"), reverse("admin:index"))
        if (
            not path.startswith(admin_prefixes)
            or path == reverse("wagtailadmin_logout")
            or not request.user.is_authenticated
        ):
            return self.get_response(request)
        if not is_staff_member(request.user):
            # Signed in, but not staff: the admin would send them to sign in again, in a loop.
            messages.warning(request, NOT_STAFF_MESSAGE)
            return HttpResponseRedirect(reverse("accounts:home"))
        if needs_mfa_setup(request.user):
            messages.warning(request, MFA_SETUP_MESSAGE)
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
