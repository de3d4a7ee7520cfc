"""Admin pages to import services from the CSV template and to download the export.

Uploading shows the same report as `manage.py import_services` (a dry run); a second step,
"Create drafts", saves them. Only people who may add services to the directory can import.
"""

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from .exporting import export_services_csv
from .feeds import SourceError, csv_rows, decode_csv
from .importing import apply_import, directory_for_import, plan_import

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SESSION_KEY = "oruk_import_csv"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Services spreadsheet (CSV)",
        help_text=(
            "Use the template's columns, up to 5,000 services a file, smaller than 5 MB. "
            "Nothing is saved until you confirm."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        return upload


def can_import(user) -> bool:
    """Whoever may add services to the directory may import them (as drafts)."""
    parent = directory_for_import()
    return bool(parent and parent.permissions_for_user(user).can_add_subpage())


def import_services_view(request: HttpRequest) -> HttpResponse:
    """Upload a CSV and see the report; then confirm to create the drafts."""
    if not can_import(request.user):
        raise PermissionDenied
    context = {"form": UploadForm(), "plan": None, "confirmable": False}
    if request.method == "POST" and request.POST.get("action") == "commit":
        data = request.session.get(SESSION_KEY)
        if not data:
            messages.error(request, "Upload the file again: the checked file has expired.")
            return redirect("oruk_import")
        plan = plan_import(csv_rows(data).rows)  # the text decoded at upload
        apply_import(plan, parent=directory_for_import(), user=request.user)
        del request.session[SESSION_KEY]
        messages.success(request, plan.summary())
        context["plan"] = plan
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                text = decode_csv(form.cleaned_data["file"].read())
                rows = csv_rows(text)
            except SourceError as error:
                form.add_error("file", str(error))
            else:
                plan = plan_import(rows.rows)
                context["plan"] = plan
                context["confirmable"] = plan.count("create") + plan.count("update") > 0
                # Decoded once: the drafts get exactly the text the preview showed.
                request.session[SESSION_KEY] = text
    return TemplateResponse(request, "oruk/admin/import_services.html", context)


def export_services_view(request: HttpRequest) -> HttpResponse:
    """Download every published service as CSV in the import template's columns."""
    output = io.StringIO()
    export_services_csv(output)
    response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"services-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
