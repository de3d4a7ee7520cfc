"""Field factories for the links every app's models make the same way.

On the ground floor so that any app may use them. Each returns a plain Django field, so
migrations see exactly the field the factory was given.
"""

from django.conf import settings
from django.db import models


def optional_link(
    to: str | type[models.Model], *, related_name: str = "+", **kwargs
) -> models.ForeignKey:
    """A link that may be left empty, and is emptied (never cascaded) when its target goes.

    `related_name` defaults to "+": no reverse accessor unless one is named.
    """
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name, **kwargs
    )


def optional_account(*, related_name: str = "+", **kwargs) -> models.ForeignKey:
    """An optional link to a user account, emptied when the account is deleted."""
    return optional_link(settings.AUTH_USER_MODEL, related_name=related_name, **kwargs)
