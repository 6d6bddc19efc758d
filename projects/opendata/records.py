"""The registry as JSON records, in the format of the reviewed seed records (seeds/README.md).

An export holds, for each project, the record `load_seeds` reads (source text embedded instead
of a file name), plus the places those records refer to, in the gazetteer's format. The
project's own import of it (`manage.py load_records FILE`) rebuilds the same rows, so an
export loaded into an empty database and exported again gives the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ..models import (
    Contact,
    FundingLine,
    Organization,
    Participation,
    Place,
    Project,
    SourceDocument,
)
from ..places import PlaceTree

FORMAT = "grant-project-registry/records/1"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
CHUNK = 200  # projects per database round trip while streaming


def records_queryset(projects: QuerySet) -> QuerySet:
    """Everything a record holds, in a fixed number of queries per chunk of projects."""
    organizations = Organization.objects.select_related("city").prefetch_related("aliases")
    return projects.prefetch_related(
        "keywords",
        Prefetch("places", queryset=Place.objects.select_related("parent__parent__parent")),
        Prefetch(
            "participations",
            queryset=Participation.objects.order_by("id").prefetch_related(
                Prefetch("organization", queryset=organizations)
            ),
        ),
        Prefetch(
            "funding_lines", queryset=FundingLine.objects.select_related("donor").order_by("id")
        ),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("organization__city")
            .prefetch_related("organization__aliases")
            .order_by("id"),
        ),
        Prefetch("sources", queryset=SourceDocument.objects.order_by("id")),
    )


def stream_export(projects: QuerySet) -> Iterator[str]:
    """The export document as JSON text in pieces, one project at a time."""
    place_ids: set[int] = set()
    yield f'{{"format": {json.dumps(FORMAT)}, "exported": "{timezone.now().isoformat()}", '
    yield '"projects": ['
    for index, project in enumerate(records_queryset(projects).iterator(chunk_size=CHUNK)):
        place_ids.update(place.pk for place in project.places.all())
        place_ids.update(
            p.organization.city_id for p in project.participations.all() if p.organization.city_id
        )
        yield ("," if index else "") + "\n" + _dumps(project_record(project))
    yield '\n], "places": ['
    for index, place in enumerate(places_with_ancestors(place_ids)):
        yield ("," if index else "") + "\n" + _dumps(place)
    yield "\n]}\n"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- One project ------------------------------------------------------------------------------


def translated(instance, field: str) -> dict | None:
    values = {language: getattr(instance, f"{field}_{language}") or "" for language in LANGUAGES}
    return values if any(values.values()) else None


def translated_lines(project: Project, field: str) -> list[dict]:
    """ "objectives" as one {ru, kk, en} item per line (lines are matched by position)."""
    lines = {
        language: [
            line.strip()
            for line in (getattr(project, f"{field}_{language}") or "").splitlines()
            if line.strip()
        ]
        for language in LANGUAGES
    }
    count = max(len(items) for items in lines.values())
    return [
        {language: (items[i] if i < len(items) else "") for language, items in lines.items()}
        for i in range(count)
    ]


def project_record(project: Project) -> dict:
    participations = list(project.participations.all())
    organizations = {p.organization.slug: p.organization for p in participations}
    for contact in project.contacts.all():
        if contact.organization_id and contact.organization.slug not in organizations:
            organizations[contact.organization.slug] = contact.organization
    sources = [source_record(source) for source in project.sources.all()]
    # Only load-test data carries the mark, so real records keep their exact shape.
    synthetic = {"synthetic": True} if project.is_synthetic else {}
    return {
        "source": sources[0] if sources else None,
        "other_sources": sources[1:],
        "project": {
            **synthetic,
            "slug": project.slug,
            "published": project.is_published,
            "original_language": project.original_language,
            "title": translated(project, "title"),
            "summary": translated(project, "summary"),
            "description": translated(project, "description"),
            "objectives": translated_lines(project, "objectives"),
            "results": translated_lines(project, "results"),
            "keywords": [translated(keyword, "name") for keyword in project.keywords.all()],
            "start": project.start.isoformat(),
            "end": project.end.isoformat(),
            "duration_months": project.duration_months,
            "contract_number": project.contract_number or None,
            "participations": [
                {"organization": p.organization.slug, "role": p.role} for p in participations
            ],
            "funding": [funding_record(line) for line in project.funding_lines.all()],
            "places": [place.slug for place in project.places.all()],
            "contacts": [contact_record(contact) for contact in project.contacts.all()],
        },
        "organizations": [organization_record(o) for o in organizations.values()],
    }


def source_record(source: SourceDocument) -> dict:
    return {
        "file": source.file_name,
        "language": source.language,
        "title": source.title or None,
        "published": source.published_on.isoformat() if source.published_on else None,
        "publisher": translated(source, "publisher"),
        "url": source.url or None,
        "text": source.text,
        "extraction": source.extraction,
    }


def funding_record(line: FundingLine) -> dict:
    amount = line.amount.normalize()
    return {
        "donor": line.donor.slug if line.donor_id else None,
        "amount": f"{amount:f}",
        "currency": line.currency,
        "kind": line.kind,
        "qualifier": line.qualifier,
        "note": translated(line, "note"),
    }


def contact_record(contact: Contact) -> dict:
    return {
        "name": translated(contact, "name"),
        "position": translated(contact, "position"),
        "organization": contact.organization.slug if contact.organization_id else None,
        "phones": contact.phones,
        "emails": contact.emails,
    }


def organization_record(organization: Organization) -> dict:
    return {
        "slug": organization.slug,
        "name": translated(organization, "name"),
        "short_name": translated(organization, "short_name"),
        "kind": organization.kind,
        "country": organization.country or None,
        "city": organization.city.slug if organization.city_id else None,
        "address": translated(organization, "address"),
        "phones": organization.phones,
        "emails": organization.emails,
        "website": organization.website or None,
        "links": organization.links,
        "aliases": sorted(alias.name for alias in organization.aliases.all()),
    }


# --- Places -----------------------------------------------------------------------------------


def places_with_ancestors(place_ids: Iterable[int]) -> list[dict]:
    """The places, and every place they lie in, parents first, in the gazetteer's format."""
    tree = PlaceTree.load()
    wanted: set[int] = set()
    for place_id in place_ids:
        wanted.update(tree.with_ancestors(place_id))
    places = Place.objects.filter(pk__in=wanted).select_related("parent")
    places = places.prefetch_related("aliases")
    depth = {place_id: len(tree.with_ancestors(place_id)) for place_id in wanted}
    ordered = sorted(places, key=lambda place: (depth[place.pk], place.slug))
    return [place_record(place) for place in ordered]


def place_record(place: Place) -> dict:
    return {
        "slug": place.slug,
        "kind": place.kind,
        "parent": place.parent.slug if place.parent_id else None,
        "country_code": place.country_code or None,
        "name": translated(place, "name"),
        "aliases": sorted(alias.name for alias in place.aliases.all()),
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "geonames_id": place.geonames_id,
        "population": place.population,
        "source": place.source or "registry editors",
    }
