"""The project's user model and the profile that says who someone is.

A custom user model from the start (as Django recommends), so that fields can be added to
accounts later without swapping models under existing foreign keys. People sign in by email
through django-allauth; `username` stays as an internal handle that allauth fills in.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from directory.model_fields import optional_link


class User(AbstractUser):
    """Anyone who signs in: a parent or carer, a young person, a professional, or staff."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "user"
        verbose_name_plural = "users"


class Profile(models.Model):
    """Who someone is and which emails they want; made at sign-up, deleted with the account."""

    class Who(models.TextChoices):
        PARENT_CARER = "parent_carer", "A parent or carer"
        YOUNG_PERSON = "young_person", "A young person"
        PROFESSIONAL = "professional", "A professional who works with children and young people"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    who = models.CharField("who I am", max_length=20, choices=Who.choices, blank=True)
    district = optional_link(
        "directory.District",
        help_text="Optional: where you live, so we can tell you about things nearby.",
    )
    # Art. 8 UK GDPR: under-13s need a parent or carer; we keep what they told us and when.
    age_confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When they said they are 13 or over, or a parent helps."
    )
    parent_helping = models.BooleanField("a parent or carer is helping", default=False)
    email_responses = models.BooleanField("email me when my feedback gets a response", default=True)
    email_news = models.BooleanField(
        "email me about surveys, forum meetings and changes we made", default=False
    )

    class Meta:
        verbose_name = "profile"

    def __str__(self) -> str:
        return f"Profile of {self.user}"
