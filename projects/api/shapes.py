"""Building blocks of the API's responses: texts in three languages, page addresses, money,
references to records, and pages of lists read id-first."""

import re
from decimal import Decimal

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils import translation

from .. import paging
from ..models import Organization, Place
from .errors import ApiError, problem
from .schemas import LANGUAGE_CODES, SLUG_PATTERN, PageParams


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


def paginate(
    request, items, params: PageParams, *, count: int | None = None, rows=None, ids_between=None
) -> dict:
    """A page of `items` (a queryset or list) with links to its neighbours. With `rows`,
    `items` are ids in the list's order and rows(ids) reads the page's records: a deep page
    then walks ids only; ids_between(start, stop), if given, reads those ids instead
    (paging.page_ids). `count`, when the caller knows it, saves counting again."""
    paginator = Paginator(items, params.page_size)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not counted again
    try:
        page = paginator.page(params.page)
    except EmptyPage:
        message = f"The last page is {paginator.num_pages}."
        raise ApiError(
            404, "There is no such page.", {"page": [problem(message, "no_page")]}
        ) from None
    results = paging.page_ids(page, ids_between)
    if rows is not None:
        by_id = {record.pk: record for record in rows(results)}
        results = [by_id[pk] for pk in results if pk in by_id]
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "next": _page_link(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_link(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "results": results,
    }


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def by_slug_or_404(queryset, slug: str):
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
