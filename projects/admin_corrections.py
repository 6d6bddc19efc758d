"""The editors' queue of visitors' corrections (registered by admin.py).

New reports first, newest on top. The visitor's words and address are shown read-only, never
rewritten; an editor marks a report accepted or rejected (who and when are stamped) and may
keep a note. Not in the records' history (history.py): a correction is not a registry record,
its text never changes, and the row itself says who handled it and when.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import RECORD_KINDS, Correction, CorrectionStatus
from .services import corrections_mark

RECORD_KIND_LABELS = {
    "project": _("project"),
    "organization": _("organisation"),
    "place": _("place"),
}


class RecordKindListFilter(admin.SimpleListFilter):
    title = _("kind of record")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return list(RECORD_KIND_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in RECORD_KINDS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["status", "record_links", "created_at", "excerpt", "email"]
    list_display_links = ["status"]
    list_filter = ["status", RecordKindListFilter]
    list_select_related = ["project", "organization", "place"]
    search_fields = ["message", "email"]
    date_hierarchy = "created_at"
    actions = ["mark_accepted", "mark_rejected"]
    fields = [
        "record_links",
        "message",
        "email",
        "page_language",
        ("status", "created_at"),
        ("handled_at", "handled_by"),
        "editor_note",
    ]
    readonly_fields = [
        "record_links",
        "message",
        "email",
        "page_language",
        "status",
        "created_at",
        "handled_at",
        "handled_by",
    ]

    def has_add_permission(self, request):
        return False  # visitors write corrections, through the public form

    @admin.display(description=_("record"))
    def record_links(self, correction):
        record = correction.record
        opts = record._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return format_html(
            '{}: <a href="{}">{}</a> (<a href="{}" target="_blank" rel="noopener">{}</a>)',
            RECORD_KIND_LABELS[correction.kind],
            change_url,
            record,
            record.get_absolute_url(),
            _("public page"),
        )

    @admin.display(description=_("message"))
    def excerpt(self, correction):
        return Truncator(correction.message).chars(120)

    @admin.action(description=_("Mark accepted"), permissions=["change"])
    def mark_accepted(self, request, queryset):
        count = corrections_mark(queryset, status=CorrectionStatus.ACCEPTED, user=request.user)
        self._report(request, gettext("Corrections marked accepted: %(count)d."), count)

    @admin.action(description=_("Mark rejected"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        count = corrections_mark(queryset, status=CorrectionStatus.REJECTED, user=request.user)
        self._report(request, gettext("Corrections marked rejected: %(count)d."), count)

    def _report(self, request, text: str, count: int) -> None:
        self.message_user(request, text % {"count": count}, messages.SUCCESS)
