"""The writing half of the generator: synthetic_projects_generate() inserts the records of
records.py in bulk, batch by batch; synthetic_data_delete() removes every synthetic row."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import translation

from .. import caching, indexing
from ..models import (
    Contact,
    FundingLine,
    Keyword,
    Organization,
    OrganizationKind,
    Participation,
    Place,
    Project,
    ProjectSector,
    SourceDocument,
    text_sha256,
)
from ..sectors import ensure_codelist
from .organizations import donor_records, keyword_records, organization_records
from .phrases import Text
from .records import (
    ContactRecord,
    FundingRecord,
    GazetteerPlace,
    KeywordRecord,
    OrganizationRecord,
    OrganizationRef,
    ProjectRecord,
    World,
    default_organization_count,
    project_record,
    project_slug,
)
from .texts import LANGUAGES, MARKER

PUBLISHER = Text(
    "Генератор синтетических данных (generate_projects)",
    "Синтетикалық деректер генераторы (generate_projects)",
    "Synthetic data generator (generate_projects)",
)


class SyntheticDataError(Exception):
    """The generator cannot run: the message says what to do."""


@dataclass
class GenerationReport:
    """Rows created per kind, rows found already there per kind, and the time taken."""

    created: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def synthetic_projects_generate(
    *,
    count: int,
    seed: int = 1,
    donors: int = 30,
    organizations: int | None = None,
    batch_size: int = 2000,
    progress: Callable[[int, int, GenerationReport], None] | None = None,
) -> GenerationReport:
    """Write `count` synthetic published projects (and their organisations and keywords) in
    transactions of `batch_size` projects, skipping the slugs that already exist; keep the
    derived tables current batch by batch and change the data version at the end.

    Raises SyntheticDataError before writing anything when an argument is out of range or the
    gazetteer is not loaded."""
    organizations = default_organization_count(count) if organizations is None else organizations
    for name, value in (
        ("the number of projects", count),
        ("--donors", donors),
        ("--organizations", organizations),
        ("--batch-size", batch_size),
    ):
        if value < 1:
            raise SyntheticDataError(f"{name} must be at least 1 (got {value}).")
    places = _gazetteer()
    if not places:
        raise SyntheticDataError(
            "There are no places: the gazetteer is not loaded. "
            "Run `python manage.py load_seeds` first, then generate again."
        )
    ensure_codelist()  # the themes the projects get
    started = time.monotonic()
    report = GenerationReport()
    # Original (untranslated) columns are filled from the active language: make it the default.
    with translation.override(settings.LANGUAGE_CODE):
        with transaction.atomic():
            donor_refs = _ensure_organizations(donor_records(seed, donors, places), report)
            organization_refs = _ensure_organizations(
                organization_records(seed, organizations, places), report
            )
            keyword_ids = _ensure_keywords(keyword_records(), report)
        world = World(
            places=places,
            donors=donor_refs,
            implementers=[
                r for r in organization_refs if r.kind != OrganizationKind.LOCAL_AUTHORITY
            ],
            local_authorities=[
                r for r in organization_refs if r.kind == OrganizationKind.LOCAL_AUTHORITY
            ],
            keyword_ids=keyword_ids,
        )
        for first in range(0, count, batch_size):
            indices = range(first, min(first + batch_size, count))
            with transaction.atomic():
                _write_batch(seed, indices, world, report)
            if progress is not None:
                progress(indices.stop, count, report)
        if report.created:
            caching.new_data_version()
    report.seconds = time.monotonic() - started
    return report


def _gazetteer() -> list[GazetteerPlace]:
    rows = Place.objects.order_by("slug").values(
        "pk", "slug", "kind", "country_code", "population", "name_ru", "name_kk", "name_en"
    )
    return [
        GazetteerPlace(
            pk=row["pk"],
            slug=row["slug"],
            kind=row["kind"],
            country=row["country_code"],
            name=Text(*(row[f"name_{lang}"] or row["name_ru"] for lang in LANGUAGES)),
            population=row["population"] or 0,
        )
        for row in rows
    ]


def _ensure_organizations(records: list[OrganizationRecord], report: GenerationReport):
    """Create the organisations not there yet; the references of all, in the records' order."""
    existing = set(
        Organization.objects.filter(slug__in=[r.slug for r in records]).values_list(
            "slug", flat=True
        )
    )
    new = [
        Organization(
            slug=record.slug,
            kind=record.kind,
            country=record.country,
            city_id=record.city_id,
            phones=list(record.phones),
            emails=list(record.emails),
            website=record.website,
            is_synthetic=True,
            **{
                f"name_{lang}": getattr(MARKER, lang) + getattr(record.name, lang)
                for lang in LANGUAGES
            },
        )
        for record in records
        if record.slug not in existing
    ]
    Organization.objects.bulk_create(new, batch_size=1000)
    report.created["organisations"] += len(new)
    report.skipped["organisations"] += len(existing)
    pks = dict(
        Organization.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", "pk")
    )
    return [OrganizationRef(pks[r.slug], r.name, r.city_id, r.kind) for r in records]


