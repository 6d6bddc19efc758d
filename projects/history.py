"""History of the records editors keep: who changed what, when, from where, and revert.

django-reversion keeps it (rather than django-simple-history) because a project is edited
with its funding lines, participations, contacts and places on one page: reversion stores one
*revision* per save holding the project and every row edited with it, and its admin reverts
such a revision whole (rows added since are removed), where simple-history keeps one table of
rows per model and reverts each row on its own.

Each revision records where it came from (admin, import, load_seeds, load_records) in a
RevisionOrigin beside it. `changes()` turns two versions into "field: old -> new" lines, in the
field names of every language (title [ru], title [kk], title [en]).
"""

from __future__ import annotations

import contextlib
import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.db.models import DecimalField, Field, Model, Prefetch, QuerySet
from django.db.models.base import ModelState
from django.utils import timezone
from modeltranslation.fields import TranslationFieldDescriptor
from reversion.models import Revision, Version

from .bulk_insert import insert_rows
from .models import (
    Contact,
    ExchangeRate,
    FactEvidence,
    FundingLine,
    Keyword,
    Organization,
    OrganizationAlias,
    Participation,
    Place,
    PlaceAlias,
    Project,
    ProjectSector,
    RevisionOrigin,
)

# Derived from the funding lines, rebuilt on every save: not worth keeping.
PROJECT_EXCLUDED = ("headline_currency", "headline_amount", "headline_qualifier")
# Changed only through the publishing service: a revert never publishes nor withdraws.
PUBLISHING_FIELDS = (
    "is_published",
    "published_at",
    "published_by_id",
    "review_requested_at",
    "review_requested_by_id",
)
PROJECT_FOLLOWS = ("participations", "sector_links", "funding_lines", "contacts", "evidence")
RECORDS_PER_REVISION = 250
NOT_SHOWN = {"id", "project", "updated_at", "created_at", *PUBLISHING_FIELDS}


def register_models() -> None:
    """Called once, before the admin's VersionAdmins are made."""
    if reversion.is_registered(Project):
        return
    reversion.register(Project, follow=PROJECT_FOLLOWS, exclude=PROJECT_EXCLUDED)
    for model in (
        Participation,
        ProjectSector,
        FundingLine,
        Contact,
        FactEvidence,
        OrganizationAlias,
        PlaceAlias,
        Keyword,
    ):
        reversion.register(model)
    reversion.register(Organization, follow=("aliases",))
    reversion.register(Place, follow=("aliases",))
    reversion.register(ExchangeRate)


@contextlib.contextmanager
def recorded(via: str, *, user=None, comment: str = ""):
    """Everything saved or added to the revision inside is one revision, from `via` (inside
    an open revision, that one)."""
    if reversion.is_active():
        yield
        return
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        reversion.add_meta(RevisionOrigin, via=via)
        yield


def add_records(model: type[Model], ids) -> None:
    """Put the current state of these records (with the rows they follow) in the open
    revision (a few records: an import)."""
    if not reversion.is_active() or not ids:
        return
    for record in with_follows(model).filter(pk__in=sorted(ids)):
        reversion.add_to_revision(record)


def record_changes(via: str, changed: dict[type[Model], Iterable[int]], comment: str = "") -> None:
    """What a bulk load wrote (bulk writes send no signals, so the loaders name the records),
    as revisions of RECORDS_PER_REVISION records each, with the rows they follow. The versions
    are written as reversion writes them, but read and serialised a chunk at a time (a few
    queries per chunk, no per-record ORM round trips): recording a load of many projects
    through reversion.add_to_revision() took longer than the load itself."""
    for model, ids in changed.items():
        ids = sorted(set(ids))
        for start in range(0, len(ids), RECORDS_PER_REVISION):
            versions = bulk_versions(model, ids[start : start + RECORDS_PER_REVISION])
            if versions:
                _save_revision(versions, via=via, comment=comment)


