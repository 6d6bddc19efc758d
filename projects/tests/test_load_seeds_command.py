"""load_seeds as a command: idempotent, all-or-nothing, clear about what is wrong."""

import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from projects.models import Contact, FundingLine, Place, Project

SEEDS = Path(settings.SEEDS_DIR)


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("projects").get_models()
    }


def load(seeds_dir: Path = SEEDS, *extra: str) -> str:
    output = io.StringIO()
    call_command("load_seeds", "--seeds-dir", str(seeds_dir), *extra, stdout=output)
    return output.getvalue()


# --- Idempotent, transactional, clear about errors ----------------------------------------------


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first = load()
    counts = row_counts()
    assert "Seeds loaded" in first
    assert counts["projects.Project"] == 5
    second = load()
    assert row_counts() == counts
    assert "0 rows changed" in second
    assert "projects: 0 created, 0 updated, 5 unchanged" in second


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    output = load(SEEDS, "--dry-run")
    assert "would change" in output
    assert Project.objects.count() == 0 and Place.objects.count() == 0


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def edit_record(seeds_dir: Path, seed: str, change) -> None:
    path = seeds_dir / f"{seed}.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seed", "change", "message"),
    [
        (
            "004_fcaf4a1b7c0b3dcd",
            lambda r: r["project"]["funding"][0].update(currency="EURO"),
            "004_fcaf4a1b7c0b3dcd.yaml: project.funding.0.currency",
        ),
        (
            "003_244677f27360cb33",
            lambda r: r["project"]["funding"][0].update(amount="-5"),
            "003_244677f27360cb33.yaml: project.funding.0.amount",
        ),
        (
            "001_56b1c0f800f27245",
            lambda r: r["project"].update(end="2013-01"),
            "001_56b1c0f800f27245.yaml: project.end",
        ),
        (
            "000_b181058ddafe2ef1",
            lambda r: r["project"]["places"].append("atlantis"),
            "000_b181058ddafe2ef1.yaml: project (human-rights-communication-information-governance)"
            ": places: not in the gazetteer: atlantis",
        ),
        (
            "002_57395b7d9433e990",
            lambda r: r["project"].update(colour="blue"),
            "002_57395b7d9433e990.yaml: project.colour",
        ),
        (
            "000_b181058ddafe2ef1",
            lambda r: r["project"]["participations"].append(
                {"organization": "nobody", "role": "partner"}
            ),
            "000_b181058ddafe2ef1.yaml: project.participations.5.organization",
        ),
    ],
)
def test_a_broken_record_names_file_and_field_and_changes_nothing(
    seeds_copy, seed, change, message
):
    load(seeds_copy)  # a good load first: the broken one must not touch it
    before = row_counts()
    titles = dict(Project.objects.values_list("slug", "title_en"))
    edit_record(seeds_copy, seed, change)
    (seeds_copy / "001_56b1c0f800f27245.yaml").write_text(
        (seeds_copy / "001_56b1c0f800f27245.yaml")
        .read_text(encoding="utf-8")
        .replace("Transnational", "CHANGED Transnational"),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        load(seeds_copy)
    assert message in str(error.value)
    assert "Nothing was loaded" in str(error.value)
    assert row_counts() == before
    assert dict(Project.objects.values_list("slug", "title_en")) == titles


@pytest.mark.django_db
def test_conflicting_facts_about_one_organisation_are_an_error(seeds_copy):
    def rename_echo(record):
        record["organizations"].append(
            {**record["organizations"][0], "name": {"ru": "Другое", "kk": "Басқа", "en": "Other"}}
        )

    edit_record(seeds_copy, "004_fcaf4a1b7c0b3dcd", lambda r: None)
    first_org = yaml.safe_load((seeds_copy / "000_b181058ddafe2ef1.yaml").read_text())[
        "organizations"
    ][0]
    edit_record(
        seeds_copy,
        "004_fcaf4a1b7c0b3dcd",
        lambda r: r["organizations"].append(
            {**first_org, "name": {"ru": "Другое", "kk": "Басқа", "en": "Other"}}
        ),
    )
    with pytest.raises(CommandError) as error:
        load(seeds_copy)
    assert "004_fcaf4a1b7c0b3dcd.yaml: organizations" in str(error.value)
    assert "000_b181058ddafe2ef1.yaml" in str(error.value)
    assert Project.objects.count() == 0


@pytest.mark.django_db
def test_a_broken_gazetteer_aborts_with_its_file_name(seeds_copy):
    (seeds_copy / "gazetteer.json").write_text('{"about": "x", "places": [', encoding="utf-8")
    with pytest.raises(CommandError, match="gazetteer.json: not valid JSON"):
        load(seeds_copy)
    assert Place.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_source_file_is_named(seeds_copy):
    (seeds_copy / "003_244677f27360cb33.txt").unlink()
    with pytest.raises(CommandError, match="003_244677f27360cb33.yaml: source.file"):
        load(seeds_copy)


def change_the_us_initiative_budget(record: dict) -> None:
    """A reviewer's change of a figure, with the fact its evidence names (the quote itself
    stays: this only exercises the loader)."""
    record["project"]["funding"][1].update(amount="760000")
    old = "funding:united-states-of-america:750000:USD:donor_contribution:exact"
    for evidence in record["project"]["evidence"]:
        if evidence["fact"] == old:
            evidence["fact"] = old.replace("750000", "760000")


@pytest.mark.django_db
def test_a_changed_record_updates_only_what_changed(seeds_copy):
    load(seeds_copy)
    edit_record(
        seeds_copy,
        "003_244677f27360cb33",
        change_the_us_initiative_budget,
    )
    output = load(seeds_copy)
    assert "projects: 0 created, 0 updated, 5 unchanged" in output
    assert "funding lines: 3 created, 0 updated, 4 unchanged, 3 deleted" in output
    assert FundingLine.objects.filter(amount=Decimal("760000")).count() == 1
    assert Contact.objects.count() > 0
