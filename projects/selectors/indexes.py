"""The index pages: every donor, organisation and place with published projects, with counts,
searchable by any of their names.

Counts come from figures computed once per data version (the organisations' roles and counts,
the places' counts in the unfiltered search figures), so a page reads its rows and nothing that
grows with the number of projects. Names sort in the page's alphabet (collation.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from .. import collation
from ..caching import cached
from ..facets import PLACE_GROUPS
from ..models import OrganizationAlias, PlaceAlias
from ..models.content import normalize_name
from ..places import PlaceTree
from . import directory

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def organization_facts(version: str) -> dict[int, tuple[list[str], int]]:
    """Every organisation's roles in published projects and its number of them."""
    return cached(version, "organization-roles", directory.published_roles_and_counts)


def organizations_named(words: str, *, role: str | None = None, kind: str | None = None):
    """Organisations with published projects (in `role`, of `kind`) whose name, short name or
    an alias in any language contains `words` (any case)."""
    organizations = directory.organizations_with_published_projects(kind=kind, role=role)
    words = words.strip()
    if not words:
        return organizations
    folded = words.casefold()
    in_names = Q()
    for field in [f"name_{language}" for language in LANGUAGES] + ["short_name"]:
        in_names |= Q(**{f"{field}__casefold__contains": folded})
    aliases = OrganizationAlias.objects.filter(
        organization=OuterRef("pk"), normalized__contains=normalize_name(words)
    )
    return organizations.filter(in_names | Exists(aliases))


def ordered_ids(organizations, sort: str, facts: dict) -> list[int] | None:
    """The ids in the "most projects" order (None for the name order, which SQL gives)."""
    if sort != "projects":
        return None
    ids = list(organizations.order_by().values_list("pk", flat=True))
    ids.sort(key=lambda pk: (-facts.get(pk, ((), 0))[1], pk))
    return ids


def by_name(organizations, language: str):
    return organizations.order_by(collation.collated(f"name_{language}", language), "pk")


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
