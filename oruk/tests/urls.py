"""The site's URLs with the API mounted, for tests that run before localoffer/urls.py has it."""

from django.urls import include, path

from localoffer.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/oruk/", include("oruk.urls")), *site_urlpatterns]
