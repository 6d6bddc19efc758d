"""Pages of long ordered lists, read id-first.

A deep page with OFFSET makes the database walk past every earlier row; with the row's
annotations (budgets, statuses) and prefetches that walk used to cost a subquery per skipped
row. Here the walk reads only ids in the list's order (an index scan), and the page's own rows,
with everything they show, are then read by id. The total comes from the caller when it already
knows it (a search's figures count it), so no second count runs.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def page_of(
    ordered, number, *, per_page: int, count: int | None = None, rows=None, ids_between=None
):
    """Page `number` (as given in the query string) of the ordered queryset, as a Django Page
    whose object_list holds the page's records, read with `rows(ids)` (a queryset of those
    ids; default: the ordered queryset filtered to them). `ids_between(start, stop)`, if
    given, reads the page's ids in the list's order (ProjectFilter.page_ids). Raises Http404
    for a page that does not exist."""
    paginator = Paginator(ordered.values_list("pk", flat=True), per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not counted again
    try:
        page = paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("There is no such page.")) from None
    ids = page_ids(page, ids_between)
    records = (rows or (lambda pks: ordered.filter(pk__in=pks)))(ids)
    by_id = {record.pk: record for record in records}
    page.object_list = [by_id[pk] for pk in ids if pk in by_id]
    return page


def page_of_ids(ids: list[int], number, *, per_page: int, rows):
    """The same for ids already in order (an order SQL does not give): page `number` of them,
    its records read with `rows(ids)`."""
    paginator = Paginator(ids, per_page)
    try:
        page = paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("There is no such page.")) from None
    by_id = {record.pk: record for record in rows(list(page.object_list))}
    page.object_list = [by_id[pk] for pk in page.object_list if pk in by_id]
    return page


def page_ids(page, ids_between=None) -> list:
    """The ids on a Page of ids, read by ids_between(start, stop) when given."""
    if ids_between is None or not page.paginator.count:
        return list(page.object_list)
    return ids_between(page.start_index() - 1, page.end_index())