def _ensure_keywords(records: list[KeywordRecord], report: GenerationReport) -> dict[str, int]:
    slugs = [record.slug for record in records]
    existing = set(Keyword.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    new = [
        Keyword(
            slug=record.slug,
            is_synthetic=True,
            **{f"name_{lang}": getattr(record.name, lang) for lang in LANGUAGES},
        )
        for record in records
        if record.slug not in existing
    ]
    Keyword.objects.bulk_create(new)
    report.created["keywords"] += len(new)
    report.skipped["keywords"] += len(existing)
    return dict(Keyword.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def _write_batch(seed: int, indices: range, world: World, report: GenerationReport) -> None:
    """Insert the batch's missing projects and their rows, then rebuild their derived rows."""
    slugs = {project_slug(seed, index): index for index in indices}
    existing = set(Project.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    report.skipped["projects"] += len(existing)
    records = [project_record(seed, i, world) for slug, i in slugs.items() if slug not in existing]
    if not records:
        return
    projects = Project.objects.bulk_create([_project(record) for record in records], batch_size=500)
    # bulk_create stamps created_at with the present moment (auto_now_add): spread it as the
    # records say (published_at holds it), so that "newest first" means something.
    moment = models.F("published_at")
    Project.objects.filter(pk__in=[p.pk for p in projects]).update(
        created_at=moment, updated_at=moment
    )

    rows: dict[type[models.Model], list[models.Model]] = {
        Participation: [],
        FundingLine: [],
        Contact: [],
        SourceDocument: [],
        Project.places.through: [],
        Project.keywords.through: [],
        ProjectSector: [],
    }
    for project, record in zip(projects, records, strict=True):
        rows[Participation] += [
            Participation(project=project, organization_id=pk, role=role)
            for pk, role in record.participations
        ]
        rows[FundingLine] += [_funding_line(project, line) for line in record.funding]
        rows[Contact] += [_contact(project, contact) for contact in record.contacts]
        rows[SourceDocument].append(_source_document(project, record))
        rows[Project.places.through] += [
            Project.places.through(project=project, place_id=pk) for pk in record.place_ids
        ]
        rows[Project.keywords.through] += [
            Project.keywords.through(project=project, keyword_id=pk) for pk in record.keyword_ids
        ]
        rows[ProjectSector] += [
            ProjectSector(project=project, sector_id=code, percentage=share)
            for code, share in record.sectors
        ]
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=1000)
        report.created[_kind(model)] += len(objects)
    report.created["projects"] += len(projects)
    # bulk_create sends no signals: rebuild the derived rows of these projects here.
    indexing.refresh_projects([project.pk for project in projects])


def _kind(model: type[models.Model]) -> str:
    if model is Project.places.through:
        return "project places"
    if model is Project.keywords.through:
        return "project keywords"
    with translation.override("en"):
        return str(model._meta.verbose_name_plural)


def _project(record: ProjectRecord) -> Project:
    texts = {
        f"{name}_{lang}": getattr(text, lang)
        for name, text in record.texts.items()
        for lang in LANGUAGES
    }
    return Project(
        slug=record.slug,
        start_date=record.start[0],
        start_precision=record.start[1],
        end_date=record.end[0],
        end_precision=record.end[1],
        duration_months=record.duration_months,
        contract_number=record.contract_number,
        original_language=record.original_language,
        is_published=True,
        published_at=record.created_at,
        is_synthetic=True,
        **texts,
    )


def _funding_line(project: Project, line: FundingRecord) -> FundingLine:
    note = line.note or Text("", "", "")
    return FundingLine(
        project=project,
        donor_id=line.donor_id,
        amount=Decimal(line.amount),
        currency=line.currency,
        kind=line.kind,
        qualifier=line.qualifier,
        **{f"note_{lang}": getattr(note, lang) for lang in LANGUAGES},
    )


def _contact(project: Project, contact: ContactRecord) -> Contact:
    return Contact(
        project=project,
        organization_id=contact.organization_id,
        phones=list(contact.phones),
        emails=list(contact.emails),
        **{f"name_{lang}": getattr(contact.name, lang) for lang in LANGUAGES},
        **{f"position_{lang}": getattr(contact.position, lang) for lang in LANGUAGES},
    )


def _source_document(project: Project, record: ProjectRecord) -> SourceDocument:
    source = record.source
    return SourceDocument(
        project=project,
        file_name=f"{record.slug}.txt",
        title=source.title,
        text=source.text,
        sha256=text_sha256(source.text),  # save() computes it; bulk_create does not call save()
        language=record.original_language,
        published_on=source.published_on,
        **{f"publisher_{lang}": getattr(PUBLISHER, lang) for lang in LANGUAGES},
    )


@transaction.atomic
def synthetic_data_delete() -> Counter:
    """Delete every synthetic project, organisation and keyword and the rows that belong to
    them, in one transaction; returns the number of rows deleted per kind.

    Rows are deleted in SQL, following each foreign key's on_delete (CASCADE deletes, SET_NULL
    clears, PROTECT refuses), instead of QuerySet.delete(), which would load and send signals
    for each of the million rows of 100,000 projects. Real projects linked to a synthetic
    keyword lose the link and have their derived rows rebuilt; a real project that names a
    synthetic organisation stops the deletion (SyntheticDataError), and nothing is deleted."""
    counts: Counter = Counter()
    relinked = list(
        Project.keywords.through.objects.filter(
            keyword__is_synthetic=True, project__is_synthetic=False
        )
        .values_list("project_id", flat=True)
        .distinct()
    )
    for model in (Project, Organization, Keyword):
        _delete_with_dependents(model.objects.filter(is_synthetic=True), counts)
    if relinked:
        indexing.refresh_projects(relinked)
    caching.new_data_version()
    return +counts


def _delete_with_dependents(queryset: models.QuerySet, counts: Counter, via=None) -> None:
    """Delete the queryset's rows (reached through the foreign key `via[0]` from the parent
    rows `via[1]`, or by primary key), after the rows that point to them."""
    model = queryset.model
    for relation in model._meta.get_fields(include_hidden=True):
        if relation.concrete or not (relation.one_to_many or relation.one_to_one):
            continue
        pointing = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": queryset}
        )
        if relation.on_delete is models.CASCADE:
            _delete_with_dependents(pointing, counts, via=(relation.field, queryset))
        elif relation.on_delete is models.SET_NULL:
            pointing.update(**{relation.field.name: None})
        elif relation.on_delete in (models.PROTECT, models.RESTRICT) and pointing.exists():
            with translation.override("en"):
                examples = "; ".join(str(row) for row in pointing[:3])
                raise SyntheticDataError(
                    f"Real records still refer to synthetic {model._meta.verbose_name_plural} "
                    f"({relation.related_model._meta.verbose_name_plural}: {examples}). "
                    "Unlink them first; nothing was deleted."
                )
    if via is None:
        column, source = model._meta.pk.column, queryset.values("pk")
    else:
        foreign_key, parents = via
        column, source = foreign_key.column, parents.values(foreign_key.target_field.attname)
    subquery, params = source.query.sql_with_params()
    quote = connection.ops.quote_name
    # Names quoted by the backend, values passed as parameters.
    delete = f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(column)} IN ({subquery})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(delete, params)
        counts[_kind(model)] += cursor.rowcount
