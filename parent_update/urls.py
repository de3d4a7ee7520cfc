"""Public addresses of the Parent Update, search alerts and What's on calendars."""

from django.urls import path

from parent_update import views

app_name = "parent_update"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/check-your-email/", views.check_email, name="check_email"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/new/", views.new_alert, name="new_alert"),
    path("whats-on.ics", views.whats_on_ics, name="whats_on_ics"),
    path("sessions/<int:pk>.ics", views.session_ics, name="session_ics"),
]
