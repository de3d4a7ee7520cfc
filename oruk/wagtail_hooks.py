"""Admin wiring: "Import and export services" under Settings."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import can_import, export_services_view, import_services_view


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("services-import/", import_services_view, name="oruk_import"),
        path("services-export.csv", export_services_view, name="oruk_export"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_import(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Import and export services", reverse("oruk_import"), icon_name="download", order=900
    )
