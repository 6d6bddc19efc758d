"""Keeps the derived tables (models/derived.py) and the data version current.

Every way of writing is covered:
- saves and deletes through the ORM (the admin, services, importing, the shell) send Django's
  model signals, which mark the projects concerned as stale; they are rebuilt at once, or once
  at the end of a `batch()` block (the admin wraps each save in one, loads wrap everything);
- bulk writers that bypass signals (generate_projects, QuerySet.update in admin actions) call
  refresh_projects() and data_changed() themselves.

Derived rows and the cache version are bookkeeping rather than rules of the domain; signals are
used for them so that no writer can forget them.
"""

from __future__ import annotations

import contextvars
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models.base import ModelState
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import caching, search
from .bulk_insert import insert_rows
from .formatting import combined_qualifier
from .models import (
    ExchangeRate,
    FundingKind,
    FundingLine,
    Keyword,
    Organization,
    OrganizationAlias,
    Participation,
    Place,
    PlaceAlias,
    Project,
    ProjectBudget,
    ProjectPlaceIndex,
    ProjectSearchDocument,
    SourceDocument,
)
from .places import PlaceTree
from .write_behind import WriteBehind

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TEXT_FIELDS = ("title", "summary", "description", "objectives", "results")
CHUNK = 1000  # projects rebuilt per round of queries
CENT = Decimal("0.01")
MAX_YEARS_SPANNED = 50  # a longer span is a mistake in the dates, not a project

# What of a project's derived data to rebuild.
TEXT, NAMES, PLACES, BUDGETS = "text", "names", "places", "budgets"
EVERYTHING = frozenset({TEXT, NAMES, PLACES, BUDGETS})


# --- Marking stale projects -----------------------------------------------------------------


@dataclass
class _Batch:
    parts_of: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    data_changed: bool = False


_batch: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("index_batch", default=None)


@contextmanager
def batch(progress: Callable[[int, int], None] | None = None):
    """Collect the changes made inside the block and rebuild once at its end (nested blocks
    rebuild at the end of the outermost). Nothing is rebuilt if the block raises.
    progress(done, total), if given, hears how the rebuild advances (outermost block only)."""
    if _batch.get() is not None:
        yield
        return
    pending = _Batch()
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    _flush(pending, progress)


def mark_stale(project_ids: Iterable[int], parts: Iterable[str] = EVERYTHING) -> None:
    """The projects' derived rows no longer match their records."""
    pending = _batch.get() or _Batch()
    for project_id in project_ids:
        pending.parts_of[project_id].update(parts)
    pending.data_changed = True
    if _batch.get() is None:
        _flush(pending)


def mark_data_changed() -> None:
    """Published data changed in a way that derived rows do not hold (exchange rates, the
    publication flag): cached aggregates must be recomputed."""
    pending = _batch.get()
    if pending is None:
        caching.new_data_version()
    else:
        pending.data_changed = True


def _flush(pending: _Batch, progress: Callable[[int, int], None] | None = None) -> None:
    by_parts: dict[frozenset[str], list[int]] = defaultdict(list)
    for project_id, parts in pending.parts_of.items():
        by_parts[frozenset(parts)].append(project_id)
    with transaction.atomic():
        for parts, project_ids in by_parts.items():
            refresh_projects(project_ids, parts=parts, progress=progress)
        if pending.data_changed:
            caching.new_data_version()


# --- Rebuilding -----------------------------------------------------------------------------


