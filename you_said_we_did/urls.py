"""Public addresses of the You said, we did module (the pages themselves are Wagtail's)."""

from django.urls import path

from you_said_we_did import views

app_name = "you_said_we_did"

urlpatterns = [
    path("feed/", views.ResponsesFeed(), name="feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("did-it-make-a-difference/<str:token>/", views.check_back, name="check_back"),
    path("register/<int:page_id>.csv", views.register_edition_csv, name="register_csv"),
]
