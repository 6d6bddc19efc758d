"""Press release -> unpublished draft project, linked to the records the registry already has.

The extractor (projects.ingest) reads the text; this service writes: it links the organisations,
donors and places it recognises (by name, alias, case and declension) and creates the ones it
does not, all in one transaction. The same text imported twice gives the same draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from django.db import transaction

from . import history, indexing
from .extraction_resources import extraction_resources, names_of
from .ingest import Extraction, extract
from .ingest.legal_forms import org_key
from .ingest.result import ContactFound, OrganizationFound, ValueFound
from .ingest.sentences import sentence_span
from .ingest.title import is_label_or_date
from .ingest.words import quoted_core
from .models import (
    Contact,
    FundingLine,
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Participation,
    ParticipationRole,
    Place,
    Project,
    SourceDocument,
    text_sha256,
)
from .partial_dates import parse_partial_date
from .translit import ascii_slug

_AKIMAT = re.compile(r"акимат|әкімдіг|әкімдік|akimat|administration", re.IGNORECASE)
SUMMARY_LENGTH = 600


@dataclass
class ImportReport:
    project: Project  # the first (or only) draft
    created: bool
    linked: list[str] = field(default_factory=list)
    new_records: list[str] = field(default_factory=list)
    extraction: Extraction | None = None
    # every draft made from the release: several when it announces several projects and the
    # editor asked for one draft each
    projects: list[Project] = field(default_factory=list)


# --- Matching names to records ------------------------------------------------------------------


class OrganizationIndex:
    """Every way the registry writes each organisation's name, for lookups in memory."""

    def __init__(self):
        self.by_key: dict[str, Organization] = {}
        organizations = Organization.objects.prefetch_related("aliases")
        for organization in organizations:
            for name in names_of(organization):
                self.by_key.setdefault(org_key(name), organization)

    def find(self, *names: str | None) -> Organization | None:
        for name in names:
            if name and (match := self.by_key.get(org_key(name))):
                return match
        return None

    def add(self, organization: Organization, name: str) -> None:
        self.by_key.setdefault(org_key(name), organization)


# --- The import --------------------------------------------------------------------------------


@transaction.atomic
def press_release_import(
    *,
    text: str,
    file_name: str = "",
    language: str | None = None,
    user=None,
    split: bool = False,
) -> ImportReport:
    """Create an unpublished draft from a press release (or return the drafts made from the
    same text before). With `split`, a release that announces several projects gives one draft
    per project, each with the release as its source. Raises projects.ingest.IngestError for
    text that cannot be read."""
    sources = SourceDocument.objects.filter(sha256=text_sha256(text), project__isnull=False)
    earlier = [source.project for source in sources.select_related("project").order_by("pk")]
    if earlier:
        return ImportReport(project=earlier[0], created=False, projects=earlier)

    gazetteer, donors = extraction_resources()
    extraction = extract(text, language, gazetteer=gazetteer, donors=donors)
    report = ImportReport(project=None, created=True, extraction=extraction)  # type: ignore[arg-type]
    organizations = OrganizationIndex()
    drafts = announced_drafts(extraction) if split else []
    with history.recorded("import", user=user, comment=file_name), indexing.batch():
        for draft in drafts or [Draft(extraction)]:
            report.projects.append(_draft(draft, text, file_name, organizations, report))
        report.project = report.projects[0]
        history.add_records(Project, [project.pk for project in report.projects])
    return report


@dataclass
class Draft:
    """What one draft is made of: the release's reading, or one announced project's."""

    extraction: Extraction
    summary: str | None = None  # the announced project's own words


def announced_drafts(extraction: Extraction) -> list[Draft]:
    """One draft per project the release announces: the project's grantees, sums, places and
    partners from its own part of the text; the donors, period, partners named for all and
    contacts (but another grantee's) from the release."""
    parts = extraction.projects
    in_a_part = {id(found) for part in parts for found in part.partners}
    shared_partners = [found for found in extraction.partners if id(found) not in in_a_part]
    drafts = []
    for part in parts:
        others = [o for other in parts if other is not part for o in other.implementers]
        reading = replace(
            extraction,
            title=ValueFound(part.title, [part.evidence]),
            implementers=part.implementers,
            partners=part.partners + shared_partners,
            amounts=part.amounts,
            places=part.places,
            contacts=[c for c in extraction.contacts if not _speaks_for(c, others)],
            projects=[],
        )
        drafts.append(Draft(reading, summary=part.evidence.text))
    return drafts


def _speaks_for(contact: ContactFound, organizations: list[OrganizationFound]) -> bool:
    """Whether the contact is one of these organisations' people ("директор ОФ «Адал»")."""
    words = " ".join([contact.organization or "", *(e.text for e in contact.evidence)])
    return any(
        (core := quoted_core(organization.name)) and core in words.casefold()
        for organization in organizations
    )


