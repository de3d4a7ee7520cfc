"""Public addresses of the You said, we did module."""

from django.urls import path  # noqa: F401

app_name = "you_said_we_did"

urlpatterns: list = []
