"""evaluate_extraction scores the extractor against the five reviewed seeds: it runs on the
records as they are (organisations to contact without a person included) and keeps its
figures."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from projects.evaluation import FOLDER_FIELDS, evaluate, evaluate_folder

SEEDS = Path(settings.SEEDS_DIR)


def test_the_seeds_are_scored_field_by_field():
    result = evaluate(SEEDS)
    contacts = result.fields["contacts"]
    # Seed 002 gives two organisations to contact, no person: found by the organisation.
    assert (contacts.true_positives, contacts.false_positives, contacts.false_negatives) == (
        13,
        0,
        0,
    )
    assert result.f1 >= 0.97


def test_the_command_prints_a_table_and_the_overall_score():
    output = io.StringIO()
    call_command("evaluate_extraction", stdout=output)
    assert "contacts" in output.getvalue()
    assert "overall F1: 0.9" in output.getvalue()


# --- a folder of releases with an editor's reading (devset/) ----------------------------------

RELEASE = """ЕС поддержал правовую помощь в Таразе

Общественный фонд «Адал» реализует проект при поддержке Европейского Союза. Бюджет проекта
составляет 250 000 евро. Контакты: Айгуль Серикова, +7 701 000 00 00, aigul@adal.kz
"""


def reading(**changes) -> dict:
    expected = {
        "language": "ru", "source_url": None, "title": "ЕС поддержал правовую помощь в Таразе",
        "donors": [["Европейский Союз", "European Union"]],
        "amounts": [{"amount": "250000", "currency": "EUR"}], "start": None, "end": None,
        "duration_months": None, "places": [["Taraz"]],
        "implementers": [["Общественный фонд «Адал»", "Адал"]], "partners": [],
        "contacts": [["Айгуль Серикова"]], "emails": ["aigul@adal.kz"],
        "phones": ["+7 701 000 00 00"], "contract_number": None, "notes": "",
    }  # fmt: skip
    return expected | changes


def write_release(folder: Path, expected: dict) -> None:
    (folder / "001_adal.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "001_adal.expected.json").write_text(json.dumps(expected), encoding="utf-8")


def test_a_name_counts_once_for_any_of_its_accepted_forms(tmp_path):
    write_release(tmp_path, reading())
    result = evaluate_folder(tmp_path)
    assert result.f1 == 1.0
    implementers = result.fields["implementers"]
    assert (implementers.true_positives, implementers.false_positives) == (1, 0)


def test_what_the_reading_does_not_give_counts_against_the_extractor(tmp_path):
    write_release(tmp_path, reading(implementers=[["Фонд «Другой»"]], places=[]))
    result = evaluate_folder(tmp_path)
    implementers, places = result.fields["implementers"], result.fields["places"]
    assert (implementers.false_positives, implementers.false_negatives) == (1, 1)
    assert implementers.misses == [
        "001_adal: extra Общественный фонд «Адал»",
        "001_adal: missed Фонд «Другой»",
    ]
    assert places.false_positives == 1 and result.f1 < 1.0


def test_the_development_set_is_scored_with_every_field():
    output = io.StringIO()
    call_command("evaluate_extraction", "--set", "dev", stdout=output)
    lines = output.getvalue().splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == FOLDER_FIELDS
    # The first 28 releases scored 0.598 when they were written, the 40 of then 0.839 when
    # 12 more came; four sets of 15 added since scored 0.793, 0.776, 0.724 and 0.785 on arrival
    # (the 100 together 0.861 after the work they led to): a change that loses much of what was
    # won since fails here.
    assert float(lines[-1].removeprefix("overall F1: ")) >= 0.80


def test_a_folder_without_readings_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no NNN_"):
        call_command("evaluate_extraction", "--folder", tmp_path, stdout=io.StringIO())
