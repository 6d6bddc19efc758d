"""Downloads of the project list's current search: CSV, XLSX and JSON, and summary tables of
its donors and organisations.

Columns are declared once (COLUMNS): a key for the `columns` parameter, a header in the page's
language, and how to read the value (in the page's language, with the usual fallbacks). Files
are streamed a chunk of projects at a time, so a large search never sits in memory.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.http import FileResponse, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..filters import InvalidFilters, published_projects_matching
from ..models import FundingKind, ParticipationRole, Project, ProjectStatus
from ..partial_dates import PartialDate
from .records import CHUNK, records_queryset, stream_export

BOM = "\ufeff"  # so that Excel reads the CSV as UTF-8 and shows Cyrillic right


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[Project, ExportContext], str | int | None]
    default: bool = True


@dataclass
class ExportContext:
    base_url: str


def _names(project: Project, *roles: str) -> str:
    return "; ".join(str(p.organization) for p in project.participations.all() if p.role in roles)


def _money(project: Project, kinds: set[str]) -> str:
    """ "EUR 470000; KZT 12000000": figures of the given kinds, each with its currency and the
    source's qualifier (money in different currencies is never added up)."""
    parts = []
    for line in project.funding_lines.all():
        if line.kind in kinds:
            prefix = "" if line.qualifier == "exact" else f"{line.get_qualifier_display()} "
            donor = f" ({line.donor})" if line.donor_id else ""
            parts.append(f"{prefix}{line.currency} {line.amount.normalize():f}{donor}")
    return "; ".join(parts)


def _region_names(project: Project) -> str:
    names = []
    for place in project.places.all():
        ancestor = place
        while ancestor is not None and ancestor.kind not in ("region", "country"):
            ancestor = ancestor.parent
        if ancestor is not None and ancestor.kind == "region" and ancestor.name not in names:
            names.append(ancestor.name)
    return "; ".join(names)


def _date(partial: PartialDate) -> str:
    return partial.isoformat() or ""


def _source_date(project: Project) -> str:
    sources = list(project.sources.all())
    if sources and sources[0].published_on:
        return sources[0].published_on.isoformat()
    return ""


