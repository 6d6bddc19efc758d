"""Bulk writes that leave unchanged rows alone.

The loaders read the rows a batch of records concerns in one query per table, compare them in
Python with what the records want, validate the rows they are about to write with the models'
own field rules (and `clean()` where a model has one), then insert, update or delete only the
differences, a few statements per batch.

New rows are inserted from plain values (bulk_insert.insert_rows), without a model instance
per row; the database constraints hold every row.

None of these writes sends model signals, so the callers mark the projects they changed for
indexing (indexing.mark_stale); deletes of rows that have receivers still send theirs.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.base import ModelState
from django.utils import timezone

from ..bulk_insert import ROWS_PER_STATEMENT, insert_rows
from ..models import normalize_name
from ..seed_files import SeedError


@dataclass
class Plan:
    """What to write so that a table holds the wanted rows (values by attname, keyed by the
    records' natural key): rows to insert, rows with changed fields, and how many already
    hold their values. After write(), `ids` holds every wanted key's primary key."""

    created: dict[Hashable, dict[str, Any]] = field(default_factory=dict)
    updated: dict[Hashable, tuple[int, dict[str, Any], set[str]]] = field(default_factory=dict)
    unchanged: int = 0
    ids: dict[Hashable, int] = field(default_factory=dict)

    @property
    def changed_ids(self) -> set[int]:
        return {pk for pk, _values, _changed in self.updated.values()}

    def rows_to_write(self) -> list[tuple[Hashable, dict[str, Any]]]:
        return list(self.created.items()) + [
            (key, values) for key, (_pk, values, _changed) in self.updated.items()
        ]


def plan_upsert(
    *, existing: dict[Hashable, dict[str, Any]], wanted: dict[Hashable, dict[str, Any]]
) -> Plan:
    """Compare the wanted values with the existing rows, read with `.values("pk", ...)`
    under the same keys and field names."""
    plan = Plan()
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            plan.created[key] = values
            continue
        plan.ids[key] = row["pk"]
        changed = {name for name, value in values.items() if row[name] != value}
        if changed:
            plan.updated[key] = (row["pk"], values, changed)
        else:
            plan.unchanged += 1
    return plan


# --- Validation ---------------------------------------------------------------------------------


def validate(
    model: type[models.Model],
    rows: Iterable[tuple[str, dict[str, Any]]],
    *,
    exclude: Iterable[str] = (),
    model_clean: bool = False,
) -> None:
    """Each row's field rules (lengths, choices, e-mails, web addresses, number ranges), as
    Model.clean_fields() applies them, and with model_clean the model's clean() (a project's
    date precision and end after start). No queries: foreign keys hold ids this load has just
    read or written, and slugs are unique in the file (checked before). Raises SeedError with
    the row's label and the field at fault."""
    exclude = set(exclude)
    fields: dict[str, models.Field] = {}
    for label, values in rows:
        for name, value in values.items():
            if name not in fields:
                fields[name] = model._meta.get_field(name)
            field_ = fields[name]
            if field_.name in exclude or (field_.blank and value in field_.empty_values):
                continue
            try:
                field_.clean(value, None)
            except ValidationError as error:
                raise SeedError(f"{label}: {field_.name}: {' '.join(error.messages)}") from None
        if model_clean:
            try:
                _unsaved(model, values).clean()
            except ValidationError as error:
                raise SeedError(f"{label}: {describe(error)}") from None


def _unsaved(model: type[models.Model], values: dict[str, Any]) -> models.Model:
    """An unsaved instance holding the values, for its clean(), made without Model.__init__:
    its keyword handling (with modeltranslation's rewriting on top) costs more than clean()
    itself, thousands of times per load."""
    instance = model.__new__(model)
    instance._state = ModelState()
    instance.__dict__.update(values)
    return instance


def describe(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    return " ".join(error.messages)


# --- Writing ------------------------------------------------------------------------------------


def write(model: type[models.Model], plan: Plan) -> None:
    """Insert the plan's new rows and update its changed ones."""
    if plan.created:
        ids = insert_rows(model, list(plan.created.values()), returning=True)
        plan.ids.update(zip(plan.created, ids, strict=True))
    if plan.updated:
        names: set[str] = set()
        instances = []
        for pk, values, changed in plan.updated.values():
            names |= changed
            instances.append(model(pk=pk, **values))
        columns = _columns_to_update(model, names, instances)
        model.objects.bulk_update(instances, sorted(columns), batch_size=ROWS_PER_STATEMENT)


def _columns_to_update(model, names: set[str], instances) -> set[str]:
    """The changed columns, plus modeltranslation's original column of a changed translation,
    plus `updated_at`, which bulk_update does not set by itself."""
    columns = set(names)
    for name in names:
        original = getattr(model._meta.get_field(name), "translated_field", None)
        if original is not None:
            columns.add(original.name)
    if any(field_.name == "updated_at" for field_ in model._meta.concrete_fields):
        now = timezone.now()
        for instance in instances:
            instance.updated_at = now
        columns.add("updated_at")
    return columns


def add_aliases(
    alias_model, owner_field: str, names_by_owner: dict[int, list[str]]
) -> tuple[int, set[int]]:
    """Add the aliases each owner (by id) does not have yet; editors' own aliases are kept.
    Returns how many were added and the owners that got them. Two statements in all."""
    owner_attname = f"{owner_field}_id"
    known: dict[int, set[str]] = {owner_id: set() for owner_id in names_by_owner}
    for owner_ids in in_batches(list(names_by_owner)):
        existing = alias_model.objects.filter(**{f"{owner_attname}__in": owner_ids})
        for owner_id, normalized in existing.values_list(owner_attname, "normalized"):
            known[owner_id].add(normalized)
    new_aliases = []
    for owner_id, names in names_by_owner.items():
        for name in names:
            normalized = normalize_name(name)
            if normalized and normalized not in known[owner_id]:
                known[owner_id].add(normalized)
                new_aliases.append(
                    {owner_attname: owner_id, "name": name, "normalized": normalized}
                )
    insert_rows(alias_model, new_aliases)
    return len(new_aliases), {alias[owner_attname] for alias in new_aliases}


def in_batches(values: list, size: int = 2000) -> Iterable[list]:
    """`__in` lookups in slices, so no statement carries an unbounded number of parameters."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
