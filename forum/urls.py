"""Public addresses of the Parent carer forum module."""

from django.urls import path

from forum import feeds, views

app_name = "forum"

urlpatterns = [
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/<int:page_id>/", views.draft_minutes, name="draft_minutes"),
    path("propose/", views.propose, name="propose"),
    path("minutes.atom", feeds.MinutesFeed(), name="minutes_feed"),
    path("meetings.ics", feeds.meetings_calendar, name="meetings_calendar"),
]
