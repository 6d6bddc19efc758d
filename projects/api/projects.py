"""/api/projects/: the public list's projects, filtered and sorted as on the list, and each
project's full record."""

from django.utils import translation
from ninja import Path, Query, Router

from ..caching import cached, cached_for_visitors, data_version
from ..filters import published_search
from ..models import FundingLine, Place, Project
from ..places import PlaceTree
from .errors import ERROR_RESPONSES
from .schemas import ROLE_ORDER, ErrorBody, ProjectListParams, ProjectPage, ProjectRecord
from .shapes import (
    by_slug_or_404,
    money,
    organization_ref,
    page_addresses,
    paginate,
    place_ref,
    translated,
)

router = Router(tags=["projects"])


@router.get(
    "/projects/",
    response={200: ProjectPage, **ERROR_RESPONSES},
    summary="List published projects",
    tags=["projects"],
)
@cached_for_visitors
def list_projects(request, params: Query[ProjectListParams]):
    """Published projects filtered and sorted exactly as on the public list, a page at a time.
    Every filter narrows the list; an unknown slug or a budget range without its currency is
    a 400."""
    project_filter = published_search(request.GET)
    projects = project_filter.order(project_filter.qs, translation.get_language())
    # The total of a search is kept with the data version: the next page of the same search
    # (or the same page built again) does not count its matches again.
    count = cached(data_version(), f"api-count:{project_filter.cache_key()}", projects.count)
    page = paginate(
        request,
        projects.values_list("pk", flat=True),
        params,
        count=count,
        rows=lambda ids: Project.objects.filter(pk__in=ids).for_list(),
        ids_between=lambda start, stop: project_filter.page_ids(projects, start, stop),
    )
    page["results"] = [project_summary(request, project) for project in page["results"]]
    return page


@router.get(
    "/projects/{slug}/",
    response={200: ProjectRecord, 404: ErrorBody},
    summary="A published project's full record",
    tags=["projects"],
)
@cached_for_visitors
def get_project(request, slug: str = Path(..., description="The project's slug.")):
    """Everything the project's page shows, in all three languages, with the press releases it
    comes from word for word. Drafts are a 404."""
    project = by_slug_or_404(Project.objects.published().for_detail().with_budget(), slug)
    return project_record(request, project, PlaceTree.load())


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
            {
                **money(project.budget_amount, project.budget_currency),
                "qualifier": project.budget_qualifier,
            }
            if project.budget_amount is not None
            else None
        ),
        "updated_at": project.updated_at,
    }


def project_record(request, project: Project, tree: PlaceTree) -> dict:
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
        "sectors": [
            {
                "code": link.sector_id,
                "name": translated(link.sector, "name"),
                "percentage": link.percentage,
            }
            for link in project.sector_links.all()
        ],
        "places": [
            {**place_ref(place), "region": _region_slug(place, tree)}
            for place in project.places.all()
        ],
        "funding": [budget_line(line) for line in project.funding_lines.all()],
        "title_given_by_editor": project.title_given_by_editor,
        "contacts": [contact_person(contact) for contact in project.contacts.all()],
        "sources": [source(document) for document in project.sources.all()],
        "evidence": evidence_of(project),
    }


def _region_slug(place: Place, tree: PlaceTree) -> str | None:
    """The region the place lies in (PlaceTree.region_of: a city of national significance
    such as Almaty is a region of its own)."""
    region = tree.region_of(place.pk)
    return tree.places[region].slug if region is not None else None


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
        "faxes": contact.faxes,
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
        "dateline": document.dateline or None,
        "sha256": document.sha256,
        "text": document.text,
    }


def evidence_of(project: Project) -> list[dict]:
    """Where each fact comes from (facts.py names the fact): characters [start, end) of a
    source's text (the source by its SHA-256, as in `sources`), or an editor's note."""
    shas = {document.pk: document.sha256 for document in project.sources.all()}
    return [
        {
            "fact": row.fact,
            "basis": row.basis,
            "source_sha256": shas.get(row.source_id),
            "start": row.start,
            "end": row.end,
            "quote": row.quote or None,
            "note": translated(row, "note"),
        }
        for row in project.evidence.all()
    ]
