"""Public addresses of the Parent carer forum module."""

from django.urls import path  # noqa: F401

app_name = "forum"

urlpatterns: list = []
