"""The registry's read-only JSON API at /api/ (django-ninja), described at /api/openapi.json.

Views here only parse, page and shape: the project list answers through the public list's own
filters.published_projects_matching, and reads spanning models come from selectors.py or the
model querysets (for_list, for_detail), whose fixed prefetches keep the query count flat.
Schemas are named for what they are; every response is checked against them by django-ninja.
"""

import datetime
import re
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.http import Http404
from django.utils import translation
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from pydantic import ConfigDict, WithJsonSchema

from . import selectors
from .filters import (
    MAX_AMOUNT,
    MAX_QUERY_LENGTH,
    YEAR_RANGE,
    InvalidFilters,
    SortOrder,
    published_projects_matching,
)
from .models import (
    COUNTRY_CODES,
    CURRENCY_CODES,
    AmountQualifier,
    FundingKind,
    FundingLine,
    Organization,
    OrganizationKind,
    Participation,
    ParticipationRole,
    Place,
    PlaceKind,
    Project,
    ProjectStatus,
)
from .partial_dates import DatePrecision
from .places import PlaceTree

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SLUG_LENGTH = 120
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"  # as SlugField: ASCII letters, digits, - and _

API_DESCRIPTION = """\
Read-only access to the registry's published projects, the organisations that take part in them
and the places they work in. No key is needed; every address answers GET only.

- Every record's `id` is its slug: stable, the last part of its public page's address and of its
  address here.
- Texts come in Russian, Kazakh and English at once, as `{"ru", "kk", "en"}` objects with null
  where a translation is missing, whatever language the request asks for.
- Dates are partial ISO strings whose length is their precision ("2017", "2017-02",
  "2017-02-15"), with the precision beside them.
- Amounts are decimal strings with their ISO 4217 currency; amounts in different currencies are
  never added together.
- Lists come a page at a time (`page`, `page_size` up to 100) with the total `count` and the
  addresses of the `next` and `previous` pages.
- The project list takes the public list's query parameters and gives the same projects in the
  same order.

Errors are JSON: `{"detail": "...", "errors": {"<parameter>": [{"message": "...", "code":
"..."}]}}`. A parameter that does not validate (a wrong type, a value out of range, an unknown
slug, a budget range without its currency) is a 400 naming it. An unknown or unpublished record
is a 404, and so is a page past the last one, with `errors.page` saying which page is the last.
Messages from the project filters are in the language of the Accept-Language header; codes do
not change.
"""

api = NinjaAPI(
    title="Grant-project registry API",
    version="1.0.0",
    description=API_DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    # With "ninja" in INSTALLED_APPS the Swagger page's assets come from our own static files
    # (served by whitenoise); without it they would come from a CDN.
    docs_url="/docs",
)

# --- Schemas: shared pieces -----------------------------------------------------------------

Role = Literal[tuple(ParticipationRole.values)]
ROLE_ORDER = {role: index for index, role in enumerate(ParticipationRole.values)}  # lead first
# A budget bound as the public list takes it: up to two decimals, within what the database holds.
Amount = Annotated[
    Decimal,
    Field(ge=0, le=MAX_AMOUNT, decimal_places=2),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(MAX_AMOUNT)}),
]
Precision = Literal[tuple(DatePrecision.values)]


class TranslatedText(Schema):
    """One text in the registry's three languages; null where there is none yet."""

    ru: str | None
    kk: str | None
    en: str | None


class PageAddresses(Schema):
    """The record's public page in each language."""

    ru: str
    kk: str
    en: str


class Money(Schema):
    amount: str = Field(description='Decimal string with two decimals, e.g. "213793.00".')
    currency: str = Field(
        description="ISO 4217 code. Amounts in different currencies are never added together."
    )


class FieldError(Schema):
    message: str = Field(description="What is wrong, for people.")
    code: str = Field(description="What is wrong, for programs (e.g. invalid_choice).")


class ErrorBody(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, list[FieldError]] = Field(
        description="The parameters at fault, each with its problems (empty when none is)."
    )


