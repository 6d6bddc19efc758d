"""The place hierarchy in memory: which places lie inside which, and each place's record.

The gazetteer is small (hundreds of rows, a few thousand at most) while the projects are many,
so the whole tree is read in one query and kept per process for as long as the data version
(caching.data_version) stays the same. "Everything inside Karaganda Region" and "the region of
Temirtau" are then walks over dictionaries, not queries.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation

from . import collation
from .models import Place, PlaceKind


@dataclass(frozen=True)
class PlaceTree:
    places: dict[int, Place]
    children_of: dict[int, list[int]]
    id_of_slug: dict[str, int]
    region_ids: frozenset[int] = field(default_factory=frozenset)
    # Per language: each place's name and its sorting key, read once per process and version.
    _names: dict[str, dict[int, tuple[str, tuple]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def load(cls, version: str | None = None) -> PlaceTree:
        """The tree as of the current data (one query for the version, and one for the
        places when they changed since this process last read them)."""
        from .caching import data_version

        version = version or data_version()
        with _lock:
            cached = _cache.get("tree")
            if cached is not None and _cache.get("version") == version:
                return cached
        tree = cls.build(Place.objects.all())
        with _lock:
            _cache.update(tree=tree, version=version)
        return tree

    @classmethod
    def build(cls, places) -> PlaceTree:
        by_id = {place.pk: place for place in places}
        children_of: dict[int, list[int]] = defaultdict(list)
        for place in by_id.values():
            if place.parent_id is not None:
                children_of[place.parent_id].append(place.pk)
        return cls(
            places=by_id,
            children_of=dict(children_of),
            id_of_slug={place.slug: pk for pk, place in by_id.items()},
            region_ids=frozenset(pk for pk in by_id if _is_region_level(pk, by_id)),
        )

    def name(self, place_id: int) -> str:
        """The place's name in the active language (with modeltranslation's fallbacks)."""
        return self._names_now()[place_id][0]

    def sort_key(self, place_id: int) -> tuple:
        """The name as lists sort it (in the language's alphabet)."""
        return self._names_now()[place_id][1]

    def _names_now(self) -> dict[int, tuple[str, tuple]]:
        language = translation.get_language()
        names = self._names.get(language)
        if names is None:
            names = {
                pk: (place.name, collation.sort_key(place.name))
                for pk, place in self.places.items()
            }
            self._names[language] = names
        return names

    def parent_of(self, place_id: int) -> int | None:
        place = self.places.get(place_id)
        return place.parent_id if place is not None else None

    def with_descendants(self, place_id: int) -> set[int]:
        """The place and every place inside it, at any depth."""
        found, stack = set(), [place_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.children_of.get(current, []))
        return found

    def with_ancestors(self, place_id: int) -> list[int]:
        """The place, its parent, and so on up to the country."""
        chain, current = [], place_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent_of(current)
        return chain

    def ancestors(self, place_id: int) -> list[Place]:
        """The places the place lies in, country first (for breadcrumbs)."""
        return [self.places[pk] for pk in reversed(self.with_ancestors(place_id)[1:])]

    def area_names(self, place_id: int) -> list[str]:
        """The district and region the place lies in, nearest first (no country)."""
        return [
            self.places[pk].name
            for pk in self.with_ancestors(place_id)[1:]
            if self.places[pk].kind != PlaceKind.COUNTRY
        ]

    def projects_within(self, links) -> dict[int, set[int]]:
        """For (project id, place id) pairs, the projects of each place counting everything
        inside it: a project in Pavlodar counts for Pavlodar, Pavlodar Region and Kazakhstan."""
        projects: dict[int, set[int]] = defaultdict(set)
        for project_id, place_id in links:
            for ancestor_id in self.with_ancestors(place_id):
                projects[ancestor_id].add(project_id)
        return projects

    def region_of(self, place_id: int) -> int | None:
        """The region the place lies in (a region lies in itself); a country lies in none."""
        for pk in self.with_ancestors(place_id):
            if pk in self.region_ids:
                return pk
        return None


def _is_region_level(place_id: int, places: dict[int, Place]) -> bool:
    """Regions, and cities that belong to no region (Almaty, Astana and Shymkent are regions in
    their own right; in countries the gazetteer has no regions for, a city directly in the
    country is the finest level known)."""
    place = places[place_id]
    if place.kind == PlaceKind.REGION:
        return True
    parent = places.get(place.parent_id) if place.parent_id else None
    return place.kind == PlaceKind.CITY and parent is not None and parent.kind == PlaceKind.COUNTRY


_lock = threading.Lock()
_cache: dict = {}


def forget() -> None:
    """Drop the tree this process read (tests: a new process's state)."""
    with _lock:
        _cache.clear()