def bulk_versions(model: type[Model], ids: list[int]) -> list[dict]:
    """The values of the Version rows (by attname, without the revision) of these records and
    of the rows their history follows."""
    m2m = _m2m_ids(model, ids)
    versions = _Serializer.of(model).versions(
        model._default_manager.filter(pk__in=ids).order_by("pk"), m2m
    )
    for related, key in _follow_links(model):
        rows = related._default_manager.filter(**{f"{key}__in": ids}).order_by("pk")
        versions += _Serializer.of(related).versions(rows, {})  # followed rows have no m2m
    return versions


def _m2m_ids(model: type[Model], ids: list[int]) -> dict[str, dict[int, list[int]]]:
    """Per many-to-many field kept in versions: record id -> related ids (one query each)."""
    result = {}
    for model_field in _Serializer.of(model).many_to_many:
        through = model_field.remote_field.through
        source, target = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
        pairs = through._default_manager.filter(**{f"{source}__in": ids}).order_by(target)
        by_record: dict[int, list[int]] = {}
        for record_id, related_id in pairs.values_list(f"{source}_id", f"{target}_id"):
            by_record.setdefault(record_id, []).append(related_id)
        result[model_field.name] = by_record
    return result


_PROTECTED = (type(None), int, float, Decimal, datetime.datetime, datetime.date, datetime.time)


class _Serializer:
    """Versions of one model's rows as reversion writes them: Django's JSON serialiser of the
    fields reversion keeps (python.Serializer and json.Serializer, written out), from rows read
    with values_list() rather than model instances. Each row gets an instance made without
    Model.__init__ (whose keyword handling, with modeltranslation's on top, cost more than the
    rest of the serialisation), so that what goes through descriptors still does: the original
    column of a translated field (`title`) is the current language's text with its fallbacks,
    and object_repr is the model's own __str__."""

    _made: dict[type[Model], _Serializer] = {}

    @classmethod
    def of(cls, model: type[Model]) -> _Serializer:
        if model not in cls._made:
            cls._made[model] = cls(model)
        return cls._made[model]

    def __init__(self, model: type[Model]):
        options = reversion.revisions._get_options(model)
        opts = model._meta
        self.model, self.label = model, opts.label_lower
        self.format = options.format
        self.db = router.db_for_write(model)
        # Django's serialiser: local fields it serialises, chosen by name (a foreign key by
        # its attname without "_id"); many-to-many links unless kept in a model of their own.
        kept = [f for f in opts.local_fields if f.serialize and f.name in options.fields]
        self.many_to_many = [
            f
            for f in opts.local_many_to_many
            if f.serialize
            and f.name in options.fields
            and f.remote_field.through._meta.auto_created
        ]
        self.fields = [
            (
                f.name,
                f.attname,
                f,
                _is_translation_original(model, f),
                type(f).value_to_string is not Field.value_to_string,
            )
            for f in kept
        ]

    def versions(self, rows: QuerySet, m2m: dict[str, dict[int, list[int]]]) -> list[dict]:
        content_type_id = ContentType.objects.get_for_model(self.model).pk
        instances = _light_instances(rows)
        return [
            {
                "object_id": str(instance.pk),
                "content_type_id": content_type_id,
                "db": self.db,
                "format": self.format,
                "serialized_data": self._serialized(instance, m2m),
                "object_repr": str(instance),
            }
            for instance in instances
        ]

    def _serialized(self, instance: Model, m2m: dict[str, dict[int, list[int]]]) -> str:
        stored = instance.__dict__
        fields = {}
        for name, attname, model_field, computed, own_text in self.fields:
            value = getattr(instance, attname) if computed else stored[attname]
            if not isinstance(value, _PROTECTED):
                value = model_field.value_to_string(instance) if own_text else str(value)
            fields[name] = value
        for name, by_record in m2m.items():
            fields[name] = by_record.get(instance.pk, [])
        data = [{"model": self.label, "pk": instance.pk, "fields": fields}]
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def _is_translation_original(model: type[Model], model_field) -> bool:
    """modeltranslation's original field (`title` beside `title_ru`...): its value is the
    current language's translation, or a fallback, computed by its descriptor."""
    return isinstance(model.__dict__.get(model_field.attname), TranslationFieldDescriptor)


