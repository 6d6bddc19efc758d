"""The editors' admin: every record in ru / kk / en tabs, projects edited on one page."""

from contextlib import contextmanager

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.forms.boundfield import BoundField
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from reversion.admin import VersionAdmin

from . import (
    admin_corrections,  # noqa: F401 (registers the corrections queue)
    history,
    import_evidence,
    indexing,
    search,
)
from .admin_autocomplete import RowAutocompleteSelect, RowObjectsFormSet, SameMediaInlineFormSet
from .facts import fact_keys_of
from .importing import press_release_import
from .ingest import IngestError, decode_bytes
from .ingest.text import MAX_BYTES
from .models import (
    CURRENCY_CODES,
    Contact,
    EvidenceBasis,
    ExchangeRate,
    FactEvidence,
    FundingLine,
    Keyword,
    Organization,
    OrganizationAlias,
    Participation,
    ParticipationRole,
    Place,
    PlaceAlias,
    Project,
    ProjectPlaceIndex,
    ProjectSearchDocument,
    ProjectSector,
    ProjectStatus,
    PublishingEvent,
    RevisionOrigin,
    Sector,
    SourceDocument,
)
from .partial_dates import parse_partial_date
from .sectors import shares_add_up
from .services import drafts, publishing

# Before any VersionAdmin below is instantiated, which would register its model without the
# exclusions and follows history.py gives.
history.register_models()

admin.site.site_header = _("Grant-project registry")
admin.site.site_title = _("Registry admin")
admin.site.index_title = _("Records")


class TextAsStoredField(forms.CharField):
    """Browsers send a textarea's line breaks as CR LF (HTML's form encoding); the registry
    stores LF, so that saving a form nobody changed changes nothing."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class EditorFormsMixin:
    """Form fields of every admin page and inline: web addresses typed without a scheme are
    taken as https (Django 6's default); long texts keep their line breaks as stored."""

    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.TextField: {"form_class": TextAsStoredField},
    }


class RegistryAdminMixin(EditorFormsMixin):
    """A save rebuilds the derived rows of the projects it touches once, after every inline is
    saved (indexing.batch), not once per row."""

    def changeform_view(self, request, *args, **kwargs):
        with indexing.batch():
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with indexing.batch():
            return super().delete_view(request, *args, **kwargs)

    def response_action(self, request, queryset):
        with indexing.batch():
            return super().response_action(request, queryset)


class HistoryAdmin(VersionAdmin):
    """Every save through the admin is a revision of the record's history (projects/history.py):
    its page lists who changed what, old -> new, and reverts to any version."""

    object_history_template = "admin/projects/object_history.html"
    history_latest_first = True

    @contextmanager
    def create_revision(self, request):
        with super().create_revision(request):
            reversion.add_meta(RevisionOrigin, via="admin")
            yield

    def _reversion_revisionform_view(self, request, version, *args, **kwargs):
        # reversion reverts the whole revision a version belongs to; a load's revision holds
        # thousands of records, and reverting one record must not touch the others.
        version.revision.revert = lambda delete=False: history.revert_record(version)
        return super()._reversion_revisionform_view(request, version, *args, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        entries = history.history_of(self.model, unquote(object_id))
        for entry in entries:
            entry.url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision",
                args=[quote(entry.version.object_id), entry.version.pk],
            )
        context = {"history_entries": entries, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)


