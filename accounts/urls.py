"""Public addresses of the Accounts module; allauth's own pages sit beside them under /accounts/."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("details/", views.details, name="details"),
    path("sessions/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("my-data/", views.download_my_data, name="my_data"),
    path("my-data.json", views.download_my_data_json, name="my_data_json"),
    path("delete/", views.delete_account, name="delete"),
]
