"""Public addresses of the Surveys module: answering a survey one page at a time."""

from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("<int:survey_id>/start/", views.start, name="start"),
    path("<int:survey_id>/questions/<int:number>/", views.step, name="step"),
    path("<int:survey_id>/check-your-answers/", views.check, name="check"),
    path("<int:survey_id>/thank-you/", views.thanks, name="thanks"),
    path("<int:survey_id>/print/", views.printable, name="print"),
]
