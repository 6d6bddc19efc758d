"""/api/organizations/ and /api/donors/: the organisations that take part in published
projects, and each one's record."""

from django.urls import reverse
from ninja import Path, Query, Router

from ..caching import cached, cached_for_visitors, data_version
from ..models import Organization
from ..selectors import directory, donor_totals, home_figures
from .errors import ERROR_RESPONSES
from .schemas import (
    DonorPage,
    ErrorBody,
    OrganizationListParams,
    OrganizationPage,
    OrganizationRecord,
    PageParams,
)
from .shapes import by_slug_or_404, money, page_addresses, paginate, translated

router = Router(tags=["organisations"])
# An organisation's record names at most this many of its projects per role; the project
# list (`projects_url`) gives them all.
PROJECTS_PER_ROLE = 20


@router.get(
    "/organizations/",
    response={200: OrganizationPage, **ERROR_RESPONSES},
    summary="List organisations that take part in published projects",
)
@cached_for_visitors
def list_organizations(request, params: Query[OrganizationListParams]):
    """Organisations with at least one published project, by slug, with their roles and
    project counts."""
    organizations = directory.organizations_with_published_projects(
        kind=params.kind, role=params.role
    )
    # The total is counted over every organisation: kept until the data changes.
    count = cached(
        data_version(), f"organizations-count:{params.kind}:{params.role}", organizations.count
    )
    page = paginate(request, organizations.order_by("slug"), params, count=count)
    facts = cached(data_version(), "organization-roles", directory.published_roles_and_counts)
    page["results"] = [
        {
            **organization_base(request, organization),
            "roles": facts.get(organization.pk, ([], 0))[0],
            "project_count": facts.get(organization.pk, ([], 0))[1],
        }
        for organization in page["results"]
    ]
    return page


@router.get(
    "/organizations/{slug}/",
    response={200: OrganizationRecord, 404: ErrorBody},
    summary="An organisation's record",
)
@cached_for_visitors
def get_organization(request, slug: str = Path(..., description="The organisation's slug.")):
    """The organisation, how many published projects it has in each role with the latest of
    them, and, as a donor, its totals per currency. An organisation whose page the public
    does not see (no published project names it) is a 404, as its page is."""
    public = directory.organizations_with_public_pages().select_related("city")
    organization = by_slug_or_404(public, slug)
    by_role = directory.newest_projects_by_role(organization, PROJECTS_PER_ROLE)
    return {
        **organization_base(request, organization),
        "city": organization.city.slug if organization.city else None,
        "address": translated(organization, "address"),
        "phones": organization.phones,
        "emails": organization.emails,
        "website": organization.website or None,
        "links": organization.links,
        "projects_by_role": {role: found["slugs"] for role, found in by_role.items()},
        "project_counts": {role: found["count"] for role, found in by_role.items()},
        "projects_url": _projects_url(request, organization, by_role),
        "donor_totals": qualified_totals(donor_totals(organization)),
    }


def _projects_url(request, organization: Organization, by_role: dict) -> str:
    """The API's project list of this organisation: as a donor if it is one."""
    key = "donor" if "donor" in by_role else "organization"
    return request.build_absolute_uri(f"{reverse('api:list_projects')}?{key}={organization.slug}")


@router.get(
    "/donors/",
    response={200: DonorPage, **ERROR_RESPONSES},
    summary="List donors of published projects",
)
@cached_for_visitors
def list_donors(request, params: Query[PageParams]):
    """Organisations with a donor role in a published project, most projects first, with what
    they give per currency (never added up across currencies)."""
    version = data_version()
    ranking = directory.donor_ranking(home_figures(version))
    page = paginate(request, ranking, params)
    # Every donor's totals in one grouped query, kept until the data changes.
    totals = cached(version, "donor-totals-by-qualifier", directory.donor_totals_of)
    page["results"] = [
        {
            **organization_base(request, donor),
            "project_count": count,
            "totals": qualified_totals(totals.get(donor.pk, {})),
        }
        for donor, count in page["results"]
    ]
    return page


def organization_base(request, organization: Organization) -> dict:
    return {
        "id": organization.slug,
        "url": page_addresses(request, organization),
        "name": translated(organization, "name"),
        "short_name": translated(organization, "short_name"),
        "kind": organization.kind,
        "country": organization.country or None,
    }


def qualified_totals(totals: dict) -> list[dict]:
    """{currency: [(qualifier, amount), ...]} as QualifiedMoney items, one per currency and
    qualifier."""
    return [
        {**money(amount, currency), "qualifier": qualifier}
        for currency, sums in totals.items()
        for qualifier, amount in sums
    ]
