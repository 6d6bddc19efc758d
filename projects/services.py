"""Writes that carry rules. Views and commands call these; models stay free of side effects."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .models import (
    ExchangeRate,
    Keyword,
    Organization,
    OrganizationAlias,
    ParticipationRole,
    Place,
    PlaceAlias,
    Project,
    SourceDocument,
    normalize_name,
    text_sha256,
)
from .partial_dates import parse_partial_date
from .seed_schema import Gazetteer, OrganizationRecord, SeedRecord, Translated
from .translit import ascii_slug

LANGUAGES = ("ru", "kk", "en")
GAZETTEER_FILE = "gazetteer.json"


class SeedError(Exception):
    """A seed file is wrong; the message names the file and the field."""


@dataclass
class LoadReport:
    """What a load did, per kind of record: created / updated / unchanged counts."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def add(self, kind: str, outcome: str, count: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += count

    def lines(self) -> list[str]:
        return [
            f"{kind}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            + (f", {c['deleted']} deleted" if c["deleted"] else "")
            for kind, c in self.counts.items()
        ]

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] + c["deleted"] for c in self.counts.values())


# --- Generic upsert -------------------------------------------------------------------------


def _upsert(
    model: type[models.Model],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    existing: models.Model | None = None,
    validate_in_python: bool = True,
) -> tuple[models.Model, str]:
    """Create or update one row so that it holds `values`; say which happened.

    Rows whose values already match are not saved, so a second load writes nothing.
    validate_in_python=False skips full_clean() for bulk data already validated by its schema;
    the database constraints still hold every row.
    """
    instance = existing
    if instance is None:
        instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        if validate_in_python:
            instance.full_clean()
        instance.save()
        return instance, "created"
    changed = [name for name, value in values.items() if not _holds(instance, name, value)]
    if not changed:
        return instance, "unchanged"
    for name in changed:
        setattr(instance, name, values[name])
    if validate_in_python:
        instance.full_clean()
    instance.save()
    return instance, "updated"


