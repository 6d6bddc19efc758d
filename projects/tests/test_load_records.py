"""load_records in bulk: the same rows as an export says, idempotent (a second load writes
nothing and keeps the data version), all-or-nothing with the record and field at fault named,
the synthetic mark kept, and a number of queries that does not grow with the projects."""

import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import caching
from projects.models import (
    Contact,
    FundingLine,
    Keyword,
    Organization,
    Participation,
    Project,
    ProjectPlaceIndex,
    ProjectSearchDocument,
    SourceDocument,
)
from projects.opendata.records import stream_export
from projects.seed_schema import Gazetteer, SeedRecord
from projects.services import SeedError, project_rows, records_load

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db


def build_registry(count: int, *, synthetic: bool = False) -> None:
    """`count` projects with everything a record holds: places in a small tree, donors and
    implementers, money, contacts, keywords and a source text."""
    country = make_place("kazakhstan", kind="country")
    region = make_place("pavlodar-region", kind="region", parent=country)
    cities = [make_place(f"town-{index}", parent=region) for index in range(3)]
    prefix = "synthetic-" if synthetic else ""
    donor = make_organization(f"{prefix}donor", kind="donor_agency")
    ngo = make_organization(f"{prefix}echo", ru="ОО «Эхо»", en="Echo")
    ngo.emails = ["office@echo.example.org"]
    ngo.save()
    keyword = Keyword.objects.create(slug="human-rights", name_ru="права", name_en="human rights")
    for index in range(count):
        project = make_project(
            f"project-{index:03d}",
            title_kk=f"Жоба {index}",
            summary_en=f"Summary of project {index}.",
            objectives_en="First objective\nSecond objective",
            start_date=datetime.date(2015, 1, 1),
            start_precision="month",
            end_date=datetime.date(2016 + index % 3, 12, 31),
            end_precision="year",
            is_synthetic=synthetic,
        )
        project.places.set(cities[: 1 + index % 3])
        project.keywords.set([keyword])
        make_funding(project, donor=donor, amount=f"{1000 + index}")
        make_funding(project, amount="5000.50", currency="USD", kind="total")
        Participation.objects.create(project=project, organization=ngo, role="lead_implementer")
        Contact.objects.create(
            project=project,
            name_ru=f"Контакт {index}",
            organization=ngo,
            phones=["+7 701 000 00 00"],
            emails=[f"person{index}@example.org"],
        )
        SourceDocument.objects.create(
            project=project, file_name=f"{index}.txt", language="ru", text=f"Пресс-релиз {index}."
        )


def export_file(tmp_path, name="export.json") -> tuple:
    document = json.loads(b"".join(stream_export(Project.objects.all())))
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path, document


def comparable(document: dict) -> dict:
    document = dict(document)
    document.pop("exported")
    document["projects"] = sorted(document["projects"], key=lambda r: r["project"]["slug"])
    return document


