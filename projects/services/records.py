"""Loading records (the reviewed seeds, JSON exports) into the database, in bulk.

A load is one transaction in three steps:
1. checks on the whole file that no single row can make: references between records, slugs
   and source texts listed twice, places that exist (the schema has checked each record);
2. places, organisations and keywords, then the projects and their rows CHUNK records at a
   time (project_rows.py), each table read once per batch and only its differences written,
   after the models' own validation of the rows to write (bulk.py);
3. the derived tables of the projects that changed, rebuilt once at the end
   (indexing.batch), and a new data version only if something changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from .. import history, indexing
from ..models import (
    Keyword,
    Organization,
    OrganizationAlias,
    Participation,
    Place,
    PlaceAlias,
    Project,
    ProjectPlaceIndex,
    text_sha256,
)
from ..sectors import ensure_codelist
from ..seed_schema import Gazetteer, OrganizationRecord, SeedRecord
from .bulk import add_aliases, in_batches, plan_upsert, validate, write
from .checks import check_records, merge_organizations, record_label
from .evidence_rows import evidence_load
from .project_rows import projects_load
from .record_values import (
    ORGANIZATION_FIELDS,
    PLACE_FIELDS,
    Entry,
    Targets,
    keyword_slug,
    keyword_values,
    organization_values,
    place_values,
)


@dataclass
class LoadReport:
    """What a load did, per kind of record: created / updated / unchanged counts."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def add(self, kind: str, outcome: str, count: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += count

    def add_plan(self, kind: str, plan) -> None:
        """The counts of a written bulk.Plan: rows created, updated and already right."""
        self.add(kind, "created", len(plan.created))
        self.add(kind, "updated", len(plan.updated))
        self.add(kind, "unchanged", plan.unchanged)

    def lines(self) -> list[str]:
        return [
            f"{kind}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            + (f", {c['deleted']} deleted" if c["deleted"] else "")
            for kind, c in self.counts.items()
        ]

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] + c["deleted"] for c in self.counts.values())


# --- The load ----------------------------------------------------------------------------------


@transaction.atomic
def records_load(
    *,
    records: dict,
    gazetteer: Gazetteer,
    texts: Callable[[SeedRecord], list[str]],
    progress: Callable[[str], None] | None = None,
    via: str = "load_records",
    reviewed: bool = False,
) -> LoadReport:
    """Load places, then organisations and keywords, then projects from records (keyed by the
    file or position they come from, for messages); `texts(record)` gives each source's text.
    progress(message), if given, hears about each chunk of projects and the index rebuild.
    What changed is one revision of the records' history, from `via`. Reviewed records
    (seeds) must give evidence for every fact."""
    report = LoadReport()
    organizations = merge_organizations(records)
    entries = []
    for key, record in records.items():
        source_texts = texts(record)
        entries.append(
            Entry(
                label=record_label(key),
                record=record,
                texts=source_texts,
                shas=[text_sha256(text) for text in source_texts],
                keyword_slugs=[keyword_slug(keyword) for keyword in record.project.keywords],
            )
        )
    known_places = {place.slug for place in gazetteer.places}
    known_places.update(Place.objects.values_list("slug", flat=True))
    ensure_codelist()  # the themes records name
    check_records(entries, organizations, known_places, reviewed=reviewed)

    def index_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(f"search and place indexes: {done}/{total} projects")

    with indexing.batch(progress=index_progress):
        place_ids, changed_places = gazetteer_load(gazetteer=gazetteer, report=report)
        organization_ids, changed_organizations = organizations_load(
            organizations=organizations, place_ids=place_ids, report=report
        )
        keyword_ids, changed_keywords = keywords_load(entries=entries, report=report)
        changed_projects = projects_load(
            entries=entries,
            targets=Targets(place_ids, organization_ids, keyword_ids),
            report=report,
            progress=progress,
        )
        changed_projects |= evidence_load(entries=entries, report=report)
        _mark_stale(changed_projects, changed_places, changed_organizations, changed_keywords)
        history.record_changes(
            via,
            {
                Place: changed_places,
                Organization: changed_organizations,
                Project: changed_projects,
            },
        )
        if report.changed:
            indexing.mark_data_changed()
    return report


def _mark_stale(projects: set[int], places: set[int], organizations: set[int], keywords):
    """Bulk writes send no signals: the projects whose derived rows may have changed are
    named here (their own rows changed, or the names of their places, organisations or
    keywords did)."""
    if projects:
        indexing.mark_stale(projects)
    if places:
        within = ProjectPlaceIndex.objects.filter(place_id__in=sorted(places))
        indexing.mark_stale(
            within.values_list("project_id", flat=True).distinct(),
            {indexing.PLACES, indexing.NAMES},
        )
    if organizations:
        linked = Participation.objects.filter(organization_id__in=sorted(organizations))
        indexing.mark_stale(
            linked.values_list("project_id", flat=True).distinct(), {indexing.NAMES}
        )
    if keywords:
        linked = Project.keywords.through.objects.filter(keyword_id__in=sorted(keywords))
        indexing.mark_stale(
            linked.values_list("project_id", flat=True).distinct(), {indexing.NAMES}
        )


