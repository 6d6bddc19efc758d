"""The extractor's resources as the registry holds them: its places and its donors.

The extractor (projects.ingest) imports nothing from Django and reads the gazetteer file and its
own donor lexicon by default. An import reads the registry instead, so that a place or an alias
an editor added ("Өскемен", "НПО «Эхо»", a donor the lexicon lacks) is known the next time a
release names it. Both are built once per state of the data (caching.data_version), not per
import.
"""

import functools

from django.db.models import Exists, OuterRef

from .caching import data_version
from .ingest.donors import DonorBook
from .ingest.places import Gazetteer
from .models import FundingLine, Organization, Participation, ParticipationRole, Place


def extraction_resources() -> tuple[Gazetteer, DonorBook]:
    """(gazetteer, donor book) for the current data."""
    return _resources(data_version())


@functools.lru_cache(maxsize=2)
def _resources(_version: str) -> tuple[Gazetteer, DonorBook]:
    return registry_gazetteer(), registry_donors()


def forget() -> None:
    """Drop the built resources (tests: a rolled-back test restores an older data version)."""
    _resources.cache_clear()


def registry_gazetteer() -> Gazetteer:
    """Every place of the registry with its names in three languages and its aliases."""
    places = Place.objects.select_related("parent").prefetch_related("aliases")
    return Gazetteer(
        [
            {
                "slug": place.slug,
                "kind": place.kind,
                "parent": place.parent.slug if place.parent else None,
                "country_code": place.country_code,
                "name": {lang: getattr(place, f"name_{lang}") or "" for lang in ("ru", "kk", "en")},
                "aliases": [alias.name for alias in place.aliases.all()],
                "population": place.population or 0,
            }
            for place in places
        ]
    )


def names_of(organization: Organization) -> list[str]:
    """Every way the registry writes an organisation's name: its names and short names in
    three languages and its aliases (prefetched), empty ones left out."""
    names = [
        getattr(organization, f"{field}_{language}")
        for field in ("name", "short_name")
        for language in ("ru", "kk", "en")
    ] + [alias.name for alias in organization.aliases.all()]
    return [name for name in names if name]


def registry_donors() -> DonorBook:
    """The lexicon, and every organisation the registry records as a donor by its names and
    aliases: under its English name, which the importer matches it by."""
    # Exists, not joins: a donor of thousands of projects is one row, not participations times
    # funding lines (a join of both took ten minutes at 100,000 projects).
    funds = FundingLine.objects.filter(donor=OuterRef("pk"))
    gives = Participation.objects.filter(organization=OuterRef("pk"), role=ParticipationRole.DONOR)
    donors = Organization.objects.filter(Exists(funds) | Exists(gives)).prefetch_related("aliases")
    extra = {
        organization.name_en or organization.name: tuple(names_of(organization))
        for organization in donors
    }
    return DonorBook.default().with_names(extra)