def _light_instances(rows: QuerySet) -> list[Model]:
    """The rows as model instances made without Model.__init__ (values_list() and a
    ModelState), with the organisation their names show (a participation's) attached the same
    way. The original columns of translated fields are not read: their descriptors ignore
    them."""
    model = rows.model
    columns = [
        f.attname for f in model._meta.concrete_fields if not _is_translation_original(model, f)
    ]
    db = router.db_for_read(model)
    instances = []
    for values in rows.values_list(*columns):
        instance = model.__new__(model)
        instance._state = ModelState()
        instance._state.adding, instance._state.db = False, db
        instance.__dict__.update(zip(columns, values, strict=True))
        instances.append(instance)
    for relation in model._meta.concrete_fields:
        if relation.name != "organization":
            continue
        ids = {getattr(instance, relation.attname) for instance in instances} - {None}
        related = relation.related_model._default_manager.filter(pk__in=sorted(ids))
        by_id = {record.pk: record for record in _light_instances(related)}
        for instance in instances:
            related_id = getattr(instance, relation.attname)
            if related_id is not None:
                relation.set_cached_value(instance, by_id[related_id])
    return instances


def _save_revision(versions: list[dict], *, via: str, comment: str) -> None:
    revision = Revision.objects.create(comment=comment, date_created=timezone.now())
    for version in versions:
        version["revision_id"] = revision.pk
    insert_rows(Version, versions)
    RevisionOrigin.objects.create(revision=revision, via=via)


def with_follows(model: type[Model]) -> QuerySet:
    """The model's records with the rows their history follows, read in a few queries."""
    lookups = [
        Prefetch(name, queryset=_rows_of(model._meta.get_field(name).related_model))
        for name in reversion.revisions._get_options(model).follow
    ]
    lookups += [field.name for field in model._meta.many_to_many]
    return model._default_manager.prefetch_related(*lookups).order_by("pk")


def _rows_of(related: type[Model]) -> QuerySet:
    """A followed row model's rows, with the organisation their names show (participations,
    contacts) read in the same query."""
    names = [f.name for f in related._meta.concrete_fields if f.name == "organization"]
    return related._default_manager.select_related(*names)


def revert_record(version: Version) -> None:
    """Bring one record and the rows it follows back to `version`: rows added since are
    deleted. Other records saved in the same revision (a load holds many) are left alone."""
    rows = _followed(version)
    publishing_state = _publishing_state(version)
    with transaction.atomic():
        for model, key in _follow_links(version._model):
            content_type = ContentType.objects.get_for_model(model)
            kept = [object_id for type_id, object_id in rows if type_id == content_type.pk]
            stale = model._default_manager.filter(**{key: version.object_id}).exclude(pk__in=kept)
            stale.delete()
        version.revert()
        for row in rows.values():
            row.revert()
        if publishing_state:
            Project.objects.filter(pk=version.object_id).update(**publishing_state)


def _publishing_state(version: Version) -> dict:
    """A project's current publishing state, which a revert keeps (it never publishes nor
    withdraws: that is the publishing service's)."""
    if version._model is not Project:
        return {}
    row = Project.objects.filter(pk=version.object_id).values_list(*PUBLISHING_FIELDS).first()
    return dict(zip(PUBLISHING_FIELDS, row, strict=True)) if row else {}


# --- Reading the history ------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    """A row edited with the record (a funding line, a contact ...): added, removed or changed."""

    kind: str  # "added", "removed", "changed"
    label: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Entry:
    version: Version
    origin: str
    fields: list[FieldChange]
    rows: list[RowChange]


