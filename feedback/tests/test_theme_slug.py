"""Editors name a theme; its slug is made from the name when left empty."""

import pytest
from django.urls import reverse

from feedback.models import Theme

pytestmark = pytest.mark.django_db


def test_a_theme_slug_is_filled_in_from_the_name(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    url = reverse("wagtailsnippets_feedback_theme:add")
    Theme.objects.create(name="Old", slug="waiting-times")
    response = client.post(url, {"name": "Waiting times", "slug": "", "description": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Theme.objects.get(name="Waiting times").slug == "waiting-times-2"