class Page(Schema):
    count: int = Field(description="Results on all pages together.")
    page: int = Field(description="This page's number, from 1.")
    page_size: int = Field(description="Results per page.")
    next: str | None = Field(description="Address of the next page, or null on the last.")
    previous: str | None = Field(description="Address of the previous page, or null on the first.")


def _never_null(schema: dict) -> None:
    """A query parameter is absent or a string, never JSON null: document it as such."""
    for parameter in schema.get("properties", {}).values():
        options = [option for option in parameter.get("anyOf", []) if option != {"type": "null"}]
        if len(options) == 1:
            del parameter["anyOf"]
            parameter.update(options[0])


class PageParams(Schema):
    model_config = ConfigDict(json_schema_extra=_never_null)

    page: int = Field(1, ge=1, description="Page number, from 1. A page past the last is a 404.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Results per page, 1 to {MAX_PAGE_SIZE}.",
    )


class OrganizationRef(Schema):
    id: str = Field(description="The organisation's slug.")
    name: TranslatedText


class PlaceRef(Schema):
    id: str = Field(description="The place's slug.")
    name: TranslatedText
    kind: Literal[tuple(PlaceKind.values)]


# --- Schemas: projects ----------------------------------------------------------------------


class ProjectListParams(PageParams):
    """The public project list's filters, with the same names, values and rules."""

    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Words that must all appear in the title, summary, description or an "
        "organisation's name, in any language, whatever their case.",
    )
    place: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        description="A place's slug: projects working there or anywhere inside it.",
    )
    donor: str | None = Field(
        None, max_length=SLUG_LENGTH, description="An organisation's slug: projects it funds."
    )
    organization: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        description="An organisation's slug: projects it implements or is a partner in.",
    )
    status: Literal[tuple(ProjectStatus.values)] | None = Field(
        None, description="The status today, from the project's dates."
    )
    year: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Projects active at some time in this year.",
    )
    budget_min: Amount | None = Field(
        None, description="Smallest budget, in `currency` (which it requires)."
    )
    budget_max: Amount | None = Field(
        None, description="Largest budget, in `currency` (which it requires)."
    )
    currency: Literal[tuple(CURRENCY_CODES)] | None = Field(
        None, description="Projects with a budget figure in this ISO 4217 currency."
    )
    language: Literal[tuple(LANGUAGE_CODES)] | None = Field(
        None, description="The language of the press release the record comes from."
    )
    sort: Literal[tuple(code for code, _label in SortOrder.CHOICES)] = Field(
        SortOrder.NEWEST,
        description="newest: latest added first; start: latest start first; budget: largest "
        "budget first; title: A-Z in the language of the Accept-Language header (Russian "
        "when it names none of ru, kk, en).",
    )


class Participant(Schema):
    organization: OrganizationRef
    role: Role


class ProjectSummary(Schema):
    id: str = Field(description="The project's slug: stable, the end of its public address.")
    url: PageAddresses
    title: TranslatedText
    summary: TranslatedText
    start: str | None = Field(
        description="Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated."
    )
    start_precision: Precision
    end: str | None = Field(description="Partial ISO date, as `start`.")
    end_precision: Precision
    status: Literal[tuple(ProjectStatus.values)] = Field(description="Today, from the dates.")
    participations: list[Participant]
    places: list[PlaceRef]
    budget: Money | None = Field(
        description="The headline figure: the stated total, else the donors' contributions in "
        "that currency added up."
    )
    updated_at: datetime.datetime


class ProjectPlace(PlaceRef):
    region: str | None = Field(description="Slug of the region it lies in (itself for a region).")


class ProjectKeyword(Schema):
    id: str
    name: TranslatedText


class BudgetLine(Schema):
    donor: str | None = Field(description="The donor's slug; null for a total.")
    amount: str = Field(description="Decimal string with two decimals.")
    currency: str
    kind: Literal[tuple(FundingKind.values)]
    qualifier: Literal[tuple(AmountQualifier.values)] = Field(
        description='Whether the source states the exact figure, "more than", "up to" or "about".'
    )
    note: TranslatedText


class ContactPerson(Schema):
    name: TranslatedText
    position: TranslatedText
    organization: str | None = Field(description="Slug of the organisation they speak for.")
    phones: list[str]
    emails: list[str]


