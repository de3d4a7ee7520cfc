"""My account: my details, my emails, my sessions, other apps' sections, my data, deleting."""

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from accounts import audit
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.hooks import account_sections
from accounts.lifecycle import delete_account as delete_account_service
from accounts.lifecycle import end_all_sessions, export_user_data
from accounts.models import Profile


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The "My account" page."""
    profile, _ = Profile.objects.get_or_create(user=request.user)
    sessions = UserSession.objects.filter(user=request.user).order_by("-last_seen_at")
    return render(
        request,
        "accounts/home.html",
        {
            "profile": profile,
            "sessions": sessions,
            "current_session_key": request.session.session_key,
            "has_mfa": Authenticator.objects.filter(user=request.user).exists(),
            # Each section is safe HTML rendered by the app that owns it.
            "plugged_in_sections": [mark_safe(html) for html in account_sections(request)],  # noqa: S308
        },
    )


@login_required
def details(request: HttpRequest) -> HttpResponse:
    """Change who I am, my district and which emails I get."""
    profile, _ = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:home")
    return render(request, "accounts/details.html", {"form": form})


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of this account, this one included."""
    end_all_sessions(request.user)
    logout(request)
    messages.success(request, "You have been signed out on every device.")
    return redirect("account_login")


@login_required
def download_my_data(request: HttpRequest) -> HttpResponse:
    """A readable page of everything we keep about you, with the JSON download beside it."""
    data = export_user_data(request.user)
    audit.log_account_event(request.user, audit.DATA_EXPORTED, data={"format": "html"})
    return render(request, "accounts/my_data.html", {"data": data})


@login_required
def download_my_data_json(request: HttpRequest) -> HttpResponse:
    """Everything we keep about you as a JSON file."""
    data = export_user_data(request.user)
    audit.log_account_event(request.user, audit.DATA_EXPORTED, data={"format": "json"})
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@login_required
@reauthentication_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete my account, after signing in again: what I wrote is kept without my name."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account_service(user)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