COLUMNS = [
    Column("title", _("Title"), lambda p, c: p.title),
    Column("url", _("Page"), lambda p, c: c.base_url + p.get_absolute_url()),
    Column("slug", _("Identifier"), lambda p, c: p.slug),
    Column("status", _("Status"), lambda p, c: ProjectStatus(p.status).label),
    Column("start", _("Start"), lambda p, c: _date(p.start)),
    Column("end", _("End"), lambda p, c: _date(p.end)),
    Column("duration_months", _("Duration, months"), lambda p, c: p.duration_months),
    Column("donors", _("Donors"), lambda p, c: _names(p, ParticipationRole.DONOR)),
    Column(
        "implementers",
        _("Implementers"),
        lambda p, c: _names(
            p, ParticipationRole.LEAD_IMPLEMENTER, ParticipationRole.CO_IMPLEMENTER
        ),
    ),
    Column("partners", _("Partners"), lambda p, c: _names(p, ParticipationRole.PARTNER)),
    Column(
        "local_authorities",
        _("Local authority partners"),
        lambda p, c: _names(p, ParticipationRole.LOCAL_AUTHORITY_PARTNER),
    ),
    Column("total_budget", _("Total budget"), lambda p, c: _money(p, {FundingKind.TOTAL})),
    Column(
        "contributions",
        _("Donor contributions"),
        lambda p, c: _money(p, {FundingKind.DONOR_CONTRIBUTION}),
    ),
    Column(
        "currencies",
        _("Currencies"),
        lambda p, c: "; ".join(sorted({line.currency for line in p.funding_lines.all()})),
    ),
    Column("places", _("Places"), lambda p, c: "; ".join(str(x) for x in p.places.all())),
    Column("regions", _("Regions"), lambda p, c: _region_names(p)),
    Column("keywords", _("Keywords"), lambda p, c: "; ".join(str(k) for k in p.keywords.all())),
    Column("contract_number", _("Contract number"), lambda p, c: p.contract_number),
    Column("language", _("Language of the source"), lambda p, c: p.original_language),
    Column(
        "published",
        _("Source published on"),
        lambda p, c: _source_date(p),
    ),
    Column("summary", _("Summary"), lambda p, c: p.summary, default=False),
    Column("other_funding", _("Other amounts"), lambda p, c: _money(p, {FundingKind.OTHER}), False),
    Column(
        "contacts",
        _("Contacts"),
        lambda p, c: "; ".join(
            ", ".join([contact.name, *contact.phones, *contact.emails])
            for contact in p.contacts.all()
        ),
        default=False,
    ),
    Column("updated", _("Record updated"), lambda p, c: p.updated_at.date().isoformat(), False),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
DEFAULT_COLUMNS = [column.key for column in COLUMNS if column.default]


class BadColumns(ValueError):
    pass


def chosen_columns(params) -> list[Column]:
    """The `columns` parameter ("title,donors,places"), or the default set."""
    keys = [key for value in params.getlist("columns") for key in value.split(",") if key]
    if not keys:
        return [COLUMNS_BY_KEY[key] for key in DEFAULT_COLUMNS]
    unknown = [key for key in keys if key not in COLUMNS_BY_KEY]
    if unknown:
        raise BadColumns(", ".join(unknown[:5]))
    return [COLUMNS_BY_KEY[key] for key in dict.fromkeys(keys)]


def _rows(request) -> tuple[list[Column], Iterator[list]]:
    """The chosen columns and the rows of the current search (raises InvalidFilters,
    BadColumns)."""
    columns = chosen_columns(request.GET)
    projects = records_queryset(published_projects_matching(request.GET))
    context = ExportContext(base_url=request.build_absolute_uri("/").rstrip("/"))
    language = translation.get_language()

    def rows():
        # Streaming responses are read after the view returns: keep the page's language.
        with translation.override(language):
            for project in projects.iterator(chunk_size=CHUNK):
                yield [_cell(column.value(project, context)) for column in columns]

    return columns, rows()


def _cell(value) -> str | int:
    """Text for every cell (labels are lazy translations), numbers stay numbers."""
    if value is None:
        return ""
    return value if isinstance(value, int) else str(value)


def _error_response(error: Exception) -> HttpResponse:
    if isinstance(error, InvalidFilters):
        return JsonResponse({"error": "invalid filters", "fields": error.errors}, status=400)
    return JsonResponse({"error": f"unknown columns: {error}"}, status=400)


def _filename(extension: str) -> str:
    return f"projects-{timezone.localdate().isoformat()}.{extension}"


class _Echo:
    """A file-like object whose write returns what it is given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def export_csv(request):
    try:
        columns, rows = _rows(request)
    except (InvalidFilters, BadColumns) as error:
        return _error_response(error)
    return _streamed_csv([str(column.header) for column in columns], rows, _filename("csv"))


def _streamed_csv(header: list[str], rows, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield BOM + writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_xlsx(request):
    from openpyxl import Workbook

    try:
        columns, rows = _rows(request)
    except (InvalidFilters, BadColumns) as error:
        return _error_response(error)
    # write_only keeps no rows in memory; the file is spooled to disk, then streamed.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Projects"))[:31])
    sheet.append([str(column.header) for column in columns])
    for row in rows:
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_json(request):
    """The current search as registry records (the format `manage.py load_records` reads)."""
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        return _error_response(error)
    response = StreamingHttpResponse(
        stream_export(projects), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


# --- Summary tables ---------------------------------------------------------------------------


def export_donors_csv(request):
    """Donors of the current search: projects funded, and stated contributions per currency."""
    return _summary_csv(request, roles={ParticipationRole.DONOR}, by_donor=True)


def export_organizations_csv(request):
    """Organisations of the current search by role: projects, and the donor contributions to
    those projects per currency."""
    roles = set(ParticipationRole.values) - {ParticipationRole.DONOR}
    return _summary_csv(request, roles=roles, by_donor=False)


def _summary_csv(request, *, roles: set[str], by_donor: bool):
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        return _error_response(error)
    projects = records_queryset(projects)
    counts: dict[tuple, set[int]] = defaultdict(set)
    money: dict[tuple, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    for project in projects.iterator(chunk_size=CHUNK):
        for participation in project.participations.all():
            if participation.role not in roles:
                continue
            key = (participation.organization.slug, str(participation.organization))
            counts[key].add(project.pk)
            for line in project.funding_lines.all():
                gives = line.donor_id == participation.organization_id
                if line.kind == FundingKind.DONOR_CONTRIBUTION and (gives or not by_donor):
                    money[key][line.currency] += line.amount
    header = [str(_("Identifier")), str(_("Organisation")), str(_("Projects")),
              str(_("Currency")), str(_("Donor contributions"))]  # fmt: skip
    rows = []
    for key in sorted(counts, key=lambda k: (-len(counts[k]), k[1])):
        currencies = money[key] or {"": ""}
        for currency, total in sorted(currencies.items()):
            amount = f"{total.normalize():f}" if currency else ""
            rows.append([key[0], key[1], len(counts[key]), currency, amount])
    name = "donors" if by_donor else "organizations"
    return _streamed_csv(header, iter(rows), f"{name}-{timezone.localdate().isoformat()}.csv")


def export_links(request) -> dict[str, str]:
    """The download addresses for the current search (kept query string, no page)."""
    params = request.GET.copy()
    params.pop("page", None)
    query = f"?{params.urlencode()}" if params else ""
    return {
        name: reverse(f"projects:project-export-{name}") + query
        for name in ("csv", "xlsx", "json", "donors", "organizations")
    }