def _draft(draft: Draft, text: str, file_name: str, organizations, report) -> Project:
    extraction = draft.extraction
    project = _create_project(extraction, summary=draft.summary)
    _link_participations(project, extraction, organizations, report)
    _add_funding(project, extraction, organizations)
    _link_places(project, extraction, report)
    _add_contacts(project, extraction, organizations)
    SourceDocument.objects.create(
        project=project,
        file_name=file_name[:255],
        title=(extraction.title.value if extraction.title else "")[:500],
        text=text,
        url=_source_address(extraction),
        language=extraction.language,
        published_on=_published_day(extraction),
        extraction=evidence_record(extraction),
    )
    return project


def _create_project(extraction: Extraction, summary: str | None = None) -> Project:
    language = extraction.language
    body = _article_body(extraction)
    summary = " ".join(summary.split()) if summary else body.split("\n\n")[0]
    title = _draft_title(extraction, body)
    start = parse_partial_date(extraction.start.iso if extraction.start else None)
    end = parse_partial_date(extraction.end.iso if extraction.end else None, period_end=True)
    if start.date and end.date and end.date < start.date:
        start = end = parse_partial_date(None)  # contradictory: leave both for the editor
    project = Project(
        slug=_unique_slug(Project, ascii_slug(title)),
        original_language=language,
        is_published=False,
        start_date=start.date,
        start_precision=start.precision,
        end_date=end.date,
        end_precision=end.precision,
        duration_months=extraction.duration_months,
        contract_number=(
            extraction.contract_number.value[:100] if extraction.contract_number else ""
        ),
        **{
            f"title_{language}": title[:500],
            f"summary_{language}": summary[:SUMMARY_LENGTH],
            f"description_{language}": body,
        },
    )
    project.full_clean()
    project.save()
    return project


def _draft_title(extraction: Extraction, body: str) -> str:
    """The release's headline; else its first sentence, as the editor would start to title
    it (never a file name or "Press release", which say nothing about the project)."""
    if extraction.title:
        return extraction.title.value
    body = body.strip()
    _start, end = sentence_span(body, 0, 0)
    first = _DATELINE.sub("", body[:end].rstrip("."))
    if len(first) <= TITLE_FROM_BODY_LENGTH:
        return first
    return first[:TITLE_FROM_BODY_LENGTH].rsplit(" ", 1)[0] + "…"


TITLE_FROM_BODY_LENGTH = 160
_DATELINE = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ .,-]{1,40}\s[–—-]\s")  # "ПАВЛОДАР – "


def _article_body(extraction: Extraction) -> str:
    """The release's own text for the draft's description, without the page's noise."""
    article = extraction.document.article
    paragraphs = [" ".join(block.split()) for block in article.split("\n\n")]
    title = extraction.title.value if extraction.title else None
    return "\n\n".join(p for p in paragraphs if p and p != title and not is_label_or_date(p))


def _unique_slug(model, base: str) -> str:
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[:110]}-{number}"
        number += 1
    return slug


def _organization_for(
    found: OrganizationFound,
    organizations: OrganizationIndex,
    report: ImportReport,
    kind: str,
    language: str,
) -> Organization:
    match = organizations.find(found.normalized, found.name)
    if match:
        report.linked.append(f"organisation: {match} ← “{found.name}”")
        return match
    name = found.normalized or found.name
    created = Organization(
        slug=_unique_slug(Organization, ascii_slug(name)),
        kind=kind,
        # a name read mid-sentence ("грант получил общественный фонд «Адал»") as a name
        **{f"name_{language}": name[:1].upper() + name[1:]},
    )
    created.full_clean()
    created.save()
    OrganizationAlias.objects.create(organization=created, name=found.name[:300])
    organizations.add(created, found.name)
    report.new_records.append(f"organisation: {created} (new)")
    return created


def _link_participations(project, extraction, organizations, report) -> None:
    language = extraction.language
    roles: list[tuple[OrganizationFound, str, str]] = []
    for index, found in enumerate(extraction.implementers):
        role = (
            ParticipationRole.LEAD_IMPLEMENTER if index == 0 else ParticipationRole.CO_IMPLEMENTER
        )
        roles.append((found, role, OrganizationKind.NGO))
    for found in extraction.partners:
        if _AKIMAT.search(found.name):
            roles.append(
                (found, ParticipationRole.LOCAL_AUTHORITY_PARTNER, OrganizationKind.LOCAL_AUTHORITY)
            )
        else:
            roles.append((found, ParticipationRole.PARTNER, OrganizationKind.NGO))
    for found in extraction.donors:
        roles.append((found, ParticipationRole.DONOR, OrganizationKind.DONOR_AGENCY))
    for found, role, kind in roles:
        organization = _organization_for(found, organizations, report, kind, language)
        Participation.objects.get_or_create(project=project, organization=organization, role=role)