def gazetteer_load(*, gazetteer: Gazetteer, report: LoadReport) -> tuple[dict[str, int], set[int]]:
    """The gazetteer's places: new ones are inserted with the parents already known, then
    every place's parent is set (a parent may be new too). Returns the id of every place by
    slug, and the places whose names or position changed."""
    existing = {row["slug"]: row for row in Place.objects.values("pk", *PLACE_FIELDS)}
    ids = {slug: row["pk"] for slug, row in existing.items()}

    labels = {record.slug: f"places ({record.slug})" for record in gazetteer.places}
    new = {r.slug: place_values(r, ids) for r in gazetteer.places if r.slug not in existing}
    inserted = plan_upsert(existing={}, wanted=new)
    # Place.clean() walks the parents with a query each: check_gazetteer's order did its work.
    validate(Place, [(labels[slug], row) for slug, row in new.items()], exclude=["parent"])
    write(Place, inserted)
    ids.update(inserted.ids)
    existing.update({slug: {"pk": ids[slug], **row} for slug, row in new.items()})

    plan = plan_upsert(
        existing=existing, wanted={r.slug: place_values(r, ids) for r in gazetteer.places}
    )
    validate(Place, [(labels[slug], row) for slug, row in plan.rows_to_write()], exclude=["parent"])
    write(Place, plan)
    updated = [slug for slug in plan.updated if slug not in new]
    report.add("places", "created", len(new))
    report.add("places", "updated", len(updated))
    report.add("places", "unchanged", len(gazetteer.places) - len(new) - len(updated))
    aliases = {ids[record.slug]: record.aliases for record in gazetteer.places}
    added, with_new_aliases = add_aliases(PlaceAlias, "place", aliases)
    report.add("place aliases", "created", added)
    return ids, {ids[slug] for slug in updated} | with_new_aliases


def organizations_load(
    *, organizations: dict[str, tuple[OrganizationRecord, str]], place_ids, report
) -> tuple[dict[str, int], set[int]]:
    """Returns the id of every organisation by slug, and those whose names changed."""
    existing = {}
    for slugs in in_batches(list(organizations)):
        rows = Organization.objects.filter(slug__in=slugs).values("pk", *ORGANIZATION_FIELDS)
        existing.update({row["slug"]: row for row in rows})
    known_ids = {slug: row["pk"] for slug, row in existing.items()}
    wanted = {
        slug: organization_values(record, place_ids, known_ids)
        for slug, (record, _label) in organizations.items()
    }
    plan = plan_upsert(existing=existing, wanted=wanted)
    label = {
        slug: f"{origin}: organizations ({slug})" for slug, (_r, origin) in organizations.items()
    }
    rows = [(label[slug], values) for slug, values in plan.rows_to_write()]
    validate(Organization, rows, exclude=["city"])
    write(Organization, plan)
    _link_new_units(organizations, plan.ids, wanted)
    report.add_plan("organisations", plan)
    aliases = {plan.ids[slug]: record.aliases for slug, (record, _) in organizations.items()}
    added, with_new_aliases = add_aliases(OrganizationAlias, "organization", aliases)
    report.add("organisation aliases", "created", added)
    return plan.ids, plan.changed_ids | with_new_aliases


def _link_new_units(organizations, ids: dict[str, int], written: dict[str, dict]) -> None:
    """Units (part_of) of an organisation that this load created: set once both have ids."""
    for slug, (record, _label) in organizations.items():
        if record.part_of and written[slug]["part_of_id"] is None:
            Organization.objects.filter(pk=ids[slug]).update(part_of_id=ids[record.part_of])


def keywords_load(*, entries: list[Entry], report) -> tuple[dict[str, int], set[int]]:
    """Keywords are shared by projects and found by slug; when records name one differently,
    the last record's names are kept. Returns ids by slug and the keywords renamed."""
    wanted, labels = {}, {}
    for entry in entries:
        for index, (keyword, slug) in enumerate(
            zip(entry.record.project.keywords, entry.keyword_slugs, strict=True)
        ):
            wanted[slug] = keyword_values(keyword, slug)
            labels[slug] = f"{entry.label}: project.keywords.{index}"
    existing = {}
    for slugs in in_batches(list(wanted)):
        rows = Keyword.objects.filter(slug__in=slugs).values(
            "pk", "slug", "name_ru", "name_kk", "name_en"
        )
        existing.update({row["slug"]: row for row in rows})
    plan = plan_upsert(existing=existing, wanted=wanted)
    validate(Keyword, [(labels[slug], values) for slug, values in plan.rows_to_write()])
    write(Keyword, plan)
    report.add_plan("keywords", plan)
    return plan.ids, plan.changed_ids