def rebuild_all(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every project's derived rows; returns how many projects there are."""
    project_ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    ProjectSearchDocument.objects.exclude(project__in=Project.objects.all()).delete()
    refresh_projects(project_ids, progress=progress)
    caching.new_data_version()
    return len(project_ids)


def refresh_projects(
    project_ids: Iterable[int],
    *,
    parts: Iterable[str] = EVERYTHING,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Rebuild the given parts of the projects' derived rows, CHUNK projects per round of a
    fixed number of queries: read a chunk's facts, build its rows in Python, write them. The
    writes run behind (write_behind.py): PostgreSQL writes one chunk while Python builds the
    next. Does not change the data version (the caller does)."""
    project_ids = sorted(set(project_ids))
    parts = frozenset(parts)
    if not project_ids:
        return
    tree = PlaceTree.build(Place.objects.all())
    place_aliases = _aliases_by_owner(PlaceAlias, "place_id")
    rates = _exchange_rates() if BUDGETS in parts else {}
    chunks = [project_ids[start : start + CHUNK] for start in range(0, len(project_ids), CHUNK)]
    without_document: list[int] = []
    bulk = len(project_ids) > CHUNK and TEXT in parts
    with _search_index_merged_once(bulk), WriteBehind(enabled=len(chunks) > 1) as behind:
        facts = _ProjectFacts.read(chunks[0], parts)
        for index in range(len(chunks)):
            rows = _DerivedRows.build(facts, parts, tree, place_aliases, rates)
            without_document += rows.without_document
            behind.wait()
            if index + 1 < len(chunks):
                facts = _ProjectFacts.read(chunks[index + 1], parts)
            behind.submit(rows.write)
            if progress is not None:
                progress(min((index + 1) * CHUNK, len(project_ids)), len(project_ids))
    if without_document:  # a project whose document was never written gets a whole one
        refresh_projects(without_document, parts={TEXT, NAMES})


# The GIN indexes of migrations 0006 and 0012 (PostgreSQL)
SEARCH_INDEXES = ("project_search_vector_gin", "project_search_head_gin")


@contextmanager
def _search_index_merged_once(bulk: bool):
    """PostgreSQL queues new GIN entries in a pending list and merges them into the index each
    time the list outgrows gin_pending_list_limit (4 MB): thousands of times in a bulk rebuild
    of long documents. For a bulk rebuild inside a transaction, the limit is lifted for the
    transaction and the list merged once at the end, which halves the rebuild's time."""
    if not (bulk and connection.vendor == "postgresql" and connection.in_atomic_block):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL gin_pending_list_limit = '1GB'")
    yield
    with connection.cursor() as cursor:
        for index in SEARCH_INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute("SET LOCAL gin_pending_list_limit TO DEFAULT")


@dataclass
class _ProjectFacts:
    """What the derived rows of a chunk of projects are made from, read in a fixed number of
    queries."""

    rows: dict[int, dict]
    places_of: dict[int, list[int]]
    organizations_of: dict[int, list[int]]
    keywords_of: dict[int, list[int]]
    lines_of: dict[int, list[tuple]]
    organization_names: dict[int, list[str]]
    keyword_names: dict[int, list[str]]
    documented: set[int]  # projects that have a search document (read when TEXT is not rebuilt)
    source_years_of: dict[int, list[int]]  # the years its press releases are dated

    @classmethod
    def read(cls, project_ids: list[int], parts) -> _ProjectFacts:
        text_columns = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in LANGUAGES]
        columns = ["pk", "contract_number", "start_date", "end_date"]
        columns += text_columns if TEXT in parts else [f"title_{lang}" for lang in LANGUAGES]
        rows = {
            row["pk"]: row for row in Project.objects.filter(pk__in=project_ids).values(*columns)
        }
        ids = list(rows)
        places_of = _grouped(
            Project.places.through.objects.filter(project_id__in=ids), "project_id", "place_id"
        )
        organizations_of = _grouped(
            Participation.objects.filter(project_id__in=ids), "project_id", "organization_id"
        )
        keywords_of = _grouped(
            Project.keywords.through.objects.filter(project_id__in=ids), "project_id", "keyword_id"
        )
        lines_of: dict[int, list[tuple]] = defaultdict(list)
        if BUDGETS in parts:
            lines = FundingLine.objects.filter(project_id__in=ids).order_by("pk")
            columns = ("project_id", "currency", "kind", "amount", "qualifier")
            for project_id, *line in lines.values_list(*columns):
                lines_of[project_id].append(tuple(line))
        organization_names, keyword_names = {}, {}
        source_years_of: dict[int, list[int]] = {}
        if NAMES in parts:
            sources = SourceDocument.objects.filter(project_id__in=ids, published_on__isnull=False)
            source_years_of = _grouped(sources, "project_id", "published_on__year")
            organization_ids = {pk for pks in organizations_of.values() for pk in pks}
            organization_names = _names_of(
                Organization.objects.filter(pk__in=organization_ids),
                ["name", "short_name"],
                _aliases_by_owner(OrganizationAlias, "organization_id", organization_ids),
            )
            keyword_ids = {pk for pks in keywords_of.values() for pk in pks}
            keyword_names = _names_of(Keyword.objects.filter(pk__in=keyword_ids), ["name"], {})
        documented = set()
        if NAMES in parts and TEXT not in parts:
            documents = ProjectSearchDocument.objects.filter(project_id__in=ids)
            documented = set(documents.values_list("project_id", flat=True))
        return cls(
            rows,
            places_of,
            organizations_of,
            keywords_of,
            lines_of,
            organization_names,
            keyword_names,
            documented,
            source_years_of,
        )


def _grouped(queryset, key: str, value: str) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for owner, item in queryset.order_by().values_list(key, value):
        grouped[owner].append(item)
    return grouped


def _aliases_by_owner(model, owner_field: str, owner_ids=None) -> dict[int, list[str]]:
    aliases = model.objects.all()
    if owner_ids is not None:
        aliases = aliases.filter(**{f"{owner_field}__in": owner_ids})
    return _grouped(aliases, owner_field, "name")


def _names_of(queryset, fields: list[str], aliases: dict[int, list[str]]) -> dict[int, list[str]]:
    columns = [f"{name}_{lang}" for name in fields for lang in LANGUAGES]
    return {
        row["pk"]: [row[column] for column in columns if row[column]] + aliases.get(row["pk"], [])
        for row in queryset.values("pk", *columns)
    }


@dataclass
class _DerivedRows:
    """A chunk's derived rows, built in Python from its facts; write() replaces the stored
    ones without reading anything (so it can run behind) and sends no signals."""

    project_ids: list[int]
    parts: frozenset[str]
    documents: list[dict]  # search documents' values
    place_rows: list[dict]
    budgets: tuple[list[dict], list[Project]]  # ProjectBudget rows, projects' headlines
    without_document: list[int]

    @classmethod
    def build(
        cls, facts: _ProjectFacts, parts, tree: PlaceTree, place_aliases, rates: dict
    ) -> _DerivedRows:
        documents, without_document = [], []
        if parts & {TEXT, NAMES}:
            documents = _search_documents(facts, parts, tree, place_aliases)
            if TEXT not in parts:
                without_document = [pk for pk in facts.rows if pk not in facts.documented]
                documents = [d for d in documents if d["project_id"] in facts.documented]
        return cls(
            project_ids=list(facts.rows),
            parts=parts,
            documents=documents,
            place_rows=_place_index_rows(facts, tree) if PLACES in parts else [],
            budgets=_budget_rows(facts, rates) if BUDGETS in parts else ([], []),
            without_document=without_document,
        )

    def write(self) -> None:
        if TEXT in self.parts:  # whole documents: the old ones go, the new ones come
            ProjectSearchDocument.objects.filter(project_id__in=self.project_ids).delete()
            insert_rows(ProjectSearchDocument, self.documents)
        elif NAMES in self.parts:
            documents = [ProjectSearchDocument(**values) for values in self.documents]
            ProjectSearchDocument.objects.bulk_update(documents, ["names", "head"], batch_size=500)
        if PLACES in self.parts:
            ProjectPlaceIndex.objects.filter(project_id__in=self.project_ids).delete()
            insert_rows(ProjectPlaceIndex, self.place_rows)
        if BUDGETS in self.parts:
            rows, headlines = self.budgets
            ProjectBudget.objects.filter(project_id__in=self.project_ids).delete()
            insert_rows(ProjectBudget, rows)
            # bulk_update sends no signal and leaves updated_at alone: the record is the same.
            Project.objects.bulk_update(
                headlines,
                ["headline_currency", "headline_amount", "headline_qualifier"],
                batch_size=500,
            )


def _search_documents(facts: _ProjectFacts, parts, tree: PlaceTree, place_aliases):
    names = _NameWords(facts, tree, place_aliases)
    return [
        {
            "project_id": project_id,
            "names": names.of_project(project_id, row),
            "head": names.head_of_project(project_id, row),
            **(
                {
                    f"text_{lang}": search.document(
                        *(row[f"{name}_{lang}"] or "" for name in TEXT_FIELDS), language=lang
                    )
                    for lang in LANGUAGES
                }
                if TEXT in parts
                else {}
            ),
        }
        for project_id, row in facts.rows.items()
    ]


class _NameWords:
    """The names a project is found by besides its own texts: its organisations', its places'
    (with the places they lie in, and their aliases), its keywords', its contract number and
    years, as search.document() words. Each organisation's, place's and keyword's words are
    made once per chunk, not once per project that names it: search.document() of several
    texts is their documents joined."""

    def __init__(self, facts: _ProjectFacts, tree: PlaceTree, place_aliases):
        self.facts, self.tree, self.place_aliases = facts, tree, place_aliases
        self.organizations: dict[int, str] = {}
        self.places: dict[int, str] = {}
        self.keywords: dict[int, str] = {}

    def of_project(self, project_id: int, row: dict) -> str:
        facts = self.facts
        parts = [self._organization(pk) for pk in facts.organizations_of.get(project_id, [])]
        seen: set[int] = set()
        for place_id in facts.places_of.get(project_id, []):
            for pk in self.tree.with_ancestors(place_id):
                if pk not in seen:
                    seen.add(pk)
                    parts.append(self._place(pk))
        parts += [self._keyword(pk) for pk in facts.keywords_of.get(project_id, [])]
        parts.append(search.document(row["contract_number"] or ""))
        parts += [str(year) for year in self._years(project_id, row)]
        return " ".join(part for part in parts if part)

    def head_of_project(self, project_id: int, row: dict) -> str:
        """Its titles and its organisations' names: what ranks a match first."""
        titles = [search.document(row[f"title_{lang}"] or "", language=lang) for lang in LANGUAGES]
        names = [self._organization(pk) for pk in self.facts.organizations_of.get(project_id, [])]
        return " ".join(part for part in titles + names if part)

    def _years(self, project_id: int, row: dict) -> list[int]:
        """Every year the project runs in (as far as its dates say), and the years of its
        press releases: "2012" finds the project a release of 2012 announces."""
        start, end = row["start_date"], row["end_date"]
        years = set(self.facts.source_years_of.get(project_id, []))
        if start and end and 0 <= end.year - start.year <= MAX_YEARS_SPANNED:
            years.update(range(start.year, end.year + 1))
        else:
            years.update(date.year for date in (start, end) if date)
        return sorted(years)

    def _organization(self, pk: int) -> str:
        if pk not in self.organizations:
            self.organizations[pk] = search.document(*self.facts.organization_names.get(pk, []))
        return self.organizations[pk]

    def _place(self, pk: int) -> str:
        if pk not in self.places:
            names = _translations(self.tree.places[pk], "name") + self.place_aliases.get(pk, [])
            self.places[pk] = search.document(*names)
        return self.places[pk]

    def _keyword(self, pk: int) -> str:
        if pk not in self.keywords:
            self.keywords[pk] = search.document(*self.facts.keyword_names.get(pk, []))
        return self.keywords[pk]


def _translations(instance, field_name: str) -> list[str]:
    return [value for lang in LANGUAGES if (value := getattr(instance, f"{field_name}_{lang}", ""))]


def _place_index_rows(facts: _ProjectFacts, tree: PlaceTree) -> list[dict]:
    rows = []
    for project_id in facts.rows:
        direct = set(facts.places_of.get(project_id, []))
        within = {pk for place_id in direct for pk in tree.with_ancestors(place_id)}
        rows += [
            {
                "project_id": project_id,
                "place_id": pk,
                "is_direct": pk in direct,
                "is_region": pk in tree.region_ids,
            }
            for pk in sorted(within)
        ]
    return rows


def project_budgets(lines: list[tuple[str, str, Decimal]]) -> dict[str, tuple[Decimal, bool]]:
    """A project's budget per currency, from its funding lines (currency, kind, amount, and
    anything after) in their order: the largest stated total in the currency, else the sum of
    the donor contributions in it. The headline currency is that of the first total, else of the
    largest line (the rule of ProjectQuerySet.with_budget)."""
    totals: dict[str, Decimal] = {}
    contributions: dict[str, Decimal] = defaultdict(Decimal)
    for currency, kind, amount, *_rest in lines:
        if kind == FundingKind.TOTAL:
            totals[currency] = max(totals.get(currency, amount), amount)
        elif kind == FundingKind.DONOR_CONTRIBUTION:
            contributions[currency] += amount
    budgets = {**contributions, **totals}
    ranked = sorted(
        enumerate(lines), key=lambda item: (item[1][1] != FundingKind.TOTAL, -item[1][2], item[0])
    )
    headline = ranked[0][1][0] if ranked else None
    return {currency: (amount, currency == headline) for currency, amount in budgets.items()}


def qualifier_in(lines, currency: str) -> str:
    """How the sources qualify a project's budget in `currency`, from its funding lines as
    (currency, kind, amount, qualifier): a total keeps its own qualifier (the largest total's);
    a sum of contributions is exact when all of them are, "more than" or "up to" when some
    say so and the rest are exact, else "about"."""
    in_currency = [line for line in lines if line[0] == currency]
    totals = [line for line in in_currency if line[1] == FundingKind.TOTAL]
    if totals:
        return max(totals, key=lambda line: line[2])[3]
    contributions = {line[3] for line in in_currency if line[1] == FundingKind.DONOR_CONTRIBUTION}
    return combined_qualifier(contributions)


def _budget_rows(facts: _ProjectFacts, rates: dict) -> tuple[list[dict], list[Project]]:
    """Each project's ProjectBudget rows (stated, and converted into the currencies the rates
    know), and the project with its headline columns set."""
    rows, headlines = [], []
    for project_id, row in facts.rows.items():
        headline = _headline(project_id)
        lines = facts.lines_of.get(project_id, [])
        budgets = project_budgets(lines)
        for currency, (amount, is_headline) in budgets.items():
            qualifier = qualifier_in(lines, currency)
            rows.append(_budget_row(project_id, currency, amount, qualifier, headline=is_headline))
            if is_headline:
                headline.headline_currency, headline.headline_amount = currency, amount
                headline.headline_qualifier = qualifier
        year = row["start_date"].year if row["start_date"] else None
        for currency, amount in converted_budgets(headline, year, rates, budgets).items():
            # A conversion keeps what the source says of the figure: "more than" stays.
            qualifier = headline.headline_qualifier
            rows.append(_budget_row(project_id, currency, amount, qualifier, stated=False))
        headlines.append(headline)
    return rows, headlines


def _headline(project_id: int) -> Project:
    """A project holding only its headline columns, for bulk_update, made without
    Model.__init__ (with modeltranslation's on top, that cost more than the budgets)."""
    project = Project.__new__(Project)
    project._state = ModelState()
    project.__dict__.update(
        id=project_id, headline_currency=None, headline_amount=None, headline_qualifier=None
    )
    return project


def _budget_row(
    project_id, currency, amount, qualifier, *, stated: bool = True, headline: bool = False
) -> dict:
    return {
        "project_id": project_id,
        "currency": currency,
        "amount": amount,
        "qualifier": qualifier,
        "is_headline": headline,
        "is_stated": stated,
    }


def converted_budgets(headline: Project, year: int | None, rates: dict, stated) -> dict:
    """The headline budget in each currency the rates know and the project states no budget
    in, at the annual average rates of its start year; nothing without a year or a rate (the
    budget range's rule: a missing rate is no figure, never a guess)."""
    if headline.headline_amount is None or year is None:
        return {}
    from_rate = rates.get((headline.headline_currency, year))
    if from_rate is None:
        return {}
    converted = {}
    for (currency, rate_year), to_rate in rates.items():
        if rate_year == year and currency not in stated:
            amount = headline.headline_amount * from_rate / to_rate
            converted[currency] = amount.quantize(CENT)
    return converted


def _exchange_rates() -> dict[tuple[str, int], Decimal]:
    """Every annual rate, as value in EUR (a few dozen rows)."""
    rows = ExchangeRate.objects.values_list("currency", "year", "rate_to_eur")
    return {(currency, year): rate for currency, year, rate in rows}


# --- Signals --------------------------------------------------------------------------------


def _projects_of_organization(organization_id: int) -> list[int]:
    return list(
        Participation.objects.filter(organization_id=organization_id)
        .values_list("project_id", flat=True)
        .distinct()
    )


def _projects_within_place(place_id: int) -> list[int]:
    return list(
        ProjectPlaceIndex.objects.filter(place_id=place_id).values_list("project_id", flat=True)
    )


def _on_project(sender, instance, **kwargs):
    if kwargs.get("signal") is post_delete:
        mark_data_changed()
    else:
        mark_stale([instance.pk])


def _on_participation(sender, instance, **kwargs):
    mark_stale([instance.project_id], {NAMES})


def _on_source(sender, instance, **kwargs):
    mark_stale([instance.project_id], {NAMES})  # the years of its releases


def _on_funding_line(sender, instance, **kwargs):
    mark_stale([instance.project_id], {BUDGETS})


def _on_project_place(sender, instance, **kwargs):
    mark_stale([instance.project_id], {PLACES, NAMES})


def _on_project_keyword(sender, instance, **kwargs):
    mark_stale([instance.project_id], {NAMES})


def _on_organization(sender, instance, **kwargs):
    organization_id = instance.organization_id if sender is OrganizationAlias else instance.pk
    mark_stale(_projects_of_organization(organization_id), {NAMES})


def _on_place(sender, instance, **kwargs):
    place_id = instance.place_id if sender is PlaceAlias else instance.pk
    # A place moved to another parent changes what lies inside what: its projects' index rows
    # (found through the place's own rows, which every project inside it has) are rebuilt.
    # A deleted place's rows are gone by now: pre_delete noted its projects.
    projects = getattr(instance, "_projects_within", None)
    if projects is None:
        projects = _projects_within_place(place_id)
    mark_stale(projects, {PLACES, NAMES})


def _before_place_deleted(sender, instance, **kwargs):
    instance._projects_within = _projects_within_place(instance.pk)


def _on_keyword(sender, instance, **kwargs):
    mark_stale(instance.projects.values_list("pk", flat=True), {NAMES})


def _on_exchange_rate(sender, instance, **kwargs):
    """Budgets converted at the rates of a year: the projects starting that year."""
    starting = Project.objects.filter(start_date__year=instance.year)
    mark_stale(starting.values_list("pk", flat=True), {BUDGETS})


def _on_m2m(parts: set[str]):
    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
            return
        if not reverse:
            if action != "pre_clear":
                mark_stale([instance.pk], parts)
        elif action == "pre_clear":
            mark_stale(instance.projects.values_list("pk", flat=True), parts)
        elif action != "post_clear":
            mark_stale(pk_set or [], parts)

    return handler


_m2m_handlers = {}


def connect_signals() -> None:
    """Called once at start-up (ProjectsConfig.ready)."""
    places_through, keywords_through = Project.places.through, Project.keywords.through
    receivers = [
        (Project, _on_project),
        (Participation, _on_participation),
        (FundingLine, _on_funding_line),
        (SourceDocument, _on_source),
        (places_through, _on_project_place),
        (keywords_through, _on_project_keyword),
        (Organization, _on_organization),
        (OrganizationAlias, _on_organization),
        (Place, _on_place),
        (PlaceAlias, _on_place),
        (Keyword, _on_keyword),
        (ExchangeRate, _on_exchange_rate),
    ]
    for model, receiver in receivers:
        uid = f"registry-index-{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
    pre_delete.connect(
        _before_place_deleted, sender=Place, weak=False, dispatch_uid="registry-index-place-pre"
    )
    for through, parts in ((places_through, {PLACES, NAMES}), (keywords_through, {NAMES})):
        _m2m_handlers[through] = _on_m2m(parts)
        m2m_changed.connect(
            _m2m_handlers[through],
            sender=through,
            weak=False,
            dispatch_uid=f"registry-index-m2m-{through._meta.label_lower}",
        )