class Source(Schema):
    """The press release the record comes from, with its text as received."""

    file_name: str | None
    language: Literal[tuple(LANGUAGE_CODES)]
    published: datetime.date | None
    title: str | None
    publisher: TranslatedText
    url: str | None
    text: str = Field(description="The verbatim text of the press release.")


class ProjectRecord(ProjectSummary):
    description: TranslatedText
    objectives: TranslatedText = Field(description="One objective per line.")
    results: TranslatedText = Field(description="One result per line.")
    duration_months: int | None = Field(description="Only when the source states it.")
    contract_number: str | None
    original_language: Literal[tuple(LANGUAGE_CODES)]
    keywords: list[ProjectKeyword]
    places: list[ProjectPlace]
    funding: list[BudgetLine]
    contacts: list[ContactPerson]
    sources: list[Source]


class ProjectPage(Page):
    results: list[ProjectSummary]


# --- Schemas: organisations -----------------------------------------------------------------


class OrganizationListParams(PageParams):
    kind: Literal[tuple(OrganizationKind.values)] | None = Field(
        None, description="Only organisations of this kind."
    )
    role: Role | None = Field(
        None, description="Only organisations with this role in a published project."
    )


class OrganizationBase(Schema):
    id: str = Field(description="The organisation's slug.")
    url: PageAddresses
    name: TranslatedText
    short_name: TranslatedText
    kind: Literal[tuple(OrganizationKind.values)]
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")


class OrganizationSummary(OrganizationBase):
    roles: list[Role] = Field(description="Its roles in published projects.")
    project_count: int = Field(description="Published projects it takes part in.")


class OrganizationRecord(OrganizationBase):
    city: str | None = Field(description="Slug of its home place.")
    address: TranslatedText
    phones: list[str]
    emails: list[str]
    website: str | None
    links: list[str]
    projects_by_role: dict[str, list[str]] = Field(
        description="Slugs of its published projects, by its role in them."
    )
    donor_totals: list[Money] = Field(
        description="What it gives to published projects as a donor, one total per currency."
    )


class OrganizationPage(Page):
    results: list[OrganizationSummary]


class DonorSummary(OrganizationBase):
    project_count: int = Field(description="Published projects it funds.")
    totals: list[Money] = Field(description="Its stated contributions, one total per currency.")


class DonorPage(Page):
    results: list[DonorSummary]


# --- Schemas: places ------------------------------------------------------------------------


class PlaceListParams(PageParams):
    kind: Literal[tuple(PlaceKind.values)] | None = Field(
        None, description="Only places of this kind."
    )
    country: Literal[tuple(COUNTRY_CODES)] | None = Field(
        None, description="Only places in this country (ISO 3166-1 alpha-2)."
    )
    parent: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        pattern=SLUG_PATTERN,
        description="A place's slug: only the places directly inside it.",
    )


class PlaceSummary(PlaceRef):
    url: PageAddresses
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    parent: str | None = Field(description="Slug of the place it lies directly in.")
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


class PlaceRecord(PlaceSummary):
    population: int | None
    ancestors: list[PlaceRef] = Field(description="The places it lies in, country first.")
    project_count: int = Field(description="Published projects working in it or inside it.")


class PlacePage(Page):
    results: list[PlaceSummary]


# --- Errors ---------------------------------------------------------------------------------


INVALID_PARAMETERS = "Some parameters are not valid."


def _problem(message: str, code: str) -> dict:
    return {"message": message, "code": code}