def history_of(model: type[Model], object_id: str, limit: int = 200) -> list[Entry]:
    """The object's versions, newest first, each with what changed since the one before."""
    versions = list(
        Version.objects.get_for_object_reference(model, object_id)
        .select_related("revision__user", "revision__origin")
        .order_by("revision__date_created", "pk")
    )[-limit:]
    rows = [_followed(version) for version in versions]  # each version's rows, read once
    entries = []
    for index, version in enumerate(versions):
        previous = versions[index - 1] if index else None
        entries.append(
            Entry(
                version=version,
                origin=_origin(version),
                fields=changes(previous, version),
                rows=row_changes(rows[index - 1] if index else {}, rows[index]),
            )
        )
    return entries[::-1]


def _origin(version: Version) -> str:
    try:
        return version.revision.origin.via
    except RevisionOrigin.DoesNotExist:
        return ""


def changes(older: Version | None, newer: Version) -> list[FieldChange]:
    """The fields of `newer` that differ from `older` (every field when it is the first)."""
    model = newer._model
    before = older.field_dict if older is not None else {}
    after = newer.field_dict  # by attname; many-to-many fields: lists of ids
    result = []
    for model_field in model._meta.concrete_fields + model._meta.many_to_many:
        name = model_field.attname
        if name in NOT_SHOWN or model_field.name in NOT_SHOWN or name not in after:
            continue
        old, new = before.get(name), after.get(name)
        if model_field.many_to_many:  # the same links in another order are no change
            old = sorted(old) if old is not None else None
            new = sorted(new) if new is not None else None
        if old != new and not (older is None and new in (None, "", [])):
            label = str(model_field.verbose_name)
            result.append(FieldChange(label, _shown(model_field, old), _shown(model_field, new)))
    return result


def row_changes(before: dict, after: dict) -> list[RowChange]:
    """The rows a record follows in one version (`after`, from _followed) compared with the
    version before."""
    result = []
    for key, version in after.items():
        if key not in before:
            result.append(RowChange("added", _row_label(version), changes(None, version)))
        else:
            fields = changes(before[key], version)
            if fields:
                result.append(RowChange("changed", _row_label(version), fields))
    for key, version in before.items():
        if key not in after:
            result.append(RowChange("removed", _row_label(version)))
    return result


def _followed(version: Version) -> dict[tuple[int, str], Version]:
    """The rows of the version's revision that the record follows (its funding lines,
    participations, contacts, aliases) and that belong to it."""
    owners = _follow_links(version._model)
    if not owners:
        return {}
    rows = {}
    for model, key in owners:
        # A load's revision holds the rows of many records: only this one's are read (the
        # serialised row names its owner as "<field>": <id>, e.g. "project": 12).
        field_name = model._meta.get_field(key.removesuffix("_id")).name
        candidates = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(model),
            serialized_data__regex=rf'"{field_name}": {int(version.object_id)}[,}}]',
        )
        for other in candidates:
            if str(other.field_dict.get(key)) == str(version.object_id):
                rows[(other.content_type_id, other.object_id)] = other
    return rows


def _follow_links(model: type[Model]) -> list[tuple[type[Model], str]]:
    """(row model, attname of its key to `model`) for each relation the history follows."""
    links = []
    for name in reversion.revisions._get_options(model).follow:
        relation = model._meta.get_field(name)
        links.append((relation.related_model, relation.field.attname))
    return links


def _row_label(version: Version) -> str:
    return f"{version._model._meta.verbose_name}: {version.object_repr}"


def _shown(model_field, value) -> str:
    """A value as an editor reads it: choices by label, linked records by name."""
    if value is None or value == "":
        return "—"
    if model_field.many_to_many:
        names = model_field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(name) for name in names)) or "—"
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, DecimalField):
        return str(Decimal(value).quantize(Decimal(1).scaleb(-model_field.decimal_places)))
    return str(value)
