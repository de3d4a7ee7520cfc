"""Public URLs of the search app: site search, search-box suggestions, the shortlist, and
robots.txt (what search engines may crawl, and where the sitemap is)."""

from django.urls import path
from django.views.generic import TemplateView

from search import views

urlpatterns = [
    path("search/", views.site_search, name="site_search"),
    path("search/suggest/", views.suggest, name="search_suggest"),
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("shortlist/shared/", views.shortlist_shared, name="shortlist_shared"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="search/robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]