def _add_funding(project, extraction, organizations) -> None:
    for amount in extraction.amounts:
        donor = organizations.find(amount.donor) if amount.donor else None
        if donor and not project.participations.filter(organization=donor, role="donor").exists():
            Participation.objects.create(project=project, organization=donor, role="donor")
        line = FundingLine(
            project=project,
            donor=donor,
            amount=amount.amount,
            currency=amount.currency,
            kind=amount.kind,
            qualifier=amount.qualifier,
        )
        line.full_clean()
        line.save()


def _link_places(project, extraction, report) -> None:
    slugs = [place.slug for place in extraction.places if place.slug]
    for place in extraction.places:
        if not place.slug:  # a district or village the gazetteer lacks: the editor adds it
            where = ", ".join(filter(None, [place.kind, place.region_en, place.country_code]))
            report.new_records.append(f"place not in the gazetteer: {place.name_en} ({where})")
    places = Place.objects.filter(slug__in=slugs)
    project.places.set(places)
    for place in places:
        report.linked.append(f"place: {place}")
    missing = set(slugs) - {place.slug for place in places}
    for slug in sorted(missing):
        report.new_records.append(f"place not in the database (load the gazetteer): {slug}")


def _add_contacts(project, extraction, organizations) -> None:
    language = extraction.language
    for found in extraction.contacts:
        contact = Contact(
            project=project,
            organization=organizations.find(found.organization),
            phones=found.phones,
            emails=found.emails,
            **{f"name_{language}": found.name[:200], f"position_{language}": found.position or ""},
        )
        contact.full_clean()
        contact.save()


def _source_address(extraction: Extraction) -> str:
    """The address the release names as its source; none rather than a cut one."""
    url = extraction.source_url or ""
    return url if len(url) <= SourceDocument._meta.get_field("url").max_length else ""


def _published_day(extraction: Extraction):
    if extraction.published and len(extraction.published.iso) == 10:
        return parse_partial_date(extraction.published.iso).date
    return None


def evidence_record(extraction: Extraction) -> dict:
    """The extraction with, per field, the quoted evidence, for the editor's review."""

    def quotes(evidence) -> list[dict]:
        return [{"start": e.start, "end": e.end, "text": e.text} for e in evidence]

    rows = []
    single = [
        ("title", extraction.title),
        ("published", extraction.published),
        ("start", extraction.start),
        ("end", extraction.end),
        ("contract_number", extraction.contract_number),
    ]
    for name, found in single:
        if found:
            value = getattr(found, "value", None) or getattr(found, "iso", None)
            rows.append({"field": name, "value": value, "evidence": quotes(found.evidence)})
    if extraction.duration_months:
        rows.append(
            {
                "field": "duration_months",
                "value": str(extraction.duration_months),
                "evidence": quotes(extraction.duration_evidence),
            }
        )
    for name, amounts in (
        ("amount", extraction.amounts),
        ("programme_amount", extraction.programme_amounts),
    ):
        for amount in amounts:
            value = f"{amount.qualifier} {amount.amount} {amount.currency} ({amount.kind})"
            figure = {
                "amount": str(amount.amount),
                "currency": amount.currency,
                "kind": amount.kind,
                "qualifier": amount.qualifier,
            }
            rows.append(
                {
                    "field": name,
                    "value": value,
                    "amount": figure,
                    "evidence": quotes(amount.evidence),
                }
            )
    for name, items in (
        ("implementer", extraction.implementers),
        ("partner", extraction.partners),
        ("donor", extraction.donors),
    ):
        for found in items:
            value = found.normalized or found.name
            rows.append({"field": name, "value": value, "evidence": quotes(found.evidence)})
    for place in extraction.places:
        rows.append(
            {
                "field": "place" if place.slug else "place_not_listed",
                "value": place.name_en,
                "place_kind": place.kind,
                "evidence": quotes(place.evidence),
            }
        )
    for contact in extraction.contacts:
        details = ", ".join([contact.name, *contact.phones, *contact.emails])
        rows.append({"field": "contact", "value": details, "evidence": quotes(contact.evidence)})
    for project in extraction.projects:
        rows.append(
            {
                "field": "announced_project",
                "value": " — ".join(_announced_summary(project)),
                "evidence": quotes([project.evidence]),
            }
        )
    return {"result": extraction.as_json(), "evidence": rows}


def _announced_summary(project) -> list[str]:
    """A project of a release that announces several: who, how much, where."""
    parts = [", ".join(organization.name for organization in project.implementers)]
    parts += [", ".join(f"{amount.amount} {amount.currency}" for amount in project.amounts)]
    parts += [", ".join(place.name_en for place in project.places)]
    return [part for part in parts if part]
