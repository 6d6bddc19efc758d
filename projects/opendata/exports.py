"""Downloads of the project list's current search: CSV, XLSX and JSON, and summary tables of
its donors and organisations.

Columns are declared once (COLUMNS): a key for the `columns` parameter, a header in the page's
language, and how to read the value (in the page's language, with the usual fallbacks). Files
are streamed a chunk of projects at a time, so a large search never sits in memory.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from ..budgets import headline_budget
from ..filters import InvalidFilters, published_projects_matching
from ..models import AmountQualifier, FundingKind, ParticipationRole, ProjectStatus, project_status
from ..partial_dates import PartialDate
from ..places import PlaceTree
from . import batches, prebuilt
from .batches import ProjectValues, in_language, translated_fields
from .files import PIECE_SIZE, coalesce_pieces, in_one_snapshot, keeps_language
from .records import stream_export
from .summaries import summary_rows

BOM = "\ufeff"  # so that Excel reads the CSV as UTF-8 and shows Cyrillic right


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[ProjectValues, ExportContext], str | int | None]
    default: bool = True
    fields: tuple[str, ...] = ()  # the project's own columns the value reads
    related: tuple[str, ...] = ()  # the kinds of related rows it reads (batches.PLACES, ...)


@dataclass
class ExportContext:
    """What cells are written with, read once per export in the page's language."""

    base_url: str
    languages: tuple[str, ...]  # the fallback order of translated fields
    today: datetime.date
    page_path: tuple[str, str]  # a project page's path around its slug
    organizations: Mapping[int, str]
    keywords: Mapping[int, str]
    sectors: Mapping[str, str]
    place_names: Mapping[int, str]
    tree: PlaceTree
    regions: dict[int, int | None] = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    last_headline: tuple = (None, None)  # (project, its _headline): read by three columns
    # "fax" before a fax number, in the export's language.
    label_fax: str = field(default_factory=lambda: gettext("fax"))

    @classmethod
    def load(cls, base_url: str) -> ExportContext:
        languages = batches.fallback_order()
        tree = PlaceTree.load()
        places = batches.places(tree)
        return cls(
            base_url=base_url,
            languages=languages,
            today=timezone.localdate(),
            page_path=batches.project_page_path(),
            organizations=batches.organization_names(languages),
            keywords=batches.keyword_names(languages),
            sectors=batches.sector_names(languages),
            place_names=_NamesOf(places),
            tree=tree,
        )

    def text(self, project: ProjectValues, name: str) -> str:
        return in_language(project.row, name, self.languages)

    def label(self, choice) -> str:
        """A choice's label in the page's language, translated once per export."""
        if choice not in self.labels:
            self.labels[choice] = str(choice.label)
        return self.labels[choice]

    def region_of(self, place_id: int) -> int | None:
        """PlaceTree.region_of, remembered per place."""
        if place_id not in self.regions:
            self.regions[place_id] = self.tree.region_of(place_id)
        return self.regions[place_id]

    def page(self, project: ProjectValues) -> str:
        before, after = self.page_path
        return f"{self.base_url}{before}{project.row['slug']}{after}"


class _NamesOf(dict):
    """Place names in the active language (the model's fallbacks), computed on first use."""

    def __init__(self, places: Mapping):
        super().__init__()
        self._places = places

    def __missing__(self, place_id: int) -> str:
        self[place_id] = name = self._places[place_id].name
        return name


def _names(project: ProjectValues, context: ExportContext, *roles: str) -> str:
    names = context.organizations
    return "; ".join(names[org] for org, role in project.participations if role in roles)


def _money(project: ProjectValues, context: ExportContext, kinds: set[str]) -> str:
    """ "EUR 470000; KZT 12000000": figures of the given kinds, each with its currency and the
    source's qualifier (money in different currencies is never added up)."""
    parts = []
    for line in project.funding:
        if line.kind in kinds:
            qualifier = AmountQualifier(line.qualifier)
            prefix = "" if qualifier == AmountQualifier.EXACT else f"{context.label(qualifier)} "
            donor = f" ({context.organizations[line.donor_id]})" if line.donor_id else ""
            parts.append(f"{prefix}{line.currency} {line.amount.normalize():f}{donor}")
    return "; ".join(parts)


