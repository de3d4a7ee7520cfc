"""Public URLs of the search app: site search, search-box suggestions and the shortlist."""

from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.site_search, name="site_search"),
    path("search/suggest/", views.suggest, name="search_suggest"),
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("shortlist/shared/", views.shortlist_shared, name="shortlist_shared"),
]
