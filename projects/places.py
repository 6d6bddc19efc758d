"""The place hierarchy in memory: which places lie inside which.

The gazetteer is small (hundreds of rows) and read whole in one query, so "everything inside
Karaganda Region" is a walk over a dictionary instead of a query per level.
"""

from collections import defaultdict
from dataclasses import dataclass

from .models import Place


@dataclass(frozen=True)
class PlaceTree:
    parent_of: dict[int, int | None]
    children_of: dict[int, list[int]]
    id_of_slug: dict[str, int]

    @classmethod
    def load(cls) -> "PlaceTree":
        parent_of, children_of, id_of_slug = {}, defaultdict(list), {}
        for place_id, parent_id, slug in Place.objects.values_list("id", "parent_id", "slug"):
            parent_of[place_id] = parent_id
            id_of_slug[slug] = place_id
            if parent_id is not None:
                children_of[parent_id].append(place_id)
        return cls(parent_of, dict(children_of), id_of_slug)

    def with_descendants(self, place_id: int) -> set[int]:
        """The place and every place inside it, at any depth."""
        found, stack = set(), [place_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.children_of.get(current, []))
        return found

    def projects_within(self, links) -> dict[int, set[int]]:
        """For (project id, place id) pairs, the projects of each place counting everything
        inside it: a project in Pavlodar counts for Pavlodar, Pavlodar Region and Kazakhstan."""
        projects: dict[int, set[int]] = defaultdict(set)
        for project_id, place_id in links:
            for ancestor_id in self.with_ancestors(place_id):
                projects[ancestor_id].add(project_id)
        return projects

    def with_ancestors(self, place_id: int) -> list[int]:
        """The place, its parent, and so on up to the country."""
        chain, current = [], place_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent_of.get(current)
        return chain