class ApiError(Exception):
    def __init__(self, status: int, detail: str, errors: dict | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or {}


def _error_response(request, status: int, detail: str, errors: dict):
    return api.create_response(request, {"detail": detail, "errors": errors}, status=status)


@api.exception_handler(ApiError)
def _on_api_error(request, exc: ApiError):
    return _error_response(request, exc.status, exc.detail, exc.errors)


@api.exception_handler(InvalidFilters)
def _on_invalid_filters(request, exc: InvalidFilters):
    # Checks across fields (a budget without its currency) come from the form with no code.
    errors = {
        name: [_problem(problem["message"], problem["code"] or "invalid") for problem in problems]
        for name, problems in exc.errors.items()
    }
    return _error_response(request, 400, INVALID_PARAMETERS, errors)


@api.exception_handler(ValidationError)
def _on_invalid_parameters(request, exc: ValidationError):
    errors: dict[str, list[dict]] = {}
    for error in exc.errors:
        name = str(error["loc"][-1]) if error.get("loc") else "__all__"
        errors.setdefault(name, []).append(_problem(error["msg"], error["type"]))
    return _error_response(request, 400, INVALID_PARAMETERS, errors)


@api.exception_handler(Http404)
def _on_not_found(request, exc: Http404):
    return _error_response(request, 404, "There is no such record.", {})


ERROR_RESPONSES = {400: ErrorBody, 404: ErrorBody}

# --- Building blocks ------------------------------------------------------------------------


def translated(record, field: str) -> dict:
    return {code: getattr(record, f"{field}_{code}") or None for code in LANGUAGE_CODES}


def page_addresses(request, record) -> dict:
    addresses = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            addresses[code] = request.build_absolute_uri(record.get_absolute_url())
    return addresses


def money(amount: Decimal, currency: str) -> dict:
    return {"amount": f"{amount:.2f}", "currency": currency}


def paginate(request, items, params: PageParams) -> dict:
    """A page of `items` (a queryset or list) with links to its neighbours."""
    paginator = Paginator(items, params.page_size)
    try:
        page = paginator.page(params.page)
    except EmptyPage:
        message = f"The last page is {paginator.num_pages}."
        raise ApiError(
            404, "There is no such page.", {"page": [_problem(message, "no_page")]}
        ) from None
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "next": _page_link(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_link(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "results": list(page.object_list),
    }


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _by_slug_or_404(queryset, slug: str):
    # A slug is ASCII: anything else cannot match, and is not worth a query (PostgreSQL
    # refuses NUL characters outright).
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise Http404
    try:
        return queryset.get(slug=slug)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def organization_ref(organization: Organization) -> dict:
    return {"id": organization.slug, "name": translated(organization, "name")}


def place_ref(place: Place) -> dict:
    return {"id": place.slug, "name": translated(place, "name"), "kind": place.kind}


# --- Projects -------------------------------------------------------------------------------


@api.get(
    "/projects/",
    response={200: ProjectPage, **ERROR_RESPONSES},
    summary="List published projects",
    tags=["projects"],
)
def list_projects(request, params: Query[ProjectListParams]):
    """Published projects filtered and sorted exactly as on the public list, a page at a time.
    Every filter narrows the list; an unknown slug or a budget range without its currency is
    a 400."""
    projects = published_projects_matching(request.GET).for_list()
    page = paginate(request, projects, params)
    page["results"] = [project_summary(request, project) for project in page["results"]]
    return page


@api.get(
    "/projects/{slug}/",
    response={200: ProjectRecord, 404: ErrorBody},
    summary="A published project's full record",
    tags=["projects"],
)
def get_project(request, slug: str = Path(..., description="The project's slug.")):
    """Everything the project's page shows, in all three languages, with the press releases it
    comes from word for word. Drafts are a 404."""
    project = _by_slug_or_404(Project.objects.published().for_detail().with_budget(), slug)
    return project_record(request, project)


def project_summary(request, project: Project) -> dict:
    return {
        "id": project.slug,
        "url": page_addresses(request, project),
        "title": translated(project, "title"),
        "summary": translated(project, "summary"),
        "start": project.start.isoformat(),
        "start_precision": project.start_precision,
        "end": project.end.isoformat(),
        "end_precision": project.end_precision,
        "status": project.status,
        "participations": [
            {"organization": organization_ref(p.organization), "role": p.role}
            for p in sorted(project.participations.all(), key=lambda p: ROLE_ORDER[p.role])
        ],
        "places": [place_ref(place) for place in project.places.all()],
        "budget": (
            money(project.budget_amount, project.budget_currency)
            if project.budget_amount is not None
            else None
        ),
        "updated_at": project.updated_at,
    }


def project_record(request, project: Project) -> dict:
    return {
        **project_summary(request, project),
        "description": translated(project, "description"),
        "objectives": translated(project, "objectives"),
        "results": translated(project, "results"),
        "duration_months": project.duration_months,
        "contract_number": project.contract_number or None,
        "original_language": project.original_language,
        "keywords": [
            {"id": keyword.slug, "name": translated(keyword, "name")}
            for keyword in project.keywords.all()
        ],
        "places": [
            {**place_ref(place), "region": _region_slug(place)} for place in project.places.all()
        ],
        "funding": [budget_line(line) for line in project.funding_lines.all()],
        "contacts": [contact_person(contact) for contact in project.contacts.all()],
        "sources": [source(document) for document in project.sources.all()],
    }


def _region_slug(place: Place) -> str | None:
    """The nearest region among the place and its (prefetched) parents."""
    while place is not None and place.kind != PlaceKind.REGION:
        place = place.parent
    return place.slug if place is not None else None


def budget_line(line: FundingLine) -> dict:
    return {
        "donor": line.donor.slug if line.donor else None,
        **money(line.amount, line.currency),
        "kind": line.kind,
        "qualifier": line.qualifier,
        "note": translated(line, "note"),
    }


def contact_person(contact) -> dict:
    return {
        "name": translated(contact, "name"),
        "position": translated(contact, "position"),
        "organization": contact.organization.slug if contact.organization else None,
        "phones": contact.phones,
        "emails": contact.emails,
    }


def source(document) -> dict:
    return {
        "file_name": document.file_name or None,
        "language": document.language,
        "published": document.published_on,
        "title": document.title or None,
        "publisher": translated(document, "publisher"),
        "url": document.url or None,
        "text": document.text,
    }


# --- Organisations --------------------------------------------------------------------------


@api.get(
    "/organizations/",
    response={200: OrganizationPage, **ERROR_RESPONSES},
    summary="List organisations that take part in published projects",
    tags=["organisations"],
)
def list_organizations(request, params: Query[OrganizationListParams]):
    """Organisations with at least one published project, by slug, with their roles and
    project counts."""
    organizations = organizations_in_published_projects()
    if params.kind:
        organizations = organizations.filter(kind=params.kind)
    if params.role:
        in_role = Participation.objects.filter(
            organization=OuterRef("pk"), role=params.role, project__is_published=True
        )
        organizations = organizations.filter(Exists(in_role))
    page = paginate(request, organizations.order_by("slug"), params)
    roles = _published_roles_of([organization.pk for organization in page["results"]])
    page["results"] = [
        {
            **organization_base(request, organization),
            "roles": roles.get(organization.pk, []),
            "project_count": organization.project_count,
        }
        for organization in page["results"]
    ]
    return page


@api.get(
    "/organizations/{slug}/",
    response={200: OrganizationRecord, 404: ErrorBody},
    summary="An organisation's record",
    tags=["organisations"],
)
def get_organization(request, slug: str = Path(..., description="The organisation's slug.")):
    """The organisation, its published projects by role and, as a donor, its totals per
    currency. An organisation with no published project is a 404, as its page is."""
    organization = _by_slug_or_404(organizations_in_published_projects(), slug)
    return {
        **organization_base(request, organization),
        "city": organization.city.slug if organization.city else None,
        "address": translated(organization, "address"),
        "phones": organization.phones,
        "emails": organization.emails,
        "website": organization.website or None,
        "links": organization.links,
        "projects_by_role": _project_slugs_by_role(organization),
        "donor_totals": [
            money(total, currency)
            for currency, total in selectors.donor_totals(organization).items()
        ],
    }


@api.get(
    "/donors/",
    response={200: DonorPage, **ERROR_RESPONSES},
    summary="List donors of published projects",
    tags=["organisations"],
)
def list_donors(request, params: Query[PageParams]):
    """Organisations with a donor role in a published project, most projects first, with what
    they give per currency (never added up across currencies)."""
    donors = sorted(selectors.donors_with_counts(), key=lambda d: (-d.project_count, d.slug))
    page = paginate(request, donors, params)
    totals = _donor_totals_of([donor.pk for donor in page["results"]])
    page["results"] = [
        {
            **organization_base(request, donor),
            "project_count": donor.project_count,
            "totals": totals.get(donor.pk, []),
        }
        for donor in page["results"]
    ]
    return page


def organizations_in_published_projects():
    published = Q(participations__project__is_published=True)
    return (
        Organization.objects.select_related("city")
        .annotate(project_count=Count("participations__project", filter=published, distinct=True))
        .filter(project_count__gt=0)
    )


def organization_base(request, organization: Organization) -> dict:
    return {
        "id": organization.slug,
        "url": page_addresses(request, organization),
        "name": translated(organization, "name"),
        "short_name": translated(organization, "short_name"),
        "kind": organization.kind,
        "country": organization.country or None,
    }


def _published_roles_of(organization_ids: list[int]) -> dict[int, list[str]]:
    rows = (
        Participation.objects.filter(organization__in=organization_ids, project__is_published=True)
        .values_list("organization", "role")
        .distinct()
        .order_by("organization", "role")
    )
    roles: dict[int, list[str]] = {}
    for organization_id, role in rows:
        roles.setdefault(organization_id, []).append(role)
    return roles


def _project_slugs_by_role(organization: Organization) -> dict[str, list[str]]:
    rows = (
        organization.participations.filter(project__is_published=True)
        .order_by("role", "project__slug")
        .values_list("role", "project__slug")
    )
    slugs: dict[str, list[str]] = {}
    for role, slug in rows:
        slugs.setdefault(role, []).append(slug)
    return slugs


def _donor_totals_of(donor_ids: list[int]) -> dict[int, list[dict]]:
    """Each donor's contributions to published projects, one total per currency (the rule of
    selectors.donor_totals, for many donors in one query)."""
    rows = (
        FundingLine.objects.filter(
            donor__in=donor_ids, project__is_published=True, kind=FundingKind.DONOR_CONTRIBUTION
        )
        .values("donor", "currency")
        .annotate(total=Sum("amount"))
        .order_by("donor", "currency")
    )
    totals: dict[int, list[dict]] = {}
    for row in rows:
        totals.setdefault(row["donor"], []).append(money(row["total"], row["currency"]))
    return totals


# --- Places ---------------------------------------------------------------------------------


@api.get(
    "/places/",
    response={200: PlacePage, **ERROR_RESPONSES},
    summary="List places in the gazetteer",
    tags=["places"],
)
def list_places(request, params: Query[PlaceListParams]):
    """Every place in the gazetteer, by slug, whether or not a project works there."""
    places = Place.objects.select_related("parent").order_by("slug")
    if params.kind:
        places = places.filter(kind=params.kind)
    if params.country:
        places = places.filter(country_code=params.country)
    if params.parent:
        if not Place.objects.filter(slug=params.parent).exists():
            problem = _problem("There is no such place.", "invalid_choice")
            raise ApiError(400, INVALID_PARAMETERS, {"parent": [problem]})
        places = places.filter(parent__slug=params.parent)
    page = paginate(request, places, params)
    page["results"] = [place_summary(request, place) for place in page["results"]]
    return page


@api.get(
    "/places/{slug}/",
    response={200: PlaceRecord, 404: ErrorBody},
    summary="A place with the places it lies in",
    tags=["places"],
)
def get_place(request, slug: str = Path(..., description="The place's slug.")):
    """The place, the places it lies in (country first) and how many published projects work
    in it or anywhere inside it."""
    place = _by_slug_or_404(Place.objects.select_related("parent"), slug)
    tree = PlaceTree.load()
    return {
        **place_summary(request, place),
        "population": place.population,
        "ancestors": [place_ref(a) for a in selectors.place_ancestors(place, tree)],
        "project_count": selectors.place_projects(place, tree).count(),
    }


def place_summary(request, place: Place) -> dict:
    return {
        **place_ref(place),
        "url": page_addresses(request, place),
        "country": place.country_code or None,
        "parent": place.parent.slug if place.parent else None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geonames_id": place.geonames_id,
    }