def _headline(project: ProjectValues, context: ExportContext) -> tuple:
    """The headline budget as (amount, currency, qualifier label): the amount a number, so
    that a spreadsheet can add and sort it; ("", "", "") without one. Its three columns ask
    for it in turn: it is computed once per project."""
    last_project, figure = context.last_headline
    if last_project is not project:
        figure = headline_budget(project.funding)
        if figure is None:
            figure = ("", "", "")
        else:
            amount, currency, qualifier = figure
            figure = (amount, currency, context.label(AmountQualifier(qualifier)))
        context.last_headline = (project, figure)
    return figure


def _region_names(project: ProjectValues, context: ExportContext) -> str:
    regions = (context.region_of(place_id) for place_id in project.places)
    names = (context.place_names[region] for region in regions if region is not None)
    return "; ".join(dict.fromkeys(names))


def _date(row: dict, edge: str) -> str:
    return PartialDate(row[f"{edge}_date"], row[f"{edge}_precision"]).isoformat() or ""


def _contacts(project: ProjectValues, context: ExportContext) -> str:
    """Each contact as "name, phones, faxes, e-mails"; an organisation to contact (no person)
    by the organisation's name."""
    return "; ".join(
        ", ".join(
            [
                _contact_name(contact, context),
                *contact["phones"],
                *(f"{context.label_fax} {fax}" for fax in contact["faxes"]),
                *contact["emails"],
            ]
        )  # fmt: skip
        for contact in project.contacts
    )


def _contact_name(contact: dict, context: ExportContext) -> str:
    name = in_language(contact, "name", context.languages)
    if name or not contact["organization_id"]:
        return name
    return context.organizations[contact["organization_id"]]


def _status(project: ProjectValues, context: ExportContext) -> str:
    row = project.row
    status = ProjectStatus(project_status(row["start_date"], row["end_date"], context.today))
    return context.label(status)


DATES = ("start_date", "end_date")
START, END = ("start_date", "start_precision"), ("end_date", "end_precision")
PARTICIPATIONS, FUNDING = (batches.PARTICIPATIONS,), (batches.FUNDING,)

