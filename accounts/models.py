"""The project's user model.

A custom user model from the start (as Django recommends), so that fields can be added to
accounts later without swapping models under existing foreign keys. People sign in by email
through django-allauth; `username` stays as an internal handle that allauth fills in.
"""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Anyone who signs in: a parent or carer, a young person, a professional, or staff."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "user"
        verbose_name_plural = "users"
