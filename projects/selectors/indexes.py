"""The index pages: every donor, organisation and place with published projects, with counts,
searchable by any of their names.

Counts come from figures computed once per data version (the organisations' roles and counts,
the places' counts in the unfiltered search figures), so a page reads its rows and nothing that
grows with the number of projects. Names sort in the page's alphabet (collation.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from .. import collation
from ..caching import cached
from ..facets import PLACE_GROUPS
from ..models import Organization, OrganizationAlias, PlaceAlias
from ..models.content import normalize_name
from ..places import PlaceTree
from . import directory

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def organization_facts(version: str) -> dict[int, tuple[list[str], int]]:
    """Every organisation's roles in published projects and its number of them."""
    return cached(version, "organization-roles", directory.published_roles_and_counts)


def donor_totals(version: str) -> dict[int, dict]:
    """Every donor's stated contributions per currency (pages.totals_by_currency's shape)."""
    return cached(version, "donor-totals", directory.donor_totals_of)


def organization_ids(
    version: str, language: str, *, role: str | None, kind: str | None, sort: str
) -> list[int]:
    """The ids of the organisations with published projects (in `role`, of `kind`), in the
    language's alphabet or most projects first: one list per data version, language and
    choice, kept in the cache, so a page of the index slices it and reads 50 rows."""
    key = f"organization-index:{language}:{role}:{kind}:{sort}"
    return cached(version, key, lambda: _ordered_ids(version, language, role, kind, sort))


def _ordered_ids(version: str, language: str, role, kind, sort: str) -> list[int]:
    facts = organization_facts(version)
    everyone = Organization.objects.filter(kind=kind) if kind else Organization.objects.all()
    by_name = everyone.order_by(collation.collated(f"name_{language}", language), "pk")
    ids = [
        pk
        for pk in by_name.values_list("pk", flat=True)
        if pk in facts and (not role or role in facts[pk][0])
    ]
    if sort == "projects":
        position = {pk: index for index, pk in enumerate(ids)}
        ids.sort(key=lambda pk: (-facts[pk][1], position[pk]))
    return ids


def organizations_named(words: str) -> set[int]:
    """The ids of organisations whose name, short name or an alias in any language contains
    `words` (any case): a scan of the organisations' names, not of their projects."""
    folded = words.strip().casefold()
    in_names = Q()
    for field in [f"name_{language}" for language in LANGUAGES] + ["short_name"]:
        in_names |= Q(**{f"{field}__casefold__contains": folded})
    aliases = OrganizationAlias.objects.filter(normalized__contains=normalize_name(words))
    found = set(Organization.objects.filter(in_names).values_list("pk", flat=True))
    return found | set(aliases.values_list("organization_id", flat=True))


@dataclass
class PlaceEntry:
    place: object
    count: int


@dataclass
class PlaceSection:
    label: str  # "Countries", "Regions", ... as the place filter groups them
    entries: list[PlaceEntry]


def place_sections(tree: PlaceTree, figures, words: str = "") -> list[PlaceSection]:
    """The places with published projects (in them or inside them), in the place filter's
    groups, each in the page's alphabet; with `words`, only places one of whose names or
    aliases contains them."""
    wanted = _places_named(tree, words) if words.strip() else None
    group_of_kind = {kind: str(label) for kind, label in PLACE_GROUPS}
    by_group: dict[str, list[PlaceEntry]] = {}
    for pk, (within, _named) in figures.places.items():
        place = tree.places.get(pk)
        if place is None or not within or (wanted is not None and pk not in wanted):
            continue
        by_group.setdefault(group_of_kind[place.kind], []).append(PlaceEntry(place, within))
    sections = []
    for label in dict.fromkeys(group_of_kind.values()):
        if entries := by_group.get(label):
            entries.sort(key=lambda entry: tree.sort_key(entry.place.pk))
            sections.append(PlaceSection(label, entries))
    return sections


def _places_named(tree: PlaceTree, words: str) -> set[int]:
    folded = words.strip().casefold()
    found = {
        pk
        for pk, place in tree.places.items()
        if any(folded in (getattr(place, f"name_{code}") or "").casefold() for code in LANGUAGES)
    }
    aliases = PlaceAlias.objects.filter(normalized__contains=normalize_name(words))
    found.update(aliases.values_list("place_id", flat=True))
    return found