COLUMNS = [
    Column("title", _("Title"), lambda p, c: c.text(p, "title"), fields=translated_fields("title")),
    Column("url", _("Page"), lambda p, c: c.page(p), fields=("slug",)),
    Column("slug", _("Identifier"), lambda p, c: p.row["slug"], fields=("slug",)),
    Column("status", _("Status"), _status, fields=DATES),
    Column("start", _("Start"), lambda p, c: _date(p.row, "start"), fields=START),
    Column("end", _("End"), lambda p, c: _date(p.row, "end"), fields=END),
    Column(
        "duration_months",
        _("Duration, months"),
        lambda p, c: p.row["duration_months"],
        fields=("duration_months",),
    ),
    Column(
        "donors",
        _("Donors"),
        lambda p, c: _names(p, c, ParticipationRole.DONOR),
        related=PARTICIPATIONS,
    ),
    Column(
        "implementers",
        _("Implementers"),
        lambda p, c: _names(
            p, c, ParticipationRole.LEAD_IMPLEMENTER, ParticipationRole.CO_IMPLEMENTER
        ),
        related=PARTICIPATIONS,
    ),
    Column(
        "partners",
        _("Partners"),
        lambda p, c: _names(p, c, ParticipationRole.PARTNER),
        related=PARTICIPATIONS,
    ),
    Column(
        "local_authorities",
        _("Local authority partners"),
        lambda p, c: _names(p, c, ParticipationRole.LOCAL_AUTHORITY_PARTNER),
        related=PARTICIPATIONS,
    ),
    Column(
        "budget",
        _("Budget"),
        lambda p, c: _headline(p, c)[0],
        related=FUNDING,
    ),
    Column(
        "budget_currency",
        _("Budget currency"),
        lambda p, c: _headline(p, c)[1],
        related=FUNDING,
    ),
    Column(
        "budget_qualifier",
        _("Budget as stated"),
        lambda p, c: _headline(p, c)[2],
        related=FUNDING,
    ),
    Column(
        "total_budget",
        _("Total budget"),
        lambda p, c: _money(p, c, {FundingKind.TOTAL}),
        related=FUNDING,
    ),
    Column(
        "contributions",
        _("Donor contributions"),
        lambda p, c: _money(p, c, {FundingKind.DONOR_CONTRIBUTION}),
        related=FUNDING,
    ),
    Column(
        "currencies",
        _("Currencies"),
        lambda p, c: "; ".join(sorted({line.currency for line in p.funding})),
        related=FUNDING,
    ),
    Column(
        "places",
        _("Places"),
        lambda p, c: "; ".join(c.place_names[place] for place in p.places),
        related=(batches.PLACES,),
    ),
    Column("regions", _("Regions"), _region_names, related=(batches.PLACES,)),
    Column(
        "keywords",
        _("Keywords"),
        lambda p, c: "; ".join(c.keywords[keyword] for keyword in p.keywords),
        related=(batches.KEYWORDS,),
    ),
    Column(
        "themes",
        _("Themes"),
        lambda p, c: "; ".join(f"{c.sectors[code]} ({code})" for code, _share in p.sectors),
        related=(batches.SECTORS,),
    ),
    Column(
        "contract_number",
        _("Contract number"),
        lambda p, c: p.row["contract_number"],
        fields=("contract_number",),
    ),
    Column(
        "language",
        _("Language of the source"),
        lambda p, c: p.row["original_language"],
        fields=("original_language",),
    ),
    Column(
        "published",
        _("Source published on"),
        lambda p, c: p.first_source_date.isoformat() if p.first_source_date else "",
        related=(batches.FIRST_SOURCE_DATE,),
    ),
    Column(
        "summary",
        _("Summary"),
        lambda p, c: c.text(p, "summary"),
        default=False,
        fields=translated_fields("summary"),
    ),
    Column(
        "other_funding",
        _("Other amounts"),
        lambda p, c: _money(p, c, {FundingKind.OTHER}),
        default=False,
        related=FUNDING,
    ),
    Column("contacts", _("Contacts"), _contacts, default=False, related=(batches.CONTACTS,)),
    Column(
        "updated",
        _("Record updated"),
        lambda p, c: p.row["updated_at"].date().isoformat(),
        default=False,
        fields=("updated_at",),
    ),
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
    projects = published_projects_matching(request.GET)
    base_url = request.build_absolute_uri("/").rstrip("/")
    return columns, project_rows(projects, columns, base_url=base_url)


@keeps_language
def project_rows(
    projects: QuerySet, columns: list[Column], *, base_url: str, chunk_size: int | None = None
) -> Iterator[list]:
    """The cells of `columns` for each project, in the queryset's order, read a chunk of
    projects at a time in the language active when it is called."""
    fields = [name for column in columns for name in column.fields]
    related = [kind for column in columns for kind in column.related]
    context = ExportContext.load(base_url)
    for chunk in batches.project_chunks(projects, fields, related, size=chunk_size):
        for project in chunk:
            yield [_cell(column.value(project, context)) for column in columns]


def _cell(value) -> str | int | Decimal:
    """Text for every cell (labels are lazy translations), numbers stay numbers."""
    if type(value) is str:  # most cells: the cheapest test first (millions per export)
        return value
    if value is None:
        return ""
    return value if isinstance(value, int | Decimal) else str(value)


# A cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """Text that a spreadsheet would run as a formula, made plain text by a leading
    apostrophe; numbers and other text as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def export_csv(request):
    if prebuilt_file := prebuilt.export_response(request, "csv"):
        return prebuilt_file
    try:
        columns, rows = _rows(request)
    except (InvalidFilters, BadColumns) as error:
        return _error_response(error)
    return _streamed_csv([str(column.header) for column in columns], rows, _filename("csv"))


def csv_lines(header: list[str], rows) -> Iterator[str]:
    """The lines of a CSV file (with the BOM Excel needs), every cell neutralised."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralised(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralised(cell) for cell in row])


def _streamed_csv(header: list[str], rows, filename: str) -> StreamingHttpResponse:
    # Lines go out joined in pieces of PIECE_SIZE: one write per line costs more than the line.
    response = StreamingHttpResponse(
        coalesce_pieces(in_one_snapshot(csv_lines(header, rows))), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _registry_rows(base_url: str) -> tuple[list[str], Iterator[list]]:
    """The header and rows of every published project with the default columns, in the
    active language (what the downloads without parameters hold)."""
    columns = chosen_columns(QueryDict())
    rows = project_rows(published_projects_matching({}), columns, base_url=base_url)
    return [str(column.header) for column in columns], rows


def registry_csv(base_url: str) -> Iterator[bytes]:
    """export.csv of every published project, as UTF-8 pieces."""
    return (piece.encode() for piece in coalesce_pieces(csv_lines(*_registry_rows(base_url))))


def registry_xlsx(base_url: str) -> Iterator[bytes]:
    """export.xlsx of every published project."""
    return _xlsx_pieces(str(_("Projects"))[:31], *_registry_rows(base_url))


def registry_json(base_url: str) -> Iterator[bytes]:
    """The records of every published project (export.json); `base_url` is not in them."""
    return coalesce_pieces(stream_export(published_projects_matching({})))


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_ROWS_PER_BEAT = 1000  # rows written between two empty pieces (see _xlsx_pieces)


def export_xlsx(request):
    if prebuilt_file := prebuilt.export_response(request, "xlsx"):
        return prebuilt_file
    try:
        columns, rows = _rows(request)
    except (InvalidFilters, BadColumns) as error:
        return _error_response(error)
    header = [str(column.header) for column in columns]
    title = str(_("Projects"))[:31]
    pieces = _xlsx_pieces(title, header, in_one_snapshot(rows))
    response = StreamingHttpResponse(pieces, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response


def _xlsx_pieces(title: str, header: list[str], rows) -> Iterator[bytes]:
    """A workbook of one sheet, as pieces of its file. The rows go to disk as they are written
    (write_only keeps none in memory), the file is sent when it is whole. While it is built,
    an empty piece every XLSX_ROWS_PER_BEAT rows tells gunicorn the worker is alive (the
    heartbeat in gunicorn.conf.py; nothing is sent): 100,000 rows take longer than its
    timeout, which then cut the download off with a 500."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)
    sheet.append([_xlsx_cell(sheet, cell) for cell in header])
    for number, row in enumerate(rows, 1):
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
        if number % XLSX_ROWS_PER_BEAT == 0:
            yield b""
    with tempfile.TemporaryFile() as spool:
        workbook.save(spool)
        spool.seek(0)
        while piece := spool.read(PIECE_SIZE):
            yield piece


def _xlsx_cell(sheet, value):
    """Text as a text cell, whatever it starts with: openpyxl would store "=…" as a formula,
    and the workbook must never hold one. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def export_json(request):
    """The current search as registry records (the format `manage.py load_records` reads)."""
    if prebuilt_file := prebuilt.export_response(request, "json"):
        return prebuilt_file
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        return _error_response(error)
    response = StreamingHttpResponse(
        coalesce_pieces(in_one_snapshot(stream_export(projects))),
        content_type=JSON_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


# --- Summary tables ---------------------------------------------------------------------------


def export_donors_csv(request):
    """Donors of the current search: projects funded, and stated contributions per currency."""
    return _summary_csv(request, by_donor=True)


def export_organizations_csv(request):
    """Organisations of the current search by role: projects, and the donor contributions to
    those projects per currency."""
    return _summary_csv(request, by_donor=False)


def _summary_csv(request, *, by_donor: bool):
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        return _error_response(error)
    header = [str(_("Identifier")), str(_("Organisation")), str(_("Projects")),
              str(_("Currency")), str(_("Donor contributions")),
              str(_("Contributions as stated"))]  # fmt: skip
    name = "donors" if by_donor else "organizations"
    filename = f"{name}-{timezone.localdate().isoformat()}.csv"
    rows = summary_rows(projects, by_donor=by_donor)
    return _streamed_csv(header, iter(rows), filename)


def export_links(request) -> dict[str, str]:
    """The download addresses for the current search (kept query string, no page)."""
    params = request.GET.copy()
    params.pop("page", None)
    query = f"?{params.urlencode()}" if params else ""
    links = {
        name: reverse(f"projects:project-export-{name}") + query
        for name in ("csv", "xlsx", "json", "donors", "organizations")
    }
    params.pop("sort", None)  # a feed lists the newest first
    links["feed"] = reverse("feed") + (f"?{params.urlencode()}" if params else "")
    return links