def empty_database() -> None:
    """flush, inside the test's transaction: on PostgreSQL the foreign key checks deferred to
    the commit must run first, or TRUNCATE refuses."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, stdout=io.StringIO())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def load(path) -> str:
    output = io.StringIO()
    call_command("load_records", str(path), stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("projects").get_models()
    }


# --- The same rows, idempotently ---------------------------------------------------------------


# One chunk; and several, whose inserts run behind the next chunk's planning on PostgreSQL.
@pytest.mark.parametrize("chunk", [project_rows.CHUNK, 7])
def test_an_export_loads_back_to_the_same_export_in_one_chunk_or_many(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(project_rows, "CHUNK", chunk)
    build_registry(30)
    path, first = export_file(tmp_path)
    empty_database()
    output = load(path)
    assert "projects: 30 created, 0 updated, 0 unchanged" in output
    assert "contacts: 30 created" in output
    assert comparable(export_file(tmp_path, "again.json")[1]) == comparable(first)
    # Derived rows were built for every project (bulk writes send no signals).
    assert ProjectSearchDocument.objects.count() == 30
    assert ProjectPlaceIndex.objects.filter(place__slug="kazakhstan").count() == 30
    assert ProjectSearchDocument.objects.filter(project__slug="project-007", names__contains="эхо")


def test_export_load_export_is_byte_identical(tmp_path, monkeypatch):
    """The whole file, order of projects included (a load keeps when each project was first
    recorded, which orders them newest first); only the time of the export differs, and it
    is fixed here."""
    from projects.opendata import records

    monkeypatch.setattr(
        records.timezone, "now", lambda: datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    )
    build_registry(12)
    first = b"".join(stream_export(Project.objects.all()))
    path = tmp_path / "export.json"
    path.write_bytes(first)
    empty_database()
    load(path)
    assert b"".join(stream_export(Project.objects.all())) == first


def test_an_export_loaded_into_the_database_it_came_from_keeps_when_projects_were_recorded(
    tmp_path,
):
    """Its times are to the millisecond; the stored ones, to the microsecond, are kept."""
    build_registry(5)
    created = dict(Project.objects.values_list("slug", "created_at"))
    assert any(moment.microsecond % 1000 for moment in created.values())
    path, _document = export_file(tmp_path)
    load(path)
    assert dict(Project.objects.values_list("slug", "created_at")) == created


def test_a_funding_donor_that_is_not_a_participant_loads_back(tmp_path):
    """The admin saves a funding line whose donor has no donor participation; the export
    writes it, and load_records takes it back as it is (seeds, reviewed, must name it)."""
    build_registry(3)
    project = Project.objects.get(slug="project-001")
    outsider = Organization.objects.create(slug="outsider", name_ru="Сторонний фонд", kind="ngo")
    FundingLine.objects.create(
        project=project, donor=outsider, amount=Decimal("5000"), currency="EUR", kind="other"
    )
    path, first = export_file(tmp_path)
    empty_database()
    load(path)
    assert FundingLine.objects.filter(project__slug="project-001", donor__slug="outsider").exists()
    assert comparable(export_file(tmp_path, "again.json")[1]) == comparable(first)


def test_projects_announced_by_one_release_each_keep_their_copy_through_an_export(tmp_path):
    """A release that announces several projects is the source of each; an export writes it
    for each, and a load gives each its copy back, with its evidence on its own copy."""
    build_registry(3)
    shared = "Посольство объявило три гранта: фонду «Адал», «Жас Ұрпақ» и «Шапағат»."
    for slug in ("project-000", "project-001"):
        project = Project.objects.get(slug=slug)
        source = SourceDocument.objects.create(
            project=project, file_name="three-grants.txt", language="ru", text=shared
        )
        project.evidence.create(
            fact="title", basis="stated", source=source, start=0, end=9, quote=shared[:9]
        )
    path, first = export_file(tmp_path)
    empty_database()
    output = load(path)
    assert "source documents: 5 created" in output
    copies = SourceDocument.objects.filter(text=shared)
    assert sorted(copies.values_list("project__slug", flat=True)) == ["project-000", "project-001"]
    for copy in copies:
        assert copy.project.evidence.get(fact="title").source_id == copy.pk
    assert comparable(export_file(tmp_path, "again.json")[1]) == comparable(first)
    assert "source documents: 0 created, 0 updated, 5 unchanged" in load(path)


def test_a_record_that_lists_one_text_twice_is_refused(tmp_path):
    build_registry(1)
    path, document = export_file(tmp_path)
    record = document["projects"][0]
    record["other_sources"] = [{**record["source"], "file": "copy.txt"}]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="the same text as"):
        load(path)


def test_a_second_load_writes_nothing_and_keeps_the_data_version(tmp_path):
    build_registry(12)
    path, _document = export_file(tmp_path)
    empty_database()
    load(path)
    counts, version = row_counts(), caching.data_version()
    stamps = dict(Project.objects.values_list("slug", "updated_at"))
    output = load(path)
    assert "0 rows changed (the database already held it)" in output
    assert "projects: 0 created, 0 updated, 12 unchanged" in output
    assert "participations: 0 created, 0 updated, 24 unchanged" in output
    assert "source documents: 0 created, 0 updated, 12 unchanged" in output
    assert row_counts() == counts
    assert caching.data_version() == version
    assert dict(Project.objects.values_list("slug", "updated_at")) == stamps


def test_a_changed_record_rewrites_only_its_rows_and_its_derived_rows(tmp_path):
    build_registry(12)
    path, document = export_file(tmp_path)
    empty_database()
    load(path)
    version = caching.data_version()
    record = next(r for r in document["projects"] if r["project"]["slug"] == "project-004")
    record["project"]["title"]["en"] = "Water for Ekibastuz"
    record["project"]["contacts"][0]["emails"] = ["new@example.org"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    output = load(path)
    assert "projects: 0 created, 1 updated, 11 unchanged" in output
    assert "contacts: 1 created, 0 updated, 11 unchanged, 1 deleted" in output
    assert "participations: 0 created, 0 updated, 24 unchanged" in output
    assert Project.objects.get(slug="project-004").title_en == "Water for Ekibastuz"
    assert ProjectSearchDocument.objects.get(project__slug="project-004").text_en.startswith(
        "water for ekibastuz"
    )
    assert caching.data_version() != version


# --- Synthetic data stays marked ---------------------------------------------------------------


def test_synthetic_projects_and_organisations_stay_marked_through_an_export(tmp_path):
    build_registry(3, synthetic=True)
    make_project("real-project", title_en="A real one")
    path, first = export_file(tmp_path)
    marks = {r["project"]["slug"]: r["project"].get("synthetic") for r in first["projects"]}
    assert marks == {
        "project-000": True,
        "project-001": True,
        "project-002": True,
        "real-project": None,
    }
    empty_database()
    load(path)
    assert set(Project.objects.filter(is_synthetic=True).values_list("slug", flat=True)) == {
        "project-000",
        "project-001",
        "project-002",
    }
    assert set(Organization.objects.values_list("slug", "is_synthetic")) == {
        ("synthetic-donor", True),
        ("synthetic-echo", True),
    }
    assert comparable(export_file(tmp_path, "again.json")[1]) == comparable(first)


# --- All or nothing, with the record and field named -------------------------------------------


def set_email(record):
    record["project"]["contacts"][0]["emails"] = ["not an address"]


def set_month(record):
    record["project"]["start"] = "2015-13"


def set_end_before_start(record):
    record["project"]["end"] = "2014"


def set_website(record):
    next(o for o in record["organizations"] if o["slug"] == "echo")["website"] = "no web"


def set_long_title(record):
    record["project"]["title"]["en"] = "x" * 501


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_email, "export.json: projects.25 (project-025): project.contacts.0: emails: "),
        (set_month, "export.json: projects.25.project.start: Value error, '2015-13' has no month"),
        (set_end_before_start, "export.json: projects.25 (project-025): project.end: 2014 is "),
        (set_website, "export.json: projects.25 (project-025): organizations (echo): website: "),
        (set_long_title, "export.json: projects.25 (project-025): project: title_en: "),
    ],
)
def test_one_bad_record_among_many_is_named_and_nothing_is_written(
    tmp_path, monkeypatch, change, message
):
    monkeypatch.setattr(project_rows, "CHUNK", 10)  # the bad record is in the third chunk
    build_registry(30)
    path, document = export_file(tmp_path)
    document["projects"].sort(key=lambda r: r["project"]["slug"])
    if change is set_website:  # the organisation must first appear in the bad record
        for record in document["projects"][:25]:
            project = record["project"]
            project["contacts"][0]["organization"] = None
            project["participations"] = [
                p for p in project["participations"] if p["organization"] != "echo"
            ]
            record["organizations"] = [o for o in record["organizations"] if o["slug"] != "echo"]
    change(document["projects"][25])
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    empty_database()
    with pytest.raises(CommandError) as error:
        load(path)
    assert str(error.value).startswith("Nothing was loaded.")
    assert message in str(error.value)
    if change is set_email:  # the address at fault, not "Value must be valid JSON"
        assert "not an address" in str(error.value) and "JSON" not in str(error.value)
    written = {label: count for label, count in row_counts().items() if count}
    assert written == {}


def test_model_rules_hold_for_callers_that_skip_the_record_checks(tmp_path):
    """records_load applies the models' own clean() (end after start) before writing, even
    when its caller did not run check_record_references."""
    build_registry(3)
    _path, document = export_file(tmp_path)
    empty_database()
    records = {
        f"x.json: projects.{index} ({record['project']['slug']})": SeedRecord.model_validate(record)
        for index, record in enumerate(document["projects"])
    }
    label, record = list(records.items())[1]
    records[label] = record.model_copy(
        update={"project": record.project.model_copy(update={"end": "2014"})}
    )
    with pytest.raises(SeedError, match=rf"{re.escape(label)}: project: end_date: "):
        records_load(
            records=records,
            gazetteer=Gazetteer(about="x", places=document["places"]),
            texts=lambda record: [source.text for source in record.sources],
        )
    assert Project.objects.count() == 0


def test_a_project_listed_twice_is_refused(tmp_path):
    build_registry(3)
    path, document = export_file(tmp_path)
    document["projects"].append(document["projects"][0])
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match=r"projects.3 \(project-00\d\): project.slug: .* also"):
        load(path)


# --- Queries per load --------------------------------------------------------------------------


def queries_of_first_load(tmp_path, count: int) -> int:
    build_registry(count)
    path, _document = export_file(tmp_path, f"export-{count}.json")
    empty_database()
    with CaptureQueriesContext(connection) as captured:
        load(path)
    empty_database()
    return len(captured)


def test_the_queries_of_a_load_do_not_grow_with_its_projects(tmp_path):
    few = queries_of_first_load(tmp_path, 10)
    many = queries_of_first_load(tmp_path, 60)
    # One round of statements per chunk of projects, whatever their number. SQLite allows 999
    # parameters per statement, so there a wide insert of 60 rows (and of their ~300 history
    # versions) takes a few statements more.
    slack = 0 if connection.vendor == "postgresql" else 10
    assert many <= few + slack, (few, many)
