"""Multi-row INSERT statements from plain values, for bulk writers (loads, derived tables).

bulk_create makes a model instance per row and resolves every field through its descriptors
(modeltranslation's fallbacks among them): at tens of thousands of rows that costs about three
times the statement itself. Here rows are dictionaries of values by attname; each value still
goes through its field's get_db_prep_save() unless the drivers take it as it is, and the
database constraints hold every row. No model signals are sent.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, models
from django.utils import timezone, translation
from modeltranslation.utils import resolution_order

ROWS_PER_STATEMENT = 1000


def insert_rows(
    model: type[models.Model], rows: list[dict[str, Any]], *, returning: bool = False
) -> list[int]:
    """INSERT the rows (values by attname, the same names in every row), many per statement;
    returns their primary keys in order when `returning`. Fields a row does not name get their
    default; `created_at` / `updated_at` the current time; modeltranslation's original column
    (`title` beside `title_ru`) the value save() would give it."""
    if not rows:
        return []
    opts = model._meta
    given = list(rows[0])
    now = timezone.now()
    fixed: dict[str, Any] = {}  # columns with one value for every row
    originals: dict[str, tuple[str, ...]] = {}  # original column -> its translations in order
    for field in opts.concrete_fields:
        if field.primary_key or field.attname in given or field.generated:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed[field.attname] = now
        elif _translations_of(model, field.name):
            originals[field.attname] = _translations_of(model, field.name)
        else:
            fixed[field.attname] = field.get_default()
    names = given + list(fixed) + list(originals)
    fields = [opts.get_field(name) for name in names]
    # Values psycopg2 and sqlite3 take as they are; the rest (dates, decimals, JSON...) goes
    # through the field, as in a save().
    as_is = [not isinstance(field, models.JSONField) for field in fields]
    fixed_values = [fixed[name] for name in fixed]
    quote = connection.ops.quote_name
    table = quote(opts.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    placeholder = "(" + ", ".join(["%s"] * len(names)) + ")"
    per_statement = ROWS_PER_STATEMENT
    if connection.features.max_query_params:
        per_statement = min(per_statement, connection.features.max_query_params // len(names))
    returning_sql = f" RETURNING {quote(opts.pk.column)}" if returning else ""
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            params: list[Any] = []
            for row in batch:
                values = [row[name] for name in given] + fixed_values
                values += [_first_meaningful(row, order) for order in originals.values()]
                params += [
                    value
                    if plain and (value is None or type(value) in (str, int, bool))
                    else field.get_db_prep_save(value, connection)
                    for field, plain, value in zip(fields, as_is, values, strict=True)
                ]
            # Names come from the model's metadata, values are parameters.
            values_sql = ", ".join([placeholder] * len(batch))
            sql = f"INSERT INTO {table} ({columns}) VALUES {values_sql}{returning_sql}"  # noqa: S608
            cursor.execute(sql, params)
            if returning:
                ids += [row[0] for row in cursor.fetchall()]
    return ids


def _translations_of(model, name: str) -> tuple[str, ...]:
    """For modeltranslation's original field `name`, its translation columns in the order its
    descriptor reads them for the active language (with fallbacks); () for other fields."""
    descriptor = model.__dict__.get(name)
    if descriptor is None or not hasattr(descriptor, "fallback_languages"):
        return ()
    order = resolution_order(translation.get_language(), descriptor.fallback_languages)
    return tuple(f"{name}_{language}" for language in order)


def _first_meaningful(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    for column in columns:
        if row.get(column):
            return row[column]
    return ""
