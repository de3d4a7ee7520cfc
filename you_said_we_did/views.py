"""Public views: the Atom feed, unsubscribe, "Did this make a difference?", a register's CSV."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import get_object_or_404, render
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.csrf import csrf_exempt

from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem, FeedbackSettings
from feedback.posting import check_post
from feedback.spam import form_spam_signals
from you_said_we_did import loop
from you_said_we_did.forms import CheckBackForm
from you_said_we_did.models import CheckBackAnswer, RegisterEditionPage, ResponsePage
from you_said_we_did.register import register_csv

RATE_LIMIT_MESSAGE = "You have sent a lot in a short time. Please wait, then try again."


class ResponsesFeed(Feed):
    """The latest published responses, as Atom. Only public words: no feedback, no names."""

    feed_type = Atom1Feed
    title = "You said, we did"
    subtitle = "What the council did about what families and young people told us."

    def link(self) -> str:
        index = ResponsePage.objects.live().public().first()
        return index.get_parent().url if index else "/"

    def items(self):
        return ResponsePage.objects.live().public().order_by("-last_published_at")[:50]

    def item_title(self, item: ResponsePage) -> str:
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item: ResponsePage) -> str:
        parts = [f"You said: {item.you_said}"]
        if item.we_did:
            parts.append(f"We did: {item.we_did}")
        parts.append(f"Status: {item.get_status_display()}")
        return "\n\n".join(parts)

    def item_link(self, item: ResponsePage) -> str:
        return item.url or "/"

    def item_pubdate(self, item: ResponsePage):
        return item.first_published_at

    def item_updateddate(self, item: ResponsePage):
        return item.last_published_at


@csrf_exempt  # RFC 8058 one-click: mail programs POST without a form token; the URL is signed.
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (so link checkers change nothing); POST unsubscribes."""
    subscriber = loop.subscriber_from_token(token, loop.UNSUBSCRIBE_SALT)
    if subscriber is None:
        return render(request, "you_said_we_did/link_not_valid.html", status=404)
    done = subscriber.unsubscribed_at is not None
    if request.method == "POST" and not done:
        loop.unsubscribe(subscriber)
        done = True
    return render(
        request,
        "you_said_we_did/unsubscribe.html",
        {"response": subscriber.response, "done": done},
    )


def check_back(request: HttpRequest, token: str) -> HttpResponse:
    """ "Did this make a difference?": yes, partly or no, and an optional sentence."""
    subscriber = loop.subscriber_from_token(token, loop.CHECK_BACK_SALT)
    if subscriber is None:
        return render(request, "you_said_we_did/link_not_valid.html", status=404)
    response = subscriber.response
    if CheckBackAnswer.objects.filter(subscriber=subscriber).exists():
        return render(request, "you_said_we_did/check_back_thanks.html", {"response": response})
    settings_ = FeedbackSettings.for_request(request)
    form = CheckBackForm(request.POST if request.method == "POST" else None)
    post = check_post(request, form, scope="form", message=RATE_LIMIT_MESSAGE)
    if not post.accepted:
        return render(
            request,
            "you_said_we_did/check_back.html",
            {"form": form, "response": response},
            status=post.status,
        )
    item = None
    sentence = form.cleaned_data["sentence"]
    if sentence.strip():
        item = submit_feedback(
            Submission(
                kind=FeedbackItem.Kind.CHECK_BACK,
                comment=sentence,
                topic=response.topic,
                spam_reasons=form_spam_signals(request, form),
            )
        )
    CheckBackAnswer.objects.get_or_create(
        subscriber=subscriber,
        defaults={
            "response": response,
            "answer": form.cleaned_data["answer"],
            "feedback_item": item,
        },
    )
    return render(
        request,
        "you_said_we_did/check_back_thanks.html",
        {
            "response": response,
            "show_help": item is not None and item.is_safeguarding,
            "feedback_settings": settings_,
        },
    )


def register_edition_csv(request: HttpRequest, page_id: int) -> HttpResponse:
    """A published register edition as CSV (formula-safe)."""
    edition = get_object_or_404(RegisterEditionPage.objects.live().public(), pk=page_id)
    if not edition.content:
        return HttpResponseGone()
    response = HttpResponse(register_csv(edition), content_type="text/csv; charset=utf-8")
    filename = f"register-{edition.period_start}-to-{edition.period_end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
