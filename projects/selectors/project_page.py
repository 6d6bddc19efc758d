"""A project page's rows: the project and everything its page shows.

On PostgreSQL they come from one statement that returns each relation as a JSON array, and the
model instances are made from it as the ORM would make them (same columns, same order, related
rows cached as select_related and prefetch_related cache them). The page then reads no more.
Ten ORM queries cost ~10 ms of Python at any size, mostly compiling SQL and walking the
prefetch machinery; this statement costs ~2 ms. Elsewhere (SQLite) the page reads
`Project.objects.for_detail()`, the same rows in ten queries. A test checks that both give the
same instances and the same HTML.
"""

from __future__ import annotations

import datetime
import decimal
import json
from dataclasses import dataclass
from functools import cache

from django.db import connection, connections, models, router
from django.http import Http404
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from ..models import (
    Contact,
    FactEvidence,
    FundingLine,
    Keyword,
    Participation,
    Place,
    Project,
    ProjectSector,
    SourceDocument,
)


def project_for_page(slug: str, *, drafts: bool) -> Project:
    """The project of the page at `slug`, with its relations read (drafts only when asked);
    Http404 when there is none."""
    if connections[router.db_for_read(Project)].vendor == "postgresql":
        return read_in_one_statement(slug, drafts=drafts)
    return read_with_orm(slug, drafts=drafts)


def read_in_one_statement(slug: str, *, drafts: bool) -> Project:
    database = connections[router.db_for_read(Project)]
    language = translation.get_language()
    with database.cursor() as cursor:
        name = _prepared(database, cursor, language, drafts)
        if name is None:
            cursor.execute(_statement(language, drafts), [slug])
        else:
            cursor.execute(f"EXECUTE {name} (%s)", [slug])
        row = cursor.fetchone()
    if row is None:
        raise Http404
    return _project_from(row, database.alias)


def _prepared(database, cursor, language: str, drafts: bool) -> str | None:
    """The statement's name, prepared once in this database session: planning its nine
    subqueries took about as long as running them. None where a statement must not outlive a
    transaction: behind a pooler in transaction mode, which DISABLE_SERVER_SIDE_CURSORS
    declares (as Django's documentation asks for such a pooler)."""
    if database.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        return None
    kind = "drafts" if drafts else "published"
    name = database.ops.quote_name(f"project_page_{language}_{kind}".replace("-", "_"))
    session = database.connection  # the driver's connection: a new one has nothing prepared
    prepared = getattr(database, "_project_page_statements", None)
    if prepared is None or prepared[0] is not session:
        prepared = database._project_page_statements = (session, set())
    if name not in prepared[1]:
        cursor.execute(f"PREPARE {name} (text) AS {_statement(language, drafts, '$1')}")
        prepared[1].add(name)
    return name


def read_with_orm(slug: str, *, drafts: bool) -> Project:
    projects = Project.objects.for_detail()
    if not drafts:
        projects = projects.published()
    try:
        return projects.get(slug=slug)
    except Project.DoesNotExist:
        raise Http404 from None


# --- The statement ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Relation:
    """A relation of Project that the page shows: its rows, the row each one joins through
    a foreign key (select_related), and their order."""

    name: str
    model: type[models.Model]
    joined: str | None = None  # a foreign key of `model` whose row comes with it
    order: tuple[str, ...] = ("id",)  # fields of `model`; "joined__field" for the joined row
    localized_order: bool = False  # translated fields in the order: the page's language's column


RELATIONS = (
    _Relation("keywords", Keyword, order=("name", "id"), localized_order=True),
    _Relation("places", Place, order=("name", "id"), localized_order=True),
    _Relation("sector_links", ProjectSector, "sector", ("-percentage", "sector__code")),
    _Relation("participations", Participation, "organization", ("role", "id")),
    _Relation("funding_lines", FundingLine, "donor", ("kind", "id")),
    _Relation("contacts", Contact, "organization", ("id",)),
    _Relation("sources", SourceDocument, order=("file_name", "id")),
    _Relation("evidence", FactEvidence, order=("fact", "start", "id")),
)


@cache
def _statement(language: str, drafts: bool, slug_parameter: str = "%s") -> str:
    """The SELECT, from the models' tables and columns only; the slug is its one parameter."""
    quote, fields = connection.ops.quote_name, Project._meta
    columns = ",\n  ".join(_relation_sql(relation, language) for relation in RELATIONS)
    published = "" if drafts else f" AND p.{quote(fields.get_field('is_published').column)}"
    return (
        f"SELECT to_json(p)::text,\n  {columns}\n"  # noqa: S608 (no value is put in the text)
        f"FROM {quote(fields.db_table)} p "
        f"WHERE p.{quote(fields.get_field('slug').column)} = {slug_parameter}"
        f"{published}"
    )


