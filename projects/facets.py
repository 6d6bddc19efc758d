"""The project list's facets: for each filter, its choices with how many projects each would
give, the other filters staying as they are (as GrantNav shows them). Labelled here from a
search's figures (aggregates.py); the counts come from SQL."""

import heapq
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .aggregates import SearchFigures
from .collation import sort_key
from .models import Organization, PlaceKind, ProjectStatus, Sector
from .opendata.batches import translated_fields
from .places import PlaceTree

# A select of thousands of organisations helps no one and weighs hundreds of kilobytes: the
# facet offers the organisations with the most matching projects (and the one chosen).
ORGANIZATION_FACET_LIMIT = 50
# Places: every country, region and city, and of the smaller places (districts, towns,
# villages) those with most matching projects; the map's table and place pages lead to all.
SMALL_PLACE_FACET_LIMIT = 60
MAIN_PLACE_KINDS = {PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CITY}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    group: str = ""


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)
    # Choices with a match that are not offered (beyond ORGANIZATION_FACET_LIMIT).
    more: int = 0

    @property
    def groups(self) -> list[tuple[str, list[FacetOption]]]:
        grouped: dict[str, list[FacetOption]] = {}
        for option in self.options:
            grouped.setdefault(option.group, []).append(option)
        return list(grouped.items())

    def options_html(self) -> SafeString:
        """The select's options, grouped: built here rather than in a template loop, as a
        place facet has hundreds (escaped by format_html)."""
        parts = []
        for group, options in self.groups:
            rows = format_html_join(
                "",
                '<option value="{}"{}>{} ({})</option>',
                (
                    (o.value, mark_safe(" selected") if o.selected else "", o.label, o.count)  # noqa: S308
                    for o in options
                ),
            )
            parts.append(
                format_html('<optgroup label="{}">{}</optgroup>', group, rows) if group else rows
            )
        return mark_safe("".join(parts))  # noqa: S308 (each part is escaped above)


PLACE_GROUPS = [
    (PlaceKind.COUNTRY, _("Countries")),
    (PlaceKind.REGION, _("Regions")),
    (PlaceKind.CITY, _("Cities")),
    (PlaceKind.DISTRICT, _("Districts")),
    (PlaceKind.TOWN, _("Towns, settlements and villages")),
    (PlaceKind.SETTLEMENT, _("Towns, settlements and villages")),
    (PlaceKind.VILLAGE, _("Towns, settlements and villages")),
    (PlaceKind.RURAL_DISTRICT, _("Rural districts")),
]


def offered_organizations(figures: SearchFigures, selected_ids: dict[str, int]) -> set[int]:
    """The organisations the donor and organisation facets offer (their labels are read in one
    query by the caller)."""
    ids = set()
    for name in ("donor", "organization"):
        counts = figures.facets.get(name, {})
        ids.update(_top(counts, selected_ids.get(name)))
    return ids


def project_facets(
    figures: SearchFigures,
    *,
    cleaned: dict,
    selected_ids: dict[str, int],
    tree: PlaceTree,
    organizations: dict[int, Organization],
) -> dict[str, Facet]:
    facets = figures.facets
    return {
        "place": _place_facet(facets.get("place", {}), tree, cleaned.get("place")),
        "donor": _organization_facet("donor", figures, selected_ids.get("donor"), organizations),
        "organization": _organization_facet(
            "organization", figures, selected_ids.get("organization"), organizations
        ),
        "sector": _sector_facet(facets.get("sector", {}), cleaned.get("sector")),
        "status": _choice_facet(
            "status", facets.get("status", {}), ProjectStatus.choices, cleaned.get("status")
        ),
        "year": _year_facet(facets.get("year", {}), cleaned.get("year")),
        "currency": _choice_facet(
            "currency",
            facets.get("currency", {}),
            [(code, code) for code in sorted(facets.get("currency", {}))],
            cleaned.get("currency"),
        ),
        "language": _choice_facet(
            "language", facets.get("language", {}), settings.LANGUAGES, cleaned.get("language")
        ),
    }


def _top(counts: dict[int, int], selected: int | None) -> list[int]:
    ranked = heapq.nsmallest(ORGANIZATION_FACET_LIMIT, counts, key=lambda pk: (-counts[pk], pk))
    if selected is not None and selected not in ranked:
        ranked.append(selected)
    return ranked


def _place_facet(counts: dict[int, int], tree: PlaceTree, selected: str | None) -> Facet:
    """A project working in Pavlodar counts for Pavlodar, Pavlodar Region and Kazakhstan."""
    group_of_kind = dict(PLACE_GROUPS)
    group_order = list(dict.fromkeys(str(label) for _kind, label in PLACE_GROUPS))
    small = [pk for pk, count in counts.items() if count and pk in tree.places
             and tree.places[pk].kind not in MAIN_PLACE_KINDS]  # fmt: skip
    offered_small = set(heapq.nlargest(SMALL_PLACE_FACET_LIMIT, small, key=counts.__getitem__))
    if selected in tree.id_of_slug:
        offered_small.add(tree.id_of_slug[selected])
    options = []
    for pk, count in counts.items():
        place = tree.places.get(pk)
        if place is None or not count:
            continue
        if place.kind not in MAIN_PLACE_KINDS and pk not in offered_small:
            continue
        options.append(
            FacetOption(
                value=place.slug,
                label=tree.name(pk),
                count=count,
                selected=place.slug == selected,
                group=str(group_of_kind[place.kind]),
            )
        )
    options.sort(key=lambda option: (group_order.index(option.group), sort_key(option.label)))
    return Facet("place", options, more=len(small) - len(offered_small & set(small)))


def _organization_facet(
    name: str, figures: SearchFigures, selected: int | None, organizations
) -> Facet:
    counts = figures.facets.get(name, {})
    offered = [pk for pk in _top(counts, selected) if pk in organizations]
    options = [
        FacetOption(
            organizations[pk].slug, str(organizations[pk]), counts.get(pk, 0), pk == selected
        )
        for pk in offered
    ]
    options.sort(key=lambda option: (-option.count, sort_key(option.label)))
    matching = figures.facet_sizes.get(name, len(counts))
    more = matching - len([pk for pk in offered if counts.get(pk)])
    return Facet(name, options, more=max(more, 0))


def _sector_facet(counts: dict[str, int], selected: str | None) -> Facet:
    """The themes with matching projects, most projects first (names in one query)."""
    codes = [code for code, count in counts.items() if count]
    if selected and selected not in codes:
        codes.append(selected)
    if not codes:
        return Facet("sector")
    sectors = Sector.objects.filter(code__in=codes).only("code", *translated_fields("name"))
    options = [
        FacetOption(sector.code, sector.name, counts.get(sector.code, 0), sector.code == selected)
        for sector in sectors
    ]
    options.sort(key=lambda option: (-option.count, sort_key(option.label)))
    return Facet("sector", options)


def _choice_facet(name: str, counts: dict, choices, selected) -> Facet:
    return Facet(
        name,
        [
            FacetOption(value, str(label), counts[value], value == selected)
            for value, label in choices
            if counts.get(value)
        ],
    )


def _year_facet(counts: dict[int, int], selected) -> Facet:
    selected_year = int(selected) if selected is not None else None
    return Facet(
        "year",
        [
            FacetOption(str(year), str(year), count, year == selected_year)
            for year, count in sorted(counts.items(), reverse=True)
        ],
    )
