"""Bulk inserts from plain values, for bulk writers (loads, derived tables).

bulk_create makes a model instance per row and resolves every field through its descriptors
(modeltranslation's fallbacks among them): at tens of thousands of rows that costs about three
times the statement itself. Here rows are dictionaries of values by attname. On PostgreSQL
they are sent with COPY, which costs the client and the server about half of an INSERT of the
same rows (ids, when wanted, are taken from the table's sequence first); elsewhere with
multi-row INSERT statements. Either way each value is converted as its field would convert it
for a save, the database constraints hold every row, and no model signals are sent.

COPY does not go through Django's cursor wrappers: it is added to the query log here, so that
debug pages and tests' query counts see it.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, models
from django.utils import timezone, translation
from modeltranslation.utils import resolution_order

ROWS_PER_STATEMENT = 1000


def insert_rows(
    model: type[models.Model], rows: list[dict[str, Any]], *, returning: bool = False
) -> list[int]:
    """Insert the rows (values by attname, the same names in every row); returns their primary
    keys in order when `returning`. Fields a row does not name get their default;
    `created_at` / `updated_at` the current time; modeltranslation's original column (`title`
    beside `title_ru`) the value save() would give it."""
    if not rows:
        return []
    columns = _Columns(model, list(rows[0]))
    if connection.vendor == "postgresql":
        return _copy(model, columns, rows, returning)
    return _insert(model, columns, rows, returning)


class _Columns:
    """The columns an insert writes: those the rows give, then the fixed ones and the originals
    of translated fields, with each field."""

    def __init__(self, model, given: list[str]):
        now = timezone.now()
        fixed: dict[str, Any] = {}  # columns with one value for every row
        originals: dict[str, tuple[str, ...]] = {}  # original column -> translations in order
        for field in model._meta.concrete_fields:
            if field.primary_key or field.attname in given or field.generated:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                fixed[field.attname] = now
            elif _translations_of(model, field.name):
                originals[field.attname] = _translations_of(model, field.name)
            else:
                fixed[field.attname] = field.get_default()
        self.given, self.fixed, self.originals = given, fixed, originals
        self.names = given + list(fixed) + list(originals)
        self.fields = [model._meta.get_field(name) for name in self.names]

    def values(self, row: dict[str, Any]) -> list[Any]:
        fixed = list(self.fixed.values())
        originals = [_first_meaningful(row, order) for order in self.originals.values()]
        return [row[name] for name in self.given] + fixed + originals


# --- PostgreSQL: COPY -------------------------------------------------------------------------


def _copy(model, columns: _Columns, rows: list[dict[str, Any]], returning: bool) -> list[int]:
    quote = connection.ops.quote_name
    opts = model._meta
    ids: list[int] = []
    names = [quote(field.column) for field in columns.fields]
    with connection.cursor() as cursor:
        if returning:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, opts.pk.column, len(rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            names.insert(0, quote(opts.pk.column))
        texts = [_copy_text(field) for field in columns.fields]
        lines = []
        for index, row in enumerate(rows):
            values = [text(value) for text, value in zip(texts, columns.values(row), strict=True)]
            if returning:
                values.insert(0, str(ids[index]))
            lines.append("\t".join(values))
        lines.append("")
        sql = f"COPY {quote(opts.db_table)} ({', '.join(names)}) FROM STDIN"
        started = time.monotonic()
        cursor.cursor.copy_expert(sql, io.StringIO("\n".join(lines)))
        if connection.queries_logged:  # as Django's debug cursor logs what it executes
            duration = time.monotonic() - started
            connection.queries_log.append(
                {"sql": f"{sql} -- {len(rows)} rows", "time": f"{duration:.3f}"}
            )
    return ids


def _escape(text: str) -> str:
    """COPY's text format: backslash, tab, newline and carriage return escaped. (str.replace;
    str.translate is twenty times slower on Cyrillic text.)"""
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t")
        text = text.replace("\n", "\\n").replace("\r", "\\r")
    return text


def _copy_text(field: models.Field) -> Callable[[Any], str]:
    """How a value of the field is written in COPY's text format (NULL is \\N)."""
    if isinstance(field, models.JSONField):
        return lambda value: (
            "\\N" if value is None else _escape(json.dumps(value, cls=field.encoder))
        )

    def text(value: Any) -> str:
        if value is None:
            return "\\N"
        if isinstance(value, bool):
            return "t" if value else "f"
        if isinstance(value, str):
            return _escape(value)
        if isinstance(value, int):
            return str(value)
        prepared = field.get_db_prep_save(value, connection)
        if hasattr(prepared, "isoformat"):
            return prepared.isoformat()
        return _escape(str(prepared))

    return text


# --- Other databases: INSERT --------------------------------------------------------------------


def _insert(model, columns: _Columns, rows: list[dict[str, Any]], returning: bool) -> list[int]:
    quote = connection.ops.quote_name
    opts = model._meta
    fields = columns.fields
    # Values the driver takes as they are; the rest (dates, decimals, JSON...) goes through the
    # field, as in a save().
    as_is = [not isinstance(field, models.JSONField) for field in fields]
    table = quote(opts.db_table)
    names = ", ".join(quote(field.column) for field in fields)
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = ROWS_PER_STATEMENT
    if connection.features.max_query_params:
        per_statement = min(per_statement, connection.features.max_query_params // len(fields))
    returning_sql = f" RETURNING {quote(opts.pk.column)}" if returning else ""
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            params: list[Any] = []
            for row in batch:
                params += [
                    value
                    if plain and (value is None or type(value) in (str, int, bool))
                    else field.get_db_prep_save(value, connection)
                    for field, plain, value in zip(fields, as_is, columns.values(row), strict=True)
                ]
            # Names come from the model's metadata, values are parameters.
            values_sql = ", ".join([placeholder] * len(batch))
            sql = f"INSERT INTO {table} ({names}) VALUES {values_sql}{returning_sql}"  # noqa: S608
            cursor.execute(sql, params)
            if returning:
                ids += [row[0] for row in cursor.fetchall()]
    return ids


# --- Translated fields ------------------------------------------------------------------------


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