def _relation_sql(relation: _Relation, language: str) -> str:
    """A subquery giving the relation's rows of project p as a JSON array (as text), each row
    an object of its columns, or a pair [row, joined row] when a row is joined."""
    quote = connection.ops.quote_name
    model, field = relation.model, Project._meta.get_field(relation.name)
    source = f"{quote(model._meta.db_table)} r"
    project_key = f"p.{quote(Project._meta.pk.column)}"
    if field.many_to_many:
        through = quote(field.remote_field.through._meta.db_table)
        key = quote(model._meta.pk.column)
        source += f" JOIN {through} t ON t.{quote(field.m2m_reverse_name())} = r.{key}"
        belongs = f"t.{quote(field.m2m_column_name())} = {project_key}"
    else:
        belongs = f"r.{quote(field.field.column)} = {project_key}"
    element = "to_json(r)"
    if relation.joined:
        foreign_key = model._meta.get_field(relation.joined)
        target = foreign_key.related_model._meta
        on = f"j.{quote(target.pk.column)} = r.{quote(foreign_key.column)}"
        source += f" LEFT JOIN {quote(target.db_table)} j ON {on}"
        element = "json_build_array(to_json(r), to_json(j))"
    order = ", ".join(_order_sql(relation, name, language) for name in relation.order)
    return (
        f"(SELECT coalesce(json_agg({element} ORDER BY {order}), '[]')::text "  # noqa: S608
        f"FROM {source} WHERE {belongs})"
    )


def _order_sql(relation: _Relation, name: str, language: str) -> str:
    descending = name.startswith("-")
    name = name.lstrip("-")
    alias, model = "r", relation.model
    if "__" in name:
        joined, name = name.split("__")
        alias, model = "j", model._meta.get_field(joined).related_model
    localized = build_localized_fieldname(name, language)
    if relation.localized_order and any(f.name == localized for f in model._meta.fields):
        name = localized
    column = connection.ops.quote_name(model._meta.get_field(name).column)
    return f"{alias}.{column}" + (" DESC" if descending else "")


# --- Instances from the rows ---------------------------------------------------------------------


def _project_from(row, database: str) -> Project:
    project = _instance(Project, _loads(row[0]), database)
    project._prefetched_objects_cache = {}
    for relation, rows in zip(RELATIONS, row[1:], strict=True):
        objects = [_related_instance(relation, project, item, database) for item in _loads(rows)]
        _cache_prefetched(project, relation.name, objects)
    return project


def _related_instance(relation: _Relation, project: Project, item, database: str):
    model = relation.model
    if relation.joined is None:
        instance = _instance(model, item, database)
    else:
        data, joined = item
        instance = _instance(model, data, database)
        foreign_key = model._meta.get_field(relation.joined)
        target = joined and _instance(foreign_key.related_model, joined, database)
        foreign_key.set_cached_value(instance, target)
    back = Project._meta.get_field(relation.name)
    if not back.many_to_many:
        # As Django's prefetch does for a reverse foreign key: the row knows its project.
        back.field.set_cached_value(instance, project)
    return instance


def _cache_prefetched(project: Project, name: str, objects: list) -> None:
    """What prefetch_related leaves behind: `project.<name>.all()` gives these, no query."""
    queryset = getattr(project, name).get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    project._prefetched_objects_cache[name] = queryset


def _instance(model: type[models.Model], data: dict, database: str) -> models.Model:
    fields = _fields_of(model)
    values = [convert(data[field.column]) for field, convert in fields]
    return model.from_db(database, None, values)


def _loads(text: str):
    return json.loads(text, parse_float=decimal.Decimal)


@cache
def _fields_of(model: type[models.Model]) -> tuple:
    """Each concrete field with the function that turns its JSON value into what the database
    driver gives the ORM."""
    return tuple((field, _converter(field)) for field in model._meta.concrete_fields)


def _converter(field: models.Field):
    kind = field.get_internal_type()
    if kind == "DateTimeField":
        return _optional(datetime.datetime.fromisoformat)
    if kind == "DateField":
        return _optional(datetime.date.fromisoformat)
    if kind == "DecimalField":
        return _optional(lambda value: decimal.Decimal(str(value)))
    if kind == "JSONField" or not hasattr(field, "from_db_value"):
        return _same  # JSON nests as itself; numbers, texts and booleans are as the driver's
    raise TypeError(f"{field!r} converts database values; project_page cannot read it yet")


def _optional(convert):
    return lambda value: None if value is None else convert(value)


def _same(value):
    return value