def _holds(instance: models.Model, name: str, value: Any) -> bool:
    """Whether the row already holds value; foreign keys compare ids (no query per row)."""
    field = instance._meta.get_field(name)
    if field.many_to_one:
        return getattr(instance, field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


def _translated(field_name: str, text: Translated | None) -> dict[str, str]:
    """{"title_ru": ..., "title_kk": ..., "title_en": ...}; empty strings for None."""
    return {f"{field_name}_{lang}": (getattr(text, lang) if text else "") for lang in LANGUAGES}


def _translated_lines(field_name: str, items: list[Translated]) -> dict[str, str]:
    return {
        f"{field_name}_{lang}": "\n".join(getattr(item, lang) for item in items)
        for lang in LANGUAGES
    }


def _add_aliases(alias_model, owner_field: str, names_by_owner: dict) -> int:
    """Add the aliases each owner does not have yet (editors' own aliases are kept).

    names_by_owner maps an owner (place or organisation) to the alias names it should have.
    """
    owner_ids = [owner.pk for owner in names_by_owner]
    known: dict[int, set[str]] = {owner_id: set() for owner_id in owner_ids}
    existing = alias_model.objects.filter(**{f"{owner_field}_id__in": owner_ids})
    for owner_id, normalized in existing.values_list(f"{owner_field}_id", "normalized"):
        known[owner_id].add(normalized)
    new_aliases = []
    for owner, names in names_by_owner.items():
        for name in names:
            normalized = normalize_name(name)
            if normalized and normalized not in known[owner.pk]:
                known[owner.pk].add(normalized)
                new_aliases.append(
                    alias_model(**{owner_field: owner}, name=name, normalized=normalized)
                )
    alias_model.objects.bulk_create(new_aliases, batch_size=500)
    return len(new_aliases)


# --- Reading seed files ---------------------------------------------------------------------


def format_validation_error(path, error: PydanticValidationError) -> str:
    problems = []
    for detail in error.errors():
        location = ".".join(str(part) for part in detail["loc"]) or "(top level)"
        problems.append(f"{_label(path)}: {location}: {detail['msg']}")
    return "\n".join(problems)


def read_gazetteer(path: Path) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gazetteer = Gazetteer.model_validate(data)
    except FileNotFoundError:
        raise SeedError(f"{path}: the gazetteer file is missing") from None
    except json.JSONDecodeError as error:
        raise SeedError(f"{path.name}: not valid JSON: {error}") from None
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    check_gazetteer(path.name, gazetteer)
    return gazetteer


def check_gazetteer(label: str, gazetteer: Gazetteer) -> None:
    """Slugs are unique and every parent is listed before its children."""
    seen: set[str] = set()
    for index, place in enumerate(gazetteer.places):
        where = f"{label}: places.{index} ({place.slug})"
        if place.slug in seen:
            raise SeedError(f"{where}: slug: listed twice")
        if place.parent is not None and place.parent not in seen:
            raise SeedError(f"{where}: parent: {place.parent!r} is not listed before it")
        seen.add(place.slug)


def read_record(path: Path) -> SeedRecord:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise SeedError(f"{path.name}: not UTF-8 text") from None
    try:
        record = SeedRecord.model_validate(data)
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    _check_reviewed(path, record)
    check_record_references(path.name, record, files_dir=path.parent)
    return record


def _check_reviewed(path: Path, record: SeedRecord) -> None:
    """Reviewed seed records have a source file and every text in all three languages."""
    if record.source is None or not record.source.file:
        raise SeedError(f"{path.name}: source.file: a seed record names its press release file")
    for location, text in _translated_texts(record):
        if not text.complete:
            missing = [lang for lang in LANGUAGES if not getattr(text, lang)]
            raise SeedError(f"{path.name}: {location}: missing {', '.join(missing)}")


def _translated_texts(model, location: str = ""):
    """Every Translated value inside a record, with its dotted location."""
    if isinstance(model, Translated):
        yield location, model
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _translated_texts(item, f"{location}.{index}")
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            path = f"{location}.{name}" if location else name
            yield from _translated_texts(getattr(model, name), path)


def check_record_references(label: str, record: SeedRecord, files_dir: Path | None) -> None:
    """Everything a record refers to is defined in it (organisations) or exists (source files
    beside it, when the text is not embedded). Raises SeedError naming label and field."""
    defined = {organization.slug for organization in record.organizations}
    project = record.project
    references = [
        (f"project.participations.{i}.organization", p.organization)
        for i, p in enumerate(project.participations)
    ]
    references += [
        (f"project.funding.{i}.donor", line.donor)
        for i, line in enumerate(project.funding)
        if line.donor
    ]
    references += [
        (f"project.contacts.{i}.organization", contact.organization)
        for i, contact in enumerate(project.contacts)
        if contact.organization
    ]
    for location, slug in references:
        if slug not in defined:
            raise SeedError(f"{label}: {location}: organisation {slug!r} is not in organizations")
    donors = {p.organization for p in project.participations if p.role == ParticipationRole.DONOR}
    for i, line in enumerate(project.funding):
        if line.donor and line.donor not in donors:
            raise SeedError(
                f"{label}: project.funding.{i}.donor: {line.donor!r} gives money but has no "
                "participation with the role donor"
            )
    start = parse_partial_date(project.start)
    end = parse_partial_date(project.end, period_end=True)
    if start.date and end.date and end.date < start.date:
        raise SeedError(f"{label}: project.end: {project.end} is before the start {project.start}")
    for index, source in enumerate(record.sources):
        if source.text is None and not (files_dir and (files_dir / source.file).is_file()):
            where = "source" if index == 0 else f"other_sources.{index - 1}"
            raise SeedError(f"{label}: {where}.file: {source.file!r} is not in {files_dir}")


LIST_FACTS = ("aliases", "phones", "emails", "links")


def merge_organizations(records: dict) -> dict[str, OrganizationRecord]:
    """One organisation per slug across all records; conflicting facts are an error."""
    merged: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    for path, record in records.items():
        for organization in record.organizations:
            facts = organization.model_dump(exclude_none=True)
            if organization.slug not in merged:
                merged[organization.slug], origin[organization.slug] = facts, path
                continue
            try:
                _merge_facts(merged[organization.slug], facts)
            except ValueError as conflict:
                raise SeedError(
                    f"{_label(path)}: organizations ({organization.slug}): {conflict} "
                    f"in {_label(origin[organization.slug])}"
                ) from None
    return {slug: OrganizationRecord.model_validate(facts) for slug, facts in merged.items()}


def _label(key) -> str:
    return key.name if isinstance(key, Path) else str(key)


def _merge_facts(known: dict[str, Any], facts: dict[str, Any]) -> None:
    """Lists are united; a fact is added where missing; two different values are a conflict."""
    for name, value in facts.items():
        if name in LIST_FACTS:
            known[name] = list(dict.fromkeys(known.get(name, []) + value))
        elif name not in known:
            known[name] = value
        elif known[name] != value:
            raise ValueError(f"{name}: {value!r} differs from {known[name]!r}")


# --- Writing --------------------------------------------------------------------------------


def gazetteer_load(*, gazetteer: Gazetteer, report: LoadReport) -> dict[str, Place]:
    places = {place.slug: place for place in Place.objects.all()}
    for record in gazetteer.places:
        values = {
            **_translated("name", record.name),
            "kind": record.kind,
            "parent": places[record.parent] if record.parent else None,
            "country_code": record.country_code or "",
            "latitude": _coordinate(record.latitude),
            "longitude": _coordinate(record.longitude),
            "geonames_id": record.geonames_id,
            "population": record.population,
            "source": record.source[:300],
        }
        place, outcome = _upsert(
            Place,
            lookup={"slug": record.slug},
            values=values,
            existing=places.get(record.slug),
            # Checked by the schema and read_gazetteer; the database constraints still apply.
            validate_in_python=False,
        )
        places[record.slug] = place
        report.add("places", outcome)
    aliases = {places[record.slug]: record.aliases for record in gazetteer.places}
    report.add("place aliases", "created", _add_aliases(PlaceAlias, "place", aliases))
    return places


def _coordinate(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.000001"))


def organization_upsert_from_record(
    *, record: OrganizationRecord, places: dict[str, Place], report: LoadReport
) -> Organization:
    if record.city and record.city not in places:
        raise SeedError(
            f"organizations ({record.slug}): city: {record.city!r} is not in the gazetteer"
        )
    values = {
        **_translated("name", record.name),
        **_translated("short_name", record.short_name),
        **_translated("address", record.address),
        "kind": record.kind,
        "country": record.country or "",
        "city": places.get(record.city) if record.city else None,
        "phones": record.phones,
        "emails": record.emails,
        "website": record.website or "",
        "links": record.links,
    }
    organization, outcome = _upsert(Organization, lookup={"slug": record.slug}, values=values)
    report.add("organisations", outcome)
    aliases_added = _add_aliases(OrganizationAlias, "organization", {organization: record.aliases})
    report.add("organisation aliases", "created", aliases_added)
    return organization


def project_upsert_from_record(
    *,
    record: SeedRecord,
    source_texts: list[str],
    organizations: dict[str, Organization],
    places: dict[str, Place],
    report: LoadReport,
) -> Project:
    """Create or update a project, its links and its source so that they match the record."""
    data = record.project
    start = parse_partial_date(data.start)
    end = parse_partial_date(data.end, period_end=True)
    values = {
        **_translated("title", data.title),
        **_translated("summary", data.summary),
        **_translated("description", data.description),
        **_translated_lines("objectives", data.objectives),
        **_translated_lines("results", data.results),
        "start_date": start.date,
        "start_precision": start.precision,
        "end_date": end.date,
        "end_precision": end.precision,
        "duration_months": data.duration_months,
        "contract_number": data.contract_number or "",
        "original_language": record.language,
        "is_published": data.published,
    }
    project, outcome = _upsert(Project, lookup={"slug": data.slug}, values=values)
    report.add("projects", outcome)
    if project.is_published and project.published_at is None:
        project.published_at = timezone.now()
        project.save(update_fields=["published_at"])

    _sync_keywords(project, data.keywords, report)
    _sync_places(project, data.places, places, report)
    _sync_participations(project, data.participations, organizations, report)
    _sync_funding(project, data.funding, organizations, report)
    _sync_contacts(project, data.contacts, organizations, report)
    _sync_sources(project, record.sources, source_texts, report)
    return project


def _sync_keywords(project: Project, keywords: list[Translated], report: LoadReport) -> None:
    wanted = []
    for keyword in keywords:
        instance, outcome = _upsert(
            Keyword,
            lookup={"slug": ascii_slug(keyword.en or keyword.ru or keyword.kk, 120)},
            values=_translated("name", keyword),
        )
        report.add("keywords", outcome)
        wanted.append(instance)
    if set(project.keywords.all()) != set(wanted):
        project.keywords.set(wanted)
        report.add("project links", "updated")


def _sync_places(project: Project, slugs: list[str], places: dict[str, Place], report) -> None:
    missing = [slug for slug in slugs if slug not in places]
    if missing:
        raise SeedError(
            f"project ({project.slug}): places: not in the gazetteer: {', '.join(missing)}"
        )
    wanted = {places[slug] for slug in slugs}
    if set(project.places.all()) != wanted:
        project.places.set(wanted)
        report.add("project links", "updated")


def _replace_rows(
    project: Project,
    manager,
    wanted: list[dict[str, Any]],
    compare: list[str],
    kind: str,
    report: LoadReport,
) -> None:
    """Make a project's rows equal `wanted` (in order); rows already equal are left alone."""
    current = list(manager.order_by("id"))
    as_dicts = [{name: getattr(row, name) for name in compare} for row in current]
    if as_dicts == wanted:
        for _ in current:
            report.add(kind, "unchanged")
        return
    for _ in current:
        report.add(kind, "deleted")
    manager.all().delete()
    for values in wanted:
        row = manager.model(project=project, **values)
        row.full_clean()
        row.save()
        report.add(kind, "created")


def _sync_participations(project, participations, organizations, report) -> None:
    wanted = [
        {"organization": organizations[p.organization], "role": p.role} for p in participations
    ]
    _replace_rows(
        project, project.participations, wanted, ["organization", "role"], "participations", report
    )


def _sync_funding(project, funding, organizations, report) -> None:
    wanted = [
        {
            "donor": organizations[line.donor] if line.donor else None,
            "amount": line.decimal_amount,
            "currency": line.currency,
            "kind": line.kind,
            "qualifier": line.qualifier,
            **_translated("note", line.note),
        }
        for line in funding
    ]
    _replace_rows(
        project,
        project.funding_lines,
        wanted,
        list(wanted[0]) if wanted else [],
        "funding lines",
        report,
    )


def _sync_contacts(project, contacts, organizations, report) -> None:
    wanted = [
        {
            **_translated("name", contact.name),
            **_translated("position", contact.position),
            "organization": organizations[contact.organization] if contact.organization else None,
            "phones": contact.phones,
            "emails": contact.emails,
        }
        for contact in contacts
    ]
    _replace_rows(
        project, project.contacts, wanted, list(wanted[0]) if wanted else [], "contacts", report
    )


def _sync_sources(project: Project, sources, texts: list[str], report: LoadReport) -> None:
    """The project's sources are exactly the record's, found again by their text."""
    kept = []
    for source, text in zip(sources, texts, strict=True):
        values = {
            "project": project,
            "text": text,
            "file_name": source.file,
            "title": source.title or "",
            "language": source.language,
            "published_on": parse_partial_date(source.published).date,
            **_translated("publisher", source.publisher),
            "url": source.url or "",
            "extraction": source.extraction,
        }
        document, outcome = _upsert(
            SourceDocument, lookup={"sha256": text_sha256(text)}, values=values
        )
        kept.append(document.pk)
        report.add("source documents", outcome)
    stale = project.sources.exclude(pk__in=kept)
    report.add("source documents", "deleted", stale.count())
    stale.delete()


EXCHANGE_RATES_FILE = "exchange_rates.yaml"


def exchange_rates_load(*, path: Path, report: LoadReport) -> None:
    """Annual average rates of EUR, USD and KZT from the ECB (USD per EUR) and the National
    Bank of Kazakhstan (KZT per USD) series in seeds/exchange_rates.yaml."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ecb, nbk = data["sources"]["ecb"], data["sources"]["nbk"]
        averages = {
            int(year): (Decimal(usd_per_eur), Decimal(kzt_per_usd))
            for year, (usd_per_eur, kzt_per_usd) in data["annual_averages"].items()
        }
    except FileNotFoundError:
        raise SeedError(f"{path.name}: the exchange rate file is missing") from None
    except (yaml.YAMLError, KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise SeedError(f"{path.name}: not a valid rate table: {error!r}") from None
    derived = f"{nbk['name']} × {ecb['name']}"  # KZT in EUR comes from both series
    for year, (usd_per_eur, kzt_per_usd) in sorted(averages.items()):
        if usd_per_eur <= 0 or kzt_per_usd <= 0:
            raise SeedError(f"{path.name}: annual_averages.{year}: rates must be positive")
        rows = {
            "EUR": (Decimal(1), usd_per_eur, ecb["name"], ecb["url"]),
            "USD": (1 / usd_per_eur, Decimal(1), ecb["name"], ecb["url"]),
            "KZT": (1 / (kzt_per_usd * usd_per_eur), 1 / kzt_per_usd, derived, nbk["url"]),
        }
        for currency, (to_eur, to_usd, source, url) in rows.items():
            _, outcome = _upsert(
                ExchangeRate,
                lookup={"currency": currency, "year": year},
                values={
                    "rate_to_eur": to_eur.quantize(Decimal("1e-10")),
                    "rate_to_usd": to_usd.quantize(Decimal("1e-10")),
                    "source": source[:300],
                    "source_url": url,
                },
            )
            report.add("exchange rates", outcome)


@transaction.atomic
def seeds_load(*, seeds_dir: Path) -> LoadReport:
    """Load the gazetteer, the exchange rates and every reviewed record in seeds_dir, all or
    nothing."""
    gazetteer = read_gazetteer(seeds_dir / GAZETTEER_FILE)
    record_paths = sorted(seeds_dir.glob("[0-9][0-9][0-9]_*.yaml"))
    if not record_paths:
        raise SeedError(f"{seeds_dir}: no records (NNN_*.yaml) found")
    records = {path: read_record(path) for path in record_paths}

    def texts(record: SeedRecord) -> list[str]:
        return [
            source.text
            if source.text is not None
            else (seeds_dir / source.file).read_bytes().decode("utf-8")
            for source in record.sources
        ]

    report = records_load(records=records, gazetteer=gazetteer, texts=texts)
    exchange_rates_load(path=seeds_dir / EXCHANGE_RATES_FILE, report=report)
    return report


@transaction.atomic
def records_load(*, records: dict, gazetteer: Gazetteer, texts) -> LoadReport:
    """Load places, then organisations, then projects from records (keyed by the file or
    position they come from, for messages); `texts(record)` gives each source's text."""
    report = LoadReport()
    organization_records = merge_organizations(records)
    places = gazetteer_load(gazetteer=gazetteer, report=report)
    organizations = {
        slug: organization_upsert_from_record(record=record, places=places, report=report)
        for slug, record in organization_records.items()
    }
    for key, record in records.items():
        try:
            project_upsert_from_record(
                record=record,
                source_texts=texts(record),
                organizations=organizations,
                places=places,
                report=report,
            )
        except (SeedError, ValidationError) as error:
            raise SeedError(f"{_label(key)}: {_describe(error)}") from None
    return report


def _describe(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    return str(error)


# --- Editors --------------------------------------------------------------------------------

EDITORS_GROUP = "Editors"
# Editors keep records right: they add, change and view every registry record, and delete the
# rows that live inside a project (links, money, contacts, aliases). Deleting whole projects,
# organisations or places, and anything about users and groups, stays with administrators.
EDITOR_FULL_MODELS = [
    "participation",
    "fundingline",
    "contact",
    "organizationalias",
    "placealias",
    "sourcedocument",
    "exchangerate",
]
EDITOR_KEEP_MODELS = ["project", "organization", "place", "keyword"]


def editors_group_ensure() -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = [
        f"{action}_{model}"
        for model in EDITOR_FULL_MODELS
        for action in ("add", "change", "delete", "view")
    ] + [
        f"{action}_{model}" for model in EDITOR_KEEP_MODELS for action in ("add", "change", "view")
    ]
    permissions = Permission.objects.filter(
        content_type__app_label="projects", codename__in=codenames
    )
    if permissions.count() != len(codenames):
        raise RuntimeError("registry permissions are missing: run `python manage.py migrate` first")
    group.permissions.set(permissions)
    return group