class SlugFixedOnceSavedMixin(RegistryAdminMixin):
    """Slugs are public addresses: editable when a record is created, fixed afterwards."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk:
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.pk:
            return {}
        return super().get_prepopulated_fields(request, obj)


# --- Places ---------------------------------------------------------------------------------


class PlaceAliasInline(EditorFormsMixin, admin.TabularInline):
    model = PlaceAlias
    extra = 1


@admin.register(Place)
class PlaceAdmin(HistoryAdmin, SlugFixedOnceSavedMixin, TabbedTranslationAdmin):
    list_display = ["name", "kind", "parent", "country_code", "latitude", "longitude"]
    list_filter = ["kind", "country_code"]
    list_select_related = ["parent"]
    search_fields = ["name_ru", "name_kk", "name_en", "slug", "aliases__name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PlaceAliasInline]


# --- Organisations --------------------------------------------------------------------------


class OrganizationAliasInline(EditorFormsMixin, admin.TabularInline):
    model = OrganizationAlias
    extra = 1


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin, SlugFixedOnceSavedMixin, TabbedTranslationAdmin):
    list_display = ["name", "short_name", "kind", "country", "city"]
    list_filter = ["kind", "country"]
    list_select_related = ["city"]
    search_fields = [
        "name_ru",
        "name_kk",
        "name_en",
        "short_name_ru",
        "short_name_kk",
        "short_name_en",
        "slug",
        "aliases__name",
    ]
    autocomplete_fields = ["city", "part_of"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [OrganizationAliasInline]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    """The DAC codelist, as the OECD keeps it: looked up and chosen, not edited here."""

    list_display = ["code", "name", "category", "withdrawn"]
    list_filter = ["withdrawn"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Keyword)
class KeywordAdmin(SlugFixedOnceSavedMixin, TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ru", "name_kk", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


# --- Projects -------------------------------------------------------------------------------


class ProjectAdminForm(forms.ModelForm):
    """Dates are typed as the source gives them: 2017, 2017-02 or 2017-02-15."""

    start = forms.CharField(
        label=_("Start"),
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source; empty if unknown."),
    )
    end = forms.CharField(
        label=_("End"),
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source; empty if unknown."),
    )

    # The version of the record the form was opened on: a save on top of someone else's later
    # save is refused and explained (no lost updates), until the editor saves again knowingly.
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        # The stored date columns are replaced by the typed `start` and `end` fields above.
        exclude = ["start_date", "start_precision", "end_date", "end_precision"]  # noqa: DJ006

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["start"].initial = self.instance.start.isoformat()
            self.fields["end"].initial = self.instance.end.isoformat()
            self.fields["edit_token"].initial = edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.is_bound:
            opened, stored = cleaned.get("edit_token") or "", edit_token(self.instance)
            if not same_version(opened, stored):
                # The next Save is the editor's informed decision: it carries today's version.
                self.data = self.data.copy()
                self.data[self.add_prefix("edit_token")] = stored
                raise forms.ValidationError(self._conflict_messages(opened))
        return cleaned

    def _conflict_messages(self, opened: str) -> list[str]:
        messages_ = [
            _(
                "Someone else saved this project after you opened it. Nothing was saved. "
                "Compare below, then press Save again to keep your version, or reload the "
                "page to start from theirs."
            )
        ]
        for entry in saves_since(self.instance, opened):
            messages_.append(
                _("%(who)s, %(when)s: %(what)s")
                % {
                    "who": entry.user.get_username() if entry.user else "?",
                    "when": timezone.localtime(entry.action_time).strftime("%Y-%m-%d %H:%M"),
                    "what": entry.get_change_message(),
                }
            )
        for name in self.changed_data:
            if name in ("edit_token",) or name not in self.fields:
                continue
            messages_.append(
                _("%(field)s — saved now: «%(stored)s»; yours: «%(yours)s»")
                % {
                    "field": self.fields[name].label,
                    "stored": shorten(self[name].initial),
                    "yours": shorten(self.cleaned_data.get(name, self[name].data)),
                }
            )
        return messages_

    def _clean_partial_date(self, field_name: str, *, period_end: bool):
        try:
            return parse_partial_date(self.cleaned_data.get(field_name), period_end=period_end)
        except ValueError:
            raise forms.ValidationError(
                _("Write the date as YYYY, YYYY-MM or YYYY-MM-DD."), code="invalid"
            ) from None

    def clean_start(self):
        return self._clean_partial_date("start", period_end=False)

    def clean_end(self):
        return self._clean_partial_date("end", period_end=True)

    def _post_clean(self):
        # Put the parsed dates on the instance before the model's own clean() checks them.
        for field_name in ("start", "end"):
            partial = self.cleaned_data.get(field_name)
            if partial is not None:
                setattr(self.instance, f"{field_name}_date", partial.date)
                setattr(self.instance, f"{field_name}_precision", partial.precision)
        super()._post_clean()

    def add_error(self, field, error):
        # Model errors about the stored date columns belong to the typed date fields.
        if isinstance(error, forms.ValidationError) and hasattr(error, "error_dict"):
            renamed = {}
            for name, errors in error.error_dict.items():
                target = {"start_date": "start", "start_precision": "start"}.get(name, name)
                target = {"end_date": "end", "end_precision": "end"}.get(target, target)
                renamed.setdefault(target, []).extend(errors)
            error = forms.ValidationError(renamed)
        super().add_error(field, error)


def edit_token(project: Project) -> str:
    """The version of a project's record (every save through the admin changes its time), and
    the last entry of the admin's log about it then."""
    if not project.updated_at:
        return ""
    last_logged = _project_log(project).order_by("-pk").values_list("pk", flat=True).first()
    return f"{project.updated_at.isoformat()}|{last_logged or 0}"


