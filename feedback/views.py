"""Public feedback views: the forms, the thank-you page, and "Was this page helpful?"."""

import time

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.models import Page

from directory.models import ServicePage
from directory.public_cache import same_origin_post
from feedback.forms import FACES, FeedbackForm, MissingForm, YoungPersonAgeForm, YoungPersonForm
from feedback.intake import record_helpfulness_vote, record_missing_comment, submit_feedback
from feedback.models import FeedbackItem, FeedbackSettings
from feedback.posting import check_post
from feedback.spam import form_spam_signals, over_rate_limit

THANKS_SESSION_KEY = "feedback_thanks"
THANKS_SECONDS = 30 * 60
HELPFUL_VOTES_PER_WINDOW = 30


# Larger ids cannot be in the database (and would overflow its integer type).
MAX_PAGE_ID = 2**63 - 1


def _service_or_404(page_id: int) -> ServicePage:
    if not 0 < page_id <= MAX_PAGE_ID:
        raise Http404
    return get_object_or_404(ServicePage.objects.live().public(), pk=page_id)


RATE_LIMIT_MESSAGE = (
    "You have sent a lot of feedback in a short time. Please wait {minutes} minutes, "
    "then send it again. What you wrote is still here."
)


def _store_or_show(
    request: HttpRequest,
    form: FeedbackForm | YoungPersonForm,
    service: ServicePage | None,
    template: str,
    context: dict,
) -> HttpResponse:
    """Store a sent form's feedback and go to the thank-you page, or show the form (again)."""
    post = check_post(request, form, scope="form", message=RATE_LIMIT_MESSAGE)
    if not post.accepted:
        context = {"form": form, "service": service, **context}
        return render(request, template, context, status=post.status)
    submission = form.submission(service)
    submission.spam_reasons = form_spam_signals(request, form)
    if request.user.is_authenticated:
        submission.user_id = request.user.pk
    item = submit_feedback(submission)
    request.session[THANKS_SESSION_KEY] = {"item": item.pk, "until": time.time() + THANKS_SECONDS}
    return redirect("feedback:thank_you")


def feedback_form(request: HttpRequest, page_id: int | None = None) -> HttpResponse:
    """Feedback about the Local Offer as a whole or anything else, or about one service."""
    service = _service_or_404(page_id) if page_id is not None else None
    form = FeedbackForm(
        request.POST if request.method == "POST" else None, about_service=service is not None
    )
    young_people_url = (
        reverse("feedback:young_people_service", args=[service.pk])
        if service
        else reverse("feedback:young_people")
    )
    return _store_or_show(
        request,
        form,
        service,
        "feedback/feedback_form.html",
        {"young_people_url": young_people_url},
    )


def young_people_form(request: HttpRequest, page_id: int | None = None) -> HttpResponse:
    """The young person's form: first "Are you under 13?", then one question and the faces."""
    service = _service_or_404(page_id) if page_id is not None else None
    age = request.POST.get("age") or request.GET.get("age")
    if age not in ("under-13", "13-or-over"):
        # The age question is a GET form; "step" says it was sent, even with nothing chosen.
        age_form = YoungPersonAgeForm(request.GET if "step" in request.GET else None)
        age_form.is_valid()
        return render(
            request,
            "feedback/young_people_age.html",
            {"form": age_form, "service": service},
        )
    under_13 = age == "under-13"
    form = YoungPersonForm(request.POST if request.method == "POST" else None, under_13=under_13)
    return _store_or_show(
        request,
        form,
        service,
        "feedback/young_people_form.html",
        {
            "age": age,
            "under_13": under_13,
            "faces": [
                {"value": value, "words": words, "mouth_y": mouth_y}
                for value, words, mouth_y in FACES
            ],
            "feedback_settings": FeedbackSettings.for_request(request),
        },
    )


def thank_you(request: HttpRequest) -> HttpResponse:
    """Say thank you and what happens next; show the help box if safeguarding words matched."""
    item = None
    thanks = request.session.get(THANKS_SESSION_KEY)
    # Only for a short while: on a shared computer the next person must not read it.
    if isinstance(thanks, dict) and thanks.get("until", 0) > time.time():
        item = (
            FeedbackItem.objects.select_related("subject_page")
            .filter(pk=thanks.get("item"))
            .first()
        )
    return render(
        request,
        "feedback/thank_you.html",
        {
            "item": item,
            "young": item is not None and item.kind == FeedbackItem.Kind.YOUNG_PERSON,
            "show_help": item is not None and item.is_safeguarding,
            "feedback_settings": FeedbackSettings.for_request(request),
        },
    )


def _page_or_404(raw_id: str | None) -> Page:
    try:
        page_id = int(raw_id or "")
    except ValueError:
        page_id = 0
    if not 0 < page_id <= MAX_PAGE_ID:
        raise Http404
    return get_object_or_404(Page.objects.live().public(), pk=page_id)


def _back_to_page(request: HttpRequest, page: Page, state: str) -> HttpResponseRedirect:
    url = page.get_url(request=request) or "/"
    return HttpResponseRedirect(f"{url}?helpful={state}#page-helpful")


@same_origin_post
@require_POST
def helpful_vote(request: HttpRequest) -> HttpResponse:
    """Count a Yes or No for the page, then go back to it (which then says thank you)."""
    page = _page_or_404(request.POST.get("page"))
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        return _back_to_page(request, page, "")
    limited = over_rate_limit(
        request, scope="helpful", limit=HELPFUL_VOTES_PER_WINDOW, window_seconds=10 * 60
    )
    if not limited:
        record_helpfulness_vote(page, helpful=answer == "yes")
    return _back_to_page(request, page, "thanks" if answer == "yes" else "no")


@require_POST
def helpful_missing(request: HttpRequest) -> HttpResponse:
    """Keep the optional "What was missing?" answer; show errors on a page of its own."""
    page = _page_or_404(request.POST.get("page"))
    form = MissingForm(request.POST)
    if form.is_valid() and not form.cleaned_data["comment"].strip():
        return _back_to_page(request, page, "thanks")
    status = 200
    if form.is_valid() and over_rate_limit(
        request, scope="helpful", limit=HELPFUL_VOTES_PER_WINDOW, window_seconds=10 * 60
    ):
        form.add_error(
            None,
            "You have sent a lot in a short time. Please wait 10 minutes, then send it "
            "again. What you wrote is still here.",
        )
        status = 429
    if not form.is_valid():
        return render(
            request, "feedback/helpful_missing.html", {"form": form, "subject": page}, status=status
        )
    comment = form.cleaned_data["comment"]
    item = record_missing_comment(page, comment)
    return _back_to_page(request, page, "help" if item is not None else "thanks")
