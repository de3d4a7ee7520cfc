"""The forum's own public addresses: the actions tracker, draft minutes for members, proposals."""

import time

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from feedback.models import FeedbackItem, FeedbackSettings
from feedback.posting import check_post
from feedback.spam import form_spam_signals
from forum import access, clock
from forum.actions import read_filters, selected_tags, tracker
from forum.forms import AgendaProposalForm, MinutesCommentForm
from forum.intake import submit_agenda_proposal, submit_minutes_comment
from forum.models import AgendaProposal, ForumAction, ForumIndexPage, MinutesPage

SENT_SESSION_KEY = "forum_sent"
SENT_SECONDS = 30 * 60
ACTIONS_PER_PAGE = 25


def action_list(request: HttpRequest) -> HttpResponse:
    """Every action from published minutes, filterable, with counts beside each filter."""
    base = ForumAction.objects.public()
    filters = read_filters(request.GET, base)
    day = clock.today()
    result = tracker(base, filters, day)
    paginator = Paginator(result["actions"], ACTIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "forum/action_list.html",
        {
            "actions": page,
            "paginator": paginator,
            "total": paginator.count,
            "groups": result["groups"],
            "overdue_count": result["overdue_count"],
            "filters": filters,
            "tags": selected_tags(filters, result["groups"], request.GET),
            "today": day,
            "forum_index": ForumIndexPage.objects.live().public().first(),
        },
    )


def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One action's stable public address: what, who owns it, its status and trail."""
    action = get_object_or_404(
        ForumAction.objects.public().select_related("meeting", "team", "theme"), pk=pk
    )
    return render(
        request,
        "forum/action_detail.html",
        {
            "action": action,
            "updates": action.updates.all(),
            "overdue": action.is_overdue(clock.today()),
            "minutes": action.meeting.live_minutes(),
            "forum_index": ForumIndexPage.objects.live().public().first(),
        },
    )


RATE_LIMIT_MESSAGE = (
    "You have sent a lot in a short time. Please wait {minutes} minutes, then send it again. "
    "What you wrote is still here."
)


def _check_post(request: HttpRequest, form):
    return check_post(request, form, scope="forum", message=RATE_LIMIT_MESSAGE)


def _remember_sent(request: HttpRequest, item: FeedbackItem) -> None:
    request.session[SENT_SESSION_KEY] = {"item": item.pk, "until": time.time() + SENT_SECONDS}


def _just_sent(request: HttpRequest) -> FeedbackItem | None:
    sent = request.session.pop(SENT_SESSION_KEY, None)
    if isinstance(sent, dict) and sent.get("until", 0) > time.time():
        return FeedbackItem.objects.filter(pk=sent.get("item"), user_id=request.user.pk).first()
    return None


def draft_minutes(request: HttpRequest, page_id: int) -> HttpResponse:
    """Draft minutes in forum review, for forum members (and staff), with the comment form."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    minutes = get_object_or_404(MinutesPage, pk=page_id)
    if not access.can_read_draft(request.user, minutes):
        if access.is_forum_member(request.user):
            raise Http404("These minutes are not in forum review.")
        raise PermissionDenied
    draft = minutes.get_latest_revision_as_object()
    commenting = access.can_comment(request.user, minutes)
    form = MinutesCommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not commenting:
        raise PermissionDenied
    post = _check_post(request, form)
    if post.accepted:
        comment = submit_minutes_comment(
            minutes=minutes,
            user=request.user,
            comment=form.cleaned_data["comment"],
            spam_reasons=form_spam_signals(request, form),
        )
        _remember_sent(request, comment.feedback_item)
        return redirect("forum:draft_minutes", page_id=minutes.pk)
    context = draft.get_context(request)
    sent = _just_sent(request)
    context.update(
        {
            "page": draft,
            "self": draft,
            "is_draft": True,
            "form": form,
            "commenting": commenting,
            "sent": sent,
            "show_help": sent is not None and sent.is_safeguarding,
            "feedback_settings": FeedbackSettings.for_request(request),
            "approved_comments": minutes.comments.filter(
                feedback_item__status=FeedbackItem.Status.APPROVED
            )
            .exclude(feedback_item__public_text="")
            .select_related("feedback_item"),
            "my_comments": minutes.comments.filter(feedback_item__user=request.user).select_related(
                "feedback_item"
            ),
        }
    )
    return render(request, "forum/draft_minutes.html", context, status=post.status)


def drafts(request: HttpRequest) -> HttpResponse:
    """Forum members' list of draft minutes waiting for their review."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.is_forum_member(request.user):
        raise PermissionDenied
    return render(request, "forum/drafts.html", {"drafts": access.drafts_in_review()})


def propose(request: HttpRequest) -> HttpResponse:
    """Forum members propose an agenda item; their earlier proposals and answers are listed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can_propose(request.user):
        raise PermissionDenied
    form = AgendaProposalForm(request.POST if request.method == "POST" else None)
    post = _check_post(request, form)
    if post.accepted:
        proposal = submit_agenda_proposal(
            user=request.user,
            title=form.cleaned_data["title"],
            comment=form.cleaned_data["comment"],
            meeting=form.cleaned_data["meeting"],
            spam_reasons=form_spam_signals(request, form),
        )
        _remember_sent(request, proposal.feedback_item)
        return redirect("forum:propose")
    sent = _just_sent(request) if request.method == "GET" else None
    return render(
        request,
        "forum/propose.html",
        {
            "form": form,
            "sent": sent,
            "show_help": sent is not None and sent.is_safeguarding,
            "feedback_settings": FeedbackSettings.for_request(request),
            "proposals": AgendaProposal.objects.filter(proposer=request.user).select_related(
                "meeting"
            ),
        },
        status=post.status,
    )