def same_version(opened: str, stored: str) -> bool:
    return opened.partition("|")[0] == stored.partition("|")[0]


def saves_since(project: Project, opened: str):
    """The admin's log of saves of `project` after the version `opened`."""
    last_seen = opened.partition("|")[2]
    entries = _project_log(project).select_related("user").order_by("pk")
    if last_seen.isdigit():
        entries = entries.filter(pk__gt=int(last_seen))
    return entries[:10]


def _project_log(project: Project):
    return LogEntry.objects.filter(
        content_type__app_label="projects",
        content_type__model="project",
        object_id=str(project.pk),
    )


def shorten(value, limit: int = 120) -> str:
    if hasattr(value, "__iter__") and not isinstance(value, str):
        value = ", ".join(str(item) for item in value)
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PressReleaseImportForm(forms.Form):
    """A press release as a file or as pasted text; the file is decoded here so that an
    unreadable one is a form error, not a failed import."""

    ACCEPTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

    file = forms.FileField(label=_("File (.txt, .md or .html)"), required=False)
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        max_length=MAX_BYTES,
        error_messages={
            "max_length": _(
                "The text is too long for a press release (%(show_value)s characters; at most "
                "%(limit_value)s). Paste the release alone."
            )
        },
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("recognise automatically"))] + list(settings.LANGUAGES),
    )
    split = forms.BooleanField(
        label=_("One draft per project"),
        required=False,
        help_text=_(
            "When the release announces several projects (a donor's new grants, a contest's "
            "winners), make a draft for each, with its grantee, sum and places, instead of one "
            "draft for the whole release."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        upload, pasted = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if bool(upload) == bool(pasted):
            raise forms.ValidationError(_("Upload a file or paste the text (one of the two)."))
        if upload:
            if not upload.name.lower().endswith(self.ACCEPTED_SUFFIXES):
                raise forms.ValidationError(_("Upload a .txt, .md or .html file."))
            try:
                cleaned["press_release"] = decode_bytes(upload.read())
            except IngestError as error:
                raise forms.ValidationError(str(error)) from None
            cleaned["file_name"] = upload.name
        else:
            cleaned["press_release"], cleaned["file_name"] = pasted, ""
        return cleaned


class TableRowField(BoundField):
    """A field of an inline table's row. Its help text is shown once, in the table's head, so
    the field is described by its errors only: an aria-describedby naming a help text that
    no row has would point at nothing, and cost bytes on every row."""

    @property
    def aria_describedby(self):
        if self.auto_id and not self.is_hidden and self.errors:
            return f"{self.auto_id}_error"
        return None


class TableRowFields:
    """For a tabular inline: its forms' fields are TableRowFields."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.bound_field_class = TableRowField
        return formset


class CompactRelatedWidgets(EditorFormsMixin):
    """An inline row's links beside a related record keep "change" and "add" only: "view" and
    "delete" (a popup away from the record) cost a kilobyte per row on big projects' pages.
    Its autocompletes are labelled from the record the row read with it (admin_autocomplete)."""

    formset = RowObjectsFormSet

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget.can_delete_related = False
            formfield.widget.can_view_related = False
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = RowAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParticipationInline(TableRowFields, CompactRelatedWidgets, admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["organization"]

    def get_queryset(self, request):
        # Each row is labelled with its organisation's name: read with the row, not after it.
        return super().get_queryset(request).select_related("organization")


class SectorSharesFormSet(RowObjectsFormSet):
    """Several themes share the project: each says its share, and the shares add up to 100
    (IATI's rule for sectors of one vocabulary)."""

    def clean(self):
        super().clean()
        shares = [form.cleaned_data.get("percentage") for form in self.forms
                  if form.cleaned_data and not form.cleaned_data.get("DELETE")]  # fmt: skip
        if not shares_add_up(shares):
            raise forms.ValidationError(
                _("With several themes, give each its share: the shares add up to 100."),
                code="shares",
            )


class ProjectSectorInline(TableRowFields, CompactRelatedWidgets, admin.TabularInline):
    model = ProjectSector
    formset = SectorSharesFormSet
    extra = 0
    autocomplete_fields = ["sector"]
    verbose_name = _("theme (OECD DAC purpose code)")
    verbose_name_plural = _("themes (OECD DAC purpose codes)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("sector")


class FundingLineForm(forms.ModelForm):
    """The currency is typed as its ISO 4217 code: a select of every code in each line made the
    project page hundreds of kilobytes."""

    currency = forms.CharField(
        label=_("currency"),
        max_length=3,
        widget=forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
        help_text=_("ISO 4217 code: EUR, USD, KZT, ..."),
    )

    class Meta:
        model = FundingLine
        fields = ["donor", "kind", "qualifier", "amount", "currency", "note"]

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if code not in CURRENCY_CODES:
            raise forms.ValidationError(_("Not an ISO 4217 currency code."), code="invalid_choice")
        return code


class TableRowInline(TableRowFields, CompactRelatedWidgets, TranslationTabularInline):
    """An inline whose forms are table rows, with small text boxes: labels and help texts are
    written once, in the table's head, not again in every stacked form (a stacked contact was
    8 KB, and a seed project's page passed 200 KB)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, forms.Textarea):
            formfield.widget.attrs.update(rows=2, cols=20)
        return formfield


class FundingLineInline(TableRowInline):
    model = FundingLine
    form = FundingLineForm
    extra = 0
    autocomplete_fields = ["donor"]
    fields = ["donor", "kind", "qualifier", "amount", "currency", "note"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("donor")


class ContactInline(TableRowInline):
    model = Contact
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["name", "position", "organization", "phones", "faxes", "emails"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")


def source_text_as_received(source: SourceDocument) -> str:
    """The press release's words exactly as stored, never in a form field. HTML drops one line
    break right after <pre>: the one written here, so that the text's own first ones show."""
    return format_html('<pre class="source-text">\n{}</pre>', source.text)


def source_versions_links(source: SourceDocument) -> str:
    """Links to the version this one corrects and to the one that corrects it, if any."""
    links = []
    if source.supersedes_id:
        url = reverse("admin:projects_sourcedocument_change", args=[source.supersedes_id])
        links.append(
            format_html('{} <a href="{}">#{}</a>', _("Corrects"), url, source.supersedes_id)
        )
    later = SourceDocument.objects.filter(supersedes=source).values_list("pk", flat=True).first()
    if later:
        url = reverse("admin:projects_sourcedocument_change", args=[later])
        links.append(format_html('{} <a href="{}">#{}</a>', _("Corrected by"), url, later))
    return format_html_join(" · ", "{}", ((link,) for link in links)) or "—"


class SourceDocumentInline(RegistryAdminMixin, TranslationStackedInline):
    """A project's press releases, read-only: their words never change here. Corrections and
    metadata are edited on the source document's own page."""

    model = SourceDocument
    extra = 0
    fields = [
        ("file_name", "language", "published_on"),
        "title",
        "publisher",
        "url",
        "dateline",
        ("sha256", "open_link"),
        "text_as_received",
    ]
    readonly_fields = [
        "file_name",
        "language",
        "published_on",
        "title",
        "publisher",
        "url",
        "dateline",
        "sha256",
        "open_link",
        "text_as_received",
    ]

    def has_add_permission(self, request, obj=None):
        return False  # a press release is imported or added on its own page, whole

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    @admin.display(description=_("text as received"))
    def text_as_received(self, source):
        return source_text_as_received(source)

    @admin.display(description=_("versions"))
    def open_link(self, source):
        url = reverse("admin:projects_sourcedocument_change", args=[source.pk])
        return format_html(
            '<a href="{}">{}</a> · {}',
            url,
            _("Open, or attach a corrected version"),
            source_versions_links(source),
        )


EVIDENCE_FACTS_LIST = "evidence-facts"


class RowsShareQuerysetChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose copies, one per inline row, share its queryset and choices.
    Django clones the queryset for each copy (five clones per row for a translated model: a
    tenth of the evidence table's time) so that no copy keeps results for the next request;
    here the form class, its queryset and choices are made for one request (get_formset)."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)


class FactEvidenceForm(forms.ModelForm):
    """Evidence as an editor gives it: the fact (one of the project's, as last saved), and
    either the source's words (found in the text; `start` only when they occur more than
    once) or a note on the inference."""

    class Meta:
        model = FactEvidence
        fields = ["fact", "basis", "source", "quote", "start", "note"]
        field_classes = {"source": RowsShareQuerysetChoiceField}
        widgets = {
            "quote": forms.Textarea(attrs={"rows": 3, "cols": 32}),
            "note": forms.Textarea(attrs={"rows": 2, "cols": 24}),
            "start": forms.NumberInput(attrs={"min": 0, "class": "vIntegerField evidence-start"}),
            # Typed or picked from the project's facts: one <datalist> for every row
            # (templates/admin/projects/project/evidence_tabular.html), not a select each.
            "fact": forms.TextInput(attrs={"list": EVIDENCE_FACTS_LIST, "size": 36}),
        }

    fact_keys: tuple[str, ...] = ()  # the project's facts as last saved (set per request)

    def clean_fact(self):
        fact = self.cleaned_data["fact"].strip()
        if fact not in self.fact_keys:
            raise forms.ValidationError(
                _("“%(fact)s” is not a fact of this project: save the new fact first.")
                % {"fact": fact}
            )
        return fact

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("basis") != EvidenceBasis.STATED:
            return cleaned
        source, quote = cleaned.get("source"), cleaned.get("quote") or ""
        if source is None or not quote:
            raise forms.ValidationError(_("A stated fact needs the source and its words."))
        start = cleaned.get("start")
        if start is None:
            start = source.text.find(quote)
            if start < 0:
                raise forms.ValidationError({"quote": _("These words are not in the source.")})
        self.instance.end = start + len(quote)
        cleaned["start"] = start
        return cleaned


class FactEvidenceInline(TableRowFields, CompactRelatedWidgets, TranslationTabularInline):
    """Where each fact comes from. The facts offered are the project's as last saved: save a
    new funding line or place first, then give its evidence. One table row per fact: a seed
    project has dozens, and stacked forms made its page 400 KB."""

    model = FactEvidence
    form = FactEvidenceForm
    extra = 0
    fields = ["fact", "basis", "source", "start", "quote", "note"]
    verbose_name_plural = _("where the facts come from")
    template = "admin/projects/project/evidence_tabular.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "source":  # always one of this project's documents
            formfield.widget.can_add_related = formfield.widget.can_change_related = False
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        keys = fact_keys_of(obj) if obj is not None and obj.pk else []
        used = list(obj.evidence.values_list("fact", flat=True)) if obj is not None else []
        formset.form.fact_keys = tuple(dict.fromkeys(keys + used))
        formset.facts_list_id = EVIDENCE_FACTS_LIST
        sources = formset.form.base_fields["source"]
        sources.queryset = (
            SourceDocument.objects.filter(project=obj) if obj else sources.queryset.none()
        )
        # The documents are listed once for every row, not read again (texts and all) by each.
        titles = sources.queryset.only("pk", "file_name", "title")
        sources.choices = [("", sources.empty_label)] + [(doc.pk, str(doc)) for doc in titles]
        return formset


class StatusListFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ProjectStatus.choices

    def queryset(self, request, queryset):
        if self.value() in ProjectStatus.values:
            return queryset.with_status().filter(current_status=self.value())
        return queryset


class DonorListFilter(admin.SimpleListFilter):
    title = _("donor")
    parameter_name = "donor"

    def lookups(self, request, model_admin):
        donates = Participation.objects.filter(
            organization=OuterRef("pk"), role=ParticipationRole.DONOR
        )
        donors = Organization.objects.filter(Exists(donates))
        return [(donor.slug, str(donor)) for donor in donors]

    def queryset(self, request, queryset):
        if self.value():
            donations = Participation.objects.filter(
                role=ParticipationRole.DONOR, organization__slug=self.value()
            )
            return queryset.filter(pk__in=donations.values("project_id"))
        return queryset


class PlaceListFilter(admin.SimpleListFilter):
    """Places a project's record names (drafts included: editors filter their own work)."""

    title = _("place")
    parameter_name = "place"

    def lookups(self, request, model_admin):
        named = ProjectPlaceIndex.objects.filter(place=OuterRef("pk"), is_direct=True)
        places = Place.objects.filter(Exists(named))
        return [(place.slug, str(place)) for place in places]

    def queryset(self, request, queryset):
        if self.value():
            links = Project.places.through.objects.filter(place__slug=self.value())
            return queryset.filter(pk__in=links.values("project_id"))
        return queryset


class ReviewListFilter(admin.SimpleListFilter):
    """Drafts, the publishers' queue of drafts submitted for review, and published projects."""

    title = _("publishing")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        waiting = publishing.review_queue().count()
        return [
            ("waiting", _("waiting for review (%(count)d)") % {"count": waiting}),
            ("draft", _("drafts not submitted")),
            ("published", _("published")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(pk__in=publishing.review_queue().values("pk"))
        if self.value() == "draft":
            return queryset.filter(is_published=False, review_requested_at__isnull=True)
        if self.value() == "published":
            return queryset.filter(is_published=True)
        return queryset


class MissingLanguageListFilter(admin.SimpleListFilter):
    """Records whose title, summary or description is empty in a language: a draft imported
    from a Russian release needs its Kazakh and English text before it is published."""

    title = _("needs translation")
    parameter_name = "untranslated"
    FIELDS = ("title", "summary", "description")

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    @classmethod
    def missing_in(cls, project) -> list[str]:
        """The names of the languages the project's title, summary or description lacks."""
        return [
            str(name)
            for code, name in settings.LANGUAGES
            if any(not getattr(project, f"{field}_{code}") for field in cls.FIELDS)
        ]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in dict(settings.LANGUAGES):
            return queryset
        missing = Q()
        for field in self.FIELDS:
            missing |= Q(**{f"{field}_{language}": ""}) | Q(**{f"{field}_{language}__isnull": True})
        return queryset.filter(missing)


class PublishingEventInline(admin.TabularInline):
    """Who submitted, published or withdrew the project, and when: read-only."""

    model = PublishingEvent
    extra = 0
    fields = ["action", "user", "at", "via"]
    readonly_fields = fields
    verbose_name_plural = _("publishing history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Project)
class ProjectAdmin(HistoryAdmin, SlugFixedOnceSavedMixin, TabbedTranslationAdmin):
    form = ProjectAdminForm
    list_display = [
        "title",
        "status_display",
        "dates_display",
        "donors_display",
        "is_published",
        "updated_at",
        "preview_link",
    ]
    list_filter = [
        ReviewListFilter,
        MissingLanguageListFilter,
        StatusListFilter,
        DonorListFilter,
        PlaceListFilter,
        "original_language",
    ]
    # Searched through the search index (get_search_results): every word of the titles,
    # texts, organisations, places and contract number, as on the public list.
    search_fields = ["slug"]
    search_help_text = _("Words of the title, texts, organisations, places or contract number.")
    show_full_result_count = False  # one count of every project less per page
    prepopulated_fields = {"slug": ["title_en"]}
    # Places in one autocomplete field (one query for all of them), not one inline row each.
    autocomplete_fields = ["keywords", "places"]
    readonly_fields = [
        "created_at",
        "updated_at",
        "preview_link",
        "extracted_evidence",
        "publishing_state",
    ]
    actions = ["submit_for_review", "publish", "unpublish"]
    change_list_template = "admin/projects/project/change_list.html"
    change_form_template = "admin/projects/project/change_form.html"
    inlines = [
        ParticipationInline,
        ProjectSectorInline,
        FundingLineInline,
        ContactInline,
        FactEvidenceInline,
        SourceDocumentInline,
        PublishingEventInline,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_given_by_editor",
                    "slug",
                    "summary",
                    "description",
                    "edit_token",
                ]
            },
        ),
        (_("Dates"), {"fields": [("start", "end"), "duration_months"]}),
        (_("Where"), {"fields": ["places"]}),
        (
            _("Details"),
            {
                "fields": [
                    "objectives",
                    "results",
                    "keywords",
                    "contract_number",
                    "original_language",
                ]
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "is_published",
                    "publishing_state",
                    "preview_link",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not publishing.can_publish(request.user):
            readonly.append("is_published")  # editors submit for review instead
        return readonly

    def has_publish_permission(self, request):
        return publishing.can_publish(request.user)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = SameMediaInlineFormSet  # (Django makes them)
        return inline_formsets

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_submit_for_review"] = self.has_change_permission(request)
        project = kwargs.get("obj")
        context["can_discard"] = project is not None and drafts.can_discard(request.user, project)
        context["untranslated"] = MissingLanguageListFilter.missing_in(project) if project else []
        return super().render_change_form(request, context, *args, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.sources.filter(extraction__isnull=False).exists():
            fieldsets.insert(
                0,
                (
                    _("What the importer read in the press release"),
                    {"fields": ["extracted_evidence"]},
                ),
            )
        return fieldsets

    def get_urls(self):
        return [
            path(
                "import-press-release/",
                self.admin_site.admin_view(self.import_press_release_view),
                name="projects_project_import",
            ),
            path(
                "<path:object_id>/discard/",
                self.admin_site.admin_view(self.discard_draft_view),
                name="projects_project_discard",
            ),
            *super().get_urls(),
        ]

    def discard_draft_view(self, request, object_id):
        """The importer's own unpublished draft, thrown away after a confirmation."""
        project = self.get_object(request, unquote(object_id))
        if project is None or not drafts.can_discard(request.user, project):
            raise PermissionDenied
        if request.method == "POST":
            title = str(project)
            drafts.discard(project)
            self.message_user(request, _("The draft «%(title)s» was discarded.") % {"title": title})
            return redirect(reverse("admin:projects_project_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Discard this draft?"),
            "original": project,
        }
        return TemplateResponse(request, "admin/projects/project/discard_draft.html", context)

    def import_press_release_view(self, request):
        """Paste or upload a press release; the importer makes a draft and opens it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = PressReleaseImportForm(request.POST, request.FILES)
        else:
            form = PressReleaseImportForm()
        if form.is_bound and form.is_valid():
            try:
                report = press_release_import(
                    text=form.cleaned_data["press_release"],
                    file_name=form.cleaned_data["file_name"],
                    language=form.cleaned_data["language"] or None,
                    user=request.user,
                    split=form.cleaned_data["split"],
                )
            except IngestError as error:
                form.add_error(None, str(error))
            else:
                self._report_import(request, report)
                change_url = reverse("admin:projects_project_change", args=[report.project.pk])
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import a press release"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/projects/project/import_press_release.html", context
        )

    def _report_import(self, request, report) -> None:
        if not report.created:
            self.message_user(
                request,
                _("This press release was imported before; here is its draft."),
                messages.WARNING,
            )
        elif len(report.projects) > 1:
            self.message_user(
                request,
                _(
                    "The release announces %(count)d projects: a draft was created for each. "
                    "Check every field against the evidence, then publish."
                )
                % {"count": len(report.projects)},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                _(
                    "Draft created from the press release. Check every field against the "
                    "evidence, then publish."
                ),
                messages.SUCCESS,
            )
        if len(report.projects) > 1:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:projects_project_change", args=[draft.pk]), str(draft))
                    for draft in report.projects
                ),
            )
            self.message_user(
                request, format_html("{} {}", _("Drafts from this release:"), links), messages.INFO
            )
        if report.created:
            for line in report.linked + report.new_records:
                self.message_user(request, line, messages.INFO)

    @admin.display(description=_("extracted facts and their evidence"))
    def extracted_evidence(self, project):
        rows = []
        for source in project.sources.all():
            if source.extraction:
                rows += source.extraction.get("evidence", [])
        if not rows:
            return "—"
        body = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td><q>{}</q></td></tr>",
            (
                (
                    import_evidence.field_label(row),
                    import_evidence.value_text(row),
                    " … ".join(e["text"] for e in row["evidence"]),
                )
                for row in rows
            ),
        )
        return format_html(
            "<table class='evidence'><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("field"),
            _("value"),
            _("where the text says so"),
            body,
        )

    def get_search_results(self, request, queryset, search_term):
        """The slug as typed, or every word in the project's search document."""
        if not search.query_words(search_term):
            return queryset, False
        documents = search.matching_documents(ProjectSearchDocument.objects.all(), search_term)
        by_words = Q(pk__in=documents.values("project_id"))
        return queryset.filter(by_words | Q(slug=search_term.strip())), False

    def get_queryset(self, request):
        donor_participations = Participation.objects.filter(
            role=ParticipationRole.DONOR
        ).select_related("organization")
        return (
            super()
            .get_queryset(request)
            # Under its own name: the history follows project.participations, all of them.
            .prefetch_related(
                Prefetch("participations", queryset=donor_participations, to_attr="donor_links")
            )
        )

    @admin.display(description=_("status"))
    def status_display(self, project):
        return ProjectStatus(project.status).label

    @admin.display(description=_("dates"))
    def dates_display(self, project):
        start, end = project.start.isoformat(), project.end.isoformat()
        return f"{start or '?'} – {end or '?'}"

    @admin.display(description=_("donors"))
    def donors_display(self, project):
        # Prefetched in get_queryset: donor participations only.
        return ", ".join(str(p.organization) for p in project.donor_links)

    @admin.display(description=_("public page"))
    def preview_link(self, project):
        if not project.pk:
            return "—"
        label = _("view") if project.is_published else _("preview draft")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', project.get_absolute_url(), label
        )

    def save_model(self, request, obj, form, change):
        """A publisher's change of the "published" box goes through the publishing service,
        which records who and when."""
        publish_change = "is_published" in form.changed_data
        wanted = obj.is_published
        if publish_change:
            obj.is_published = not wanted
        super().save_model(request, obj, form, change)
        if publish_change:
            step = publishing.publish if wanted else publishing.withdraw
            step(Project.objects.filter(pk=obj.pk), request.user)
            obj.refresh_from_db()

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit_for_review" in request.POST:
            return self._submit_and_reopen(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_submit_for_review" in request.POST:
            return self._submit_and_reopen(request, obj)
        return super().response_change(request, obj)

    def _submit_and_reopen(self, request, obj):
        """ "Save and submit for review": the record is saved, then queued for publishers."""
        if publishing.submit_for_review(Project.objects.filter(pk=obj.pk), request.user):
            self.message_user(request, _("Saved and submitted for review."), messages.SUCCESS)
        else:
            self.message_user(request, _("Saved. Published projects need no review."))
        return redirect(reverse("admin:projects_project_change", args=[obj.pk]))

    @admin.display(description=_("review"))
    def publishing_state(self, project):
        if project.is_published:
            return _("Published")
        if project.review_requested_at:
            return format_html(
                "{} {}",
                _("Waiting for review since"),
                timezone.localtime(project.review_requested_at).strftime("%Y-%m-%d %H:%M"),
            )
        return _("Draft, not submitted for review")

    @admin.action(description=_("Submit the selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = publishing.submit_for_review(queryset, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d draft submitted for review.",
                "%(count)d drafts submitted for review.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected projects"), permissions=["publish"])
    def publish(self, request, queryset):
        count = publishing.publish(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d project published.", "%(count)d projects published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Withdraw the selected projects to drafts"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        count = publishing.withdraw(queryset, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d project withdrawn to drafts.",
                "%(count)d projects withdrawn to drafts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


# --- Records that are usually edited inside a project, listed for search and review --------


@admin.register(Participation)
class ParticipationAdmin(RegistryAdminMixin, admin.ModelAdmin):
    list_display = ["project", "organization", "role"]
    list_filter = ["role"]
    list_select_related = ["project", "organization"]
    search_fields = ["project__title_ru", "project__title_en", "organization__name_ru"]
    autocomplete_fields = ["project", "organization"]


@admin.register(FundingLine)
class FundingLineAdmin(RegistryAdminMixin, TabbedTranslationAdmin):
    list_display = ["project", "donor", "kind", "qualifier", "amount", "currency"]
    list_filter = ["kind", "currency", "qualifier"]
    list_select_related = ["project", "donor"]
    search_fields = ["project__title_ru", "project__title_en", "donor__name_ru"]
    autocomplete_fields = ["project", "donor"]


@admin.register(Contact)
class ContactAdmin(RegistryAdminMixin, TabbedTranslationAdmin):
    list_display = ["name", "position", "organization", "project"]
    list_select_related = ["project", "organization"]
    search_fields = ["name_ru", "name_kk", "name_en", "emails", "phones"]
    autocomplete_fields = ["project", "organization"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(HistoryAdmin, RegistryAdminMixin, admin.ModelAdmin):
    list_display = ["currency", "year", "rate_to_eur", "rate_to_usd", "source"]
    list_filter = ["currency", "year"]
    search_fields = ["currency", "source"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(RegistryAdminMixin, TabbedTranslationAdmin):
    """A press release's words are typed once, when it is added; afterwards they are shown
    read-only. A correction is attached as a new version that keeps the old one."""

    list_display = ["__str__", "language", "published_on", "project", "supersedes"]
    list_filter = ["language"]
    list_select_related = ["project", "supersedes"]
    search_fields = ["file_name", "title", "text"]
    autocomplete_fields = ["project", "dateline_place"]
    raw_id_fields = ["supersedes"]
    change_form_template = "admin/projects/sourcedocument/change_form.html"
    DESCRIPTION = [
        "project",
        ("file_name", "language", "published_on"),
        "title",
        "publisher",
        "url",
        ("dateline", "dateline_place"),
    ]
    add_fieldsets = [
        (None, {"fields": [*DESCRIPTION, "supersedes", "correction_note", "text"]}),
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *DESCRIPTION,
                    "versions",
                    "correction_note",
                    ("sha256", "created_at", "updated_at"),
                    "text_as_received",
                ]
            },
        ),
    ]
    WORDS = ["file_name", "language", "sha256", "text_as_received", "versions"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["strip"] = False  # a press release is kept as received, blank lines and all
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.pk:
            return [*self.WORDS, "created_at", "updated_at"]
        return []

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_changeform_initial_data(self, request):
        """ "Attach a corrected version" opens this form with the earlier version's details and
        words, to be corrected."""
        initial = super().get_changeform_initial_data(request)
        earlier = SourceDocument.objects.filter(pk=request.GET.get("supersedes") or None).first()
        if earlier is not None:
            initial.update(
                supersedes=earlier.pk,
                project=earlier.project_id,
                language=earlier.language,
                published_on=earlier.published_on,
                title=earlier.title,
                url=earlier.url,
                text=earlier.text,
                **{
                    f"publisher_{code}": getattr(earlier, f"publisher_{code}")
                    for code, _name in settings.LANGUAGES
                },
            )
        return initial

    @admin.display(description=_("text as received"))
    def text_as_received(self, source):
        return source_text_as_received(source)

    @admin.display(description=_("versions"))
    def versions(self, source):
        return source_versions_links(source)
