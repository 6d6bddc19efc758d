"""Tables derived from the records, for fast reads at the scale of a national registry.

Nobody edits these rows: projects/indexing.py rebuilds them from a project's own rows whenever
they change (and `manage.py rebuild_indexes` rebuilds them all). Each answers one question that
would otherwise need a walk over every matching project in Python:

- ProjectSearchDocument: which projects contain these words (a GIN-indexed tsvector on
  PostgreSQL, a plain text column that LIKE scans on SQLite);
- ProjectPlaceIndex: which projects work in a place or anywhere inside it (a region includes
  its cities), so facets and maps are grouped counts;
- ProjectBudget: a project's budget in each currency it states, and which is its headline
  figure, so the budget sort and range are indexed joins instead of subqueries per row;
- RegistryState: a token that changes with the data, which keys the cached aggregates.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Func, Q

from .content import AMOUNT_FIELD, Place, Project


class SearchWords(Func):
    """The search document's word columns as one searchable value: a `simple` tsvector on
    PostgreSQL (the words are normalised in Python before they are stored, see search.py),
    and on SQLite the same words between spaces, for `LIKE '% word%'`."""

    output_field = SearchVectorField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="to_tsvector('simple'::regconfig, %(expressions)s)",
            arg_joiner=" || ' ' || ",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="(' ' || %(expressions)s || ' ')",
            arg_joiner=" || ' ' || ",
            **extra_context,
        )


class SearchVectorColumn(SearchVectorField):
    """A tsvector on PostgreSQL, text elsewhere."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class ProjectSearchDocument(models.Model):
    """A project's words, as search.document() stems them: its own texts in each language, and
    the names it is linked to (organisations and their aliases, places with the places they
    lie in and their aliases, keywords), its years and contract number.

    The names are kept apart so that renaming an organisation rewrites only the short `names`
    of its projects, not their long texts."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    text_ru = models.TextField(blank=True)
    text_kk = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    names = models.TextField(blank=True)
    # The titles in every language and the names of the organisations: a match here ranks
    # above a match in a description ("relevance" order).
    head = models.TextField(blank=True)
    vector = models.GeneratedField(
        expression=SearchWords("text_ru", "text_kk", "text_en", "names"),
        output_field=SearchVectorColumn(),
        db_persist=True,
    )
    head_vector = models.GeneratedField(
        expression=SearchWords("head"),
        output_field=SearchVectorColumn(),
        db_persist=True,
    )
    # The GIN indexes on `vector` and `head_vector` are created by migrations 0006 and 0012
    # on PostgreSQL only (SQLite has no GIN), so they are not declared in Meta.

    class Meta:
        verbose_name = "project search document"

    def __str__(self):
        return f"search document of project {self.project_id}"


class ProjectPlaceIndex(models.Model):
    """One row per project and place it works in or inside: a project in Pavlodar has rows for
    Pavlodar (is_direct), Pavlodar Region and Kazakhstan. Each pair appears once, so counting
    rows per place counts projects."""

    pk = models.CompositePrimaryKey("place", "project")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="+")
    is_direct = models.BooleanField(help_text="The record names this place itself.")
    is_region = models.BooleanField(
        default=False, help_text="The place is region-level (PlaceTree.region_ids)."
    )

    class Meta:
        verbose_name = "project place index"
        indexes = [
            # Index-only reads of a set of projects' places (facets, maps).
            models.Index(
                fields=["project", "place"],
                include=["is_direct"],
                name="project_place_index_project",
            ),
            # The regions of a set of projects (the funding-by-region chart).
            models.Index(
                fields=["project", "place"],
                condition=Q(is_region=True),
                name="project_place_index_region",
            ),
        ]

    def __str__(self):
        return f"project {self.project_id} in place {self.place_id}"


class ProjectBudget(models.Model):
    """A project's budget in one currency: its stated total in that currency, else the sum of
    its donor contributions in it (ProjectQuerySet.with_budget's rule). `is_headline` marks the
    currency of the figure a list shows: a total before a contribution, the larger first.

    Rows with `is_stated` false hold the headline budget converted into a currency the project
    states nothing in, at the annual average rates of its start year (exchange rates in the
    admin): what the budget range of the list compares, so that the range is one index lookup."""

    pk = models.CompositePrimaryKey("project", "currency")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    currency = models.CharField(max_length=3)
    amount = AMOUNT_FIELD.clone()
    qualifier = models.CharField(max_length=10, default="exact")  # AmountQualifier's values
    is_headline = models.BooleanField(default=False)
    is_stated = models.BooleanField(default=True)

    class Meta:
        verbose_name = "project budget"
        indexes = [
            models.Index(fields=["currency", "amount"], name="project_budget_currency"),
            models.Index(
                fields=["currency", "-amount", "project"],
                condition=Q(is_headline=True),
                name="project_budget_headline",
            ),
        ]

    def __str__(self):
        return f"project {self.project_id}: {self.amount} {self.currency}"


class RegistryState(models.Model):
    """One row whose `data_version` changes whenever published data may have changed (a new
    random token, so a rolled-back change never reuses one). Cached aggregates are keyed by it,
    so every app server sees a change at once, whatever cache backend it uses."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    data_version = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "registry state"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="registry_state_one_row")]

    def __str__(self):
        return f"data version {self.data_version}"
