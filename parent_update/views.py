"""Public views: subscribe, confirm, unsubscribe, save a search alert, and calendars."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt

from directory.ical import calendar
from directory.models import ServicePage
from feedback.spam import over_rate_limit, spam_signals
from parent_update import subscriptions
from parent_update.alerts import read_search
from parent_update.forms import AlertForm, SubscribeForm
from parent_update.links import absolute
from parent_update.models import ServiceSession
from parent_update.tokens import LinkProblem
from parent_update.whats_on import WhatsOnForm, filter_occurrences, upcoming

SUBMISSIONS_PER_HOUR = 10
MIN_SECONDS = 2
CHECK_EMAIL_SESSION_KEY = "parent_update_check_email"
PRODID = "-//Local Offer//Things to do//EN"


def _guarded(request: HttpRequest, form) -> bool:
    """True when the form may go ahead; a bot's submission is quietly dropped (False, no error)."""
    if over_rate_limit(
        request, scope="parent-update", limit=SUBMISSIONS_PER_HOUR, window_seconds=3600
    ):
        form.add_error(
            None,
            "You have sent this form a lot in a short time. Please wait an hour and try again.",
        )
        return False
    return not spam_signals(
        honeypot=form.cleaned_data.get("website", ""),
        started_token=form.cleaned_data.get("started", ""),
        min_seconds=MIN_SECONDS,
    )


def _check_your_email(request: HttpRequest, email: str, what: str) -> HttpResponse:
    request.session[CHECK_EMAIL_SESSION_KEY] = {"email": email, "what": what}
    return redirect("parent_update:check_email")


def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _guarded(request, form):
            subscriptions.request_subscription(
                form.cleaned_data["email"], form.cleaned_data["topics"]
            )
        if not form.non_field_errors():
            return _check_your_email(request, form.cleaned_data["email"], "update")
    status = 400 if form.errors else 200
    return render(request, "parent_update/subscribe.html", {"form": form}, status=status)


def check_email(request: HttpRequest) -> HttpResponse:
    sent = request.session.get(CHECK_EMAIL_SESSION_KEY)
    if not isinstance(sent, dict):
        return redirect("parent_update:subscribe")
    return render(request, "parent_update/check_email.html", {"sent": sent})


def _message(request, title: str, message: str, status: int = 200, **extra) -> HttpResponse:
    return render(
        request,
        "parent_update/message.html",
        {"title": title, "message": message, **extra},
        status=status,
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    try:
        payload = subscriptions.read_confirmation(token)
        if request.method == "POST":
            outcome = subscriptions.confirm(token)
            return _message(request, outcome.title, outcome.message)
    except LinkProblem as problem:
        return _message(request, "This link cannot be used", str(problem), status=400)
    what = "the SEND Parent Update" if payload.get("kind") == "update" else "this search alert"
    return render(request, "parent_update/confirm.html", {"what": what})


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click"; the signed token is the key.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; a POST (the button, or a mail client's one-click) unsubscribes."""
    if request.method == "POST":
        try:
            outcome = subscriptions.unsubscribe(token)
        except LinkProblem as problem:
            return _message(request, "This link cannot be used", str(problem), status=400)
        return _message(request, outcome.title, outcome.message)
    try:
        subscriptions.read_unsubscribe(token)
    except LinkProblem as problem:
        return _message(request, "This link cannot be used", str(problem), status=400)
    return render(request, "parent_update/unsubscribe.html", {})


def new_alert(request: HttpRequest) -> HttpResponse:
    """ "Email me when a new service matches": the directory's query string, then an address."""
    raw = (
        request.POST.get("query", "")
        if request.method == "POST"
        else request.META.get("QUERY_STRING", "")
    )
    saved = read_search(raw)
    if saved.problem:
        return _message(
            request, "We cannot save this search", saved.problem, status=400, back="/services/"
        )
    form = AlertForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _guarded(request, form):
            user_id = request.user.pk if request.user.is_authenticated else None
            subscriptions.request_alert(
                form.cleaned_data["email"], saved.query_string, saved.description, user_id
            )
        if not form.non_field_errors():
            return _check_your_email(request, form.cleaned_data["email"], "alert")
    if not form.is_bound and request.user.is_authenticated:
        form.initial["email"] = request.user.email
    return render(
        request,
        "parent_update/new_alert.html",
        {"form": form, "saved": saved},
        status=400 if form.errors else 200,
    )


def _events(occurrences) -> list[dict]:
    host = absolute("").split("//", 1)[-1]
    events = []
    for occurrence in occurrences:
        session = occurrence.session
        details = [session.cost or ("Free" if session.is_free else ""), session.booking_details]
        if session.alone:
            details.append("Young people can come without a parent or carer.")
        events.append(
            {
                "uid": f"session-{session.pk}-{occurrence.date:%Y%m%d}@{host}",
                "start": occurrence.start,
                "end": occurrence.end,
                "summary": session.name,
                "description": "\n".join(d for d in details if d),
                "location": session.venue,
                "url": absolute(session.service.url or ""),
            }
        )
    return events


def _ics(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "calendar"}.ics"'
    return response


def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    live = ServicePage.objects.live().public()
    session = get_object_or_404(ServiceSession, pk=pk, service__in=live)
    occurrences = upcoming(ServiceSession.objects.filter(pk=session.pk), days=366)
    return _ics(calendar(_events(occurrences), name=session.name, prodid=PRODID), session.name)


def whats_on_ics(request: HttpRequest) -> HttpResponse:
    form = WhatsOnForm(request.GET or None)
    form.is_valid()
    found = filter_occurrences(upcoming(), form.criteria())
    return _ics(calendar(_events(found[:500]), name="What's on", prodid=PRODID), "whats-on")
