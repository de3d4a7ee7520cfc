"""URL map of the site. Wagtail serves every page not caught by a more specific route."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csp import csp_override
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from localoffer import health

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's admin needs a looser Content-Security-Policy than public pages (settings say why).
    path(
        settings.WAGTAIL_ADMIN_PATH,
        include(
            decorate_urlpatterns(wagtailadmin_urls.urlpatterns, csp_override(settings.ADMIN_CSP))
        ),
    ),
    path("healthz", health.healthz, name="healthz"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/oruk/", include("oruk.urls")),
    path("feedback/", include("feedback.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),  # sign-in, sign-up, MFA, sessions (not namespaced)
    path("surveys/", include("surveys.urls")),
    path("forum/", include("forum.urls")),
    path("you-said-we-did/", include("you_said_we_did.urls")),
    path("parent-update/", include("parent_update.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages that never read the request body again (localoffer/views.py says why).
handler400 = "localoffer.views.bad_request"
handler500 = "localoffer.views.server_error"

# Wagtail's page serving comes last: it catches everything else.
urlpatterns += [path("", include(wagtail_urls))]
