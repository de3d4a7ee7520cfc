"""Addresses of the Open Referral UK API, under /api/oruk/ (see localoffer/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "oruk"

urlpatterns = [
    path("", views.api_info, name="api_info"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("schema/<path:path>", views.schema_file, name="schema_file"),
    re_path(r"^services/?$", views.service_list, name="service_list"),
    re_path(r"^services/(?P<id>[^/]+)/?$", views.service_detail, name="service_detail"),
    re_path(
        r"^service_at_locations/?$",
        views.service_at_location_list,
        name="service_at_location_list",
    ),
    re_path(
        r"^service_at_locations/(?P<id>[^/]+)/?$",
        views.service_at_location_detail,
        name="service_at_location_detail",
    ),
    re_path(r"^taxonomies/?$", views.taxonomy_list, name="taxonomy_list"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", views.taxonomy_detail, name="taxonomy_detail"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_term_list, name="taxonomy_term_list"),
    re_path(
        r"^taxonomy_terms/(?P<id>[^/]+)/?$", views.taxonomy_term_detail, name="taxonomy_term_detail"
    ),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
