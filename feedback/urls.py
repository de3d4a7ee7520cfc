"""Public feedback addresses, under /feedback/."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_form, name="form"),
    path("service/<int:page_id>/", views.feedback_form, name="service"),
    path("young-people/", views.young_people_form, name="young_people"),
    path(
        "young-people/service/<int:page_id>/",
        views.young_people_form,
        name="young_people_service",
    ),
    path("thank-you/", views.thank_you, name="thank_you"),
    path("helpful/", views.helpful_vote, name="helpful"),
    path("helpful/missing/", views.helpful_missing, name="helpful_missing"),
]
