"""The Parent Update's sending screen: preview, a test to the editor, then send to subscribers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from parent_update.models import ParentUpdatePage
from parent_update.sending import audience, render_update, send_test, start_sending


def send_update(request, page_id: int):
    """GET: the preview and counts. POST action=test: to the editor; action=send: to everyone."""
    page = get_object_or_404(ParentUpdatePage, pk=page_id)
    # The page's own permissions decide: whoever may publish an update may send it.
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        action = request.POST.get("action")
        if not page.live:
            messages.error(request, "Publish the update before sending it.")
        elif action == "test":
            if request.user.email:
                send_test(page, request.user.email)
                messages.success(request, f"We sent a test to {request.user.email}.")
            else:
                messages.error(request, "Your account has no email address to send a test to.")
        elif action == "send":
            sending = start_sending(page, request.user)
            sending.refresh_from_db()
            messages.success(
                request, f"Sending to subscribers: {sending.recipients} emails queued so far."
            )
        return redirect("parent_update_admin_send", page_id=page.pk)
    subject, body, html = render_update(page, "#unsubscribe")
    return TemplateResponse(
        request,
        "parent_update/admin/send.html",
        {
            "page": page,
            "subject": subject,
            "preview_html": html,
            "preview_text": body,
            "audience": len(audience(page)),
            "sendings": page.sendings.select_related("started_by"),
            "header_title": f"Send {page.title}",
        },
    )
