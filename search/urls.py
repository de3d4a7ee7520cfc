"""Public URLs of the search app: site search, search-box suggestions, the shortlist, and
robots.txt (what search engines may crawl, and where the sitemap is)."""

from django.urls import path
from django.views.generic import TemplateView

from search import shortlist_views, site_search, suggestions

urlpatterns = [
    path("search/", site_search.site_search, name="site_search"),
    path("search/suggest/", suggestions.suggest, name="search_suggest"),
    path("shortlist/", shortlist_views.shortlist_page, name="shortlist"),
    path("shortlist/add/", shortlist_views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", shortlist_views.shortlist_remove, name="shortlist_remove"),
    path("shortlist/shared/", shortlist_views.shortlist_shared, name="shortlist_shared"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="search/robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]
