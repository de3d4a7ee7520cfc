"""How allauth fits this site: strict email addresses, and its emails sent through our outbox."""

import secrets
from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.validators import validate_email

from notifications.outbox import queue_email

EMAIL_MAX_LENGTH = 254


def check_email_address(email: str) -> str:
    """One address, no line breaks, no lists, at most 254 characters; else a clear error."""
    if len(email) > EMAIL_MAX_LENGTH:
        raise forms.ValidationError(
            f"Email address must be {EMAIL_MAX_LENGTH} characters or fewer", code="max_length"
        )
    if any(char in email for char in "\r\n,; ") or email.count("@") != 1:
        raise forms.ValidationError(
            "Enter one email address, like name@example.com", code="invalid"
        )
    validate_email(email)
    return email


def user_display(user) -> str:
    """How allauth names a person in pages and emails: their email, never the internal handle."""
    return user.email or "you"


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter with our email rules and our email outbox."""

    def clean_email(self, email: str) -> str:
        return super().clean_email(check_email_address(email))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Render as allauth would, then hand it to the outbox (sent by a task, retried).
        request = allauth_context.request
        # The service's name ("Westshire Local Offer"), not the host, greets and signs the email.
        site = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME, domain=get_current_site(request).domain
        )
        context = {"request": request, "email": email, "current_site": site, **context}
        message = self.render_mail(template_prefix, email, context)
        html_body = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html_body = content
        # Each allauth email is its own event (a new code each time), so the key is unique.
        queue_email(
            key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{secrets.token_hex(12)}",
            to=email,
            subject=message.subject,
            body=message.body,
            html_body=html_body,
        )
