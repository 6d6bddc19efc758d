"""A release that announces several projects: one part of the text per grant (no database)."""

from decimal import Decimal
from pathlib import Path

import pytest

from projects.ingest import extract

ROOT = Path(__file__).resolve().parents[2]


def _release(folder: str, prefix: str) -> str:
    return next((ROOT / folder).glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _summary(text: str):
    return [
        ([o.name for o in project.implementers], [(a.amount, a.currency) for a in project.amounts])
        for project in extract(text).projects
    ]


def test_nine_small_grants_in_a_numbered_list_are_nine_projects():
    projects = extract(_release("devset", "302")).projects
    assert len(projects) == 9
    assert [project.implementers[0].name for project in projects][:2] == [
        'Public Association "Taraz Youth Media Lab"',
        'Public Foundation "Kopir Initiatives"',
    ]
    assert [project.amounts[0].amount for project in projects][2] == Decimal("45000")  # "$45K"
    assert [place.name_en for place in projects[1].places] == ["Shymkent"]
    assert projects[0].title.startswith('Public Association "Taraz Youth Media Lab" (Taraz)')


def test_a_paragraph_per_grantee_gives_each_its_own_sum_and_places():
    assert _summary(_release("devset", "403")) == [
        (["общественный фонд «Адал»"], [(Decimal("78910"), "USD")]),
        (["общественное объединение «Жас Ұрпақ»"], [(Decimal("96400"), "USD")]),
        (
            ["частное учреждение «Реабилитационный центр „Шапағат“»"],
            [(Decimal("54300"), "USD")],
        ),
    ]
    places = [
        [p.name_en for p in project.places]
        for project in extract(_release("devset", "403")).projects
    ]
    assert places == [
        ["Shymkent"],
        ["Karabulak", "Sayram District"],
        ["Lenger", "Tolebii District"],
    ]


def test_sums_in_a_foreign_currency_keep_theirs_and_drop_the_conversion_in_brackets():
    assert _summary(_release("devset", "712")) == [
        (['Public Association "Eco Stepnogorsk"'], [(Decimal("520000"), "CZK")]),
        (
            ["Rudny Society of Parents of Children with Hearing Impairments"],
            [(Decimal("480000"), "CZK")],
        ),
        (["Legal Initiatives Centre"], [(Decimal("395000"), "CZK")]),
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_release_about_one_project_announces_none(prefix):
    assert extract(_release("seeds", prefix)).projects == []


def test_listed_partners_are_not_projects():
    text = (
        "Общественный фонд «Эхо» реализует проект по доступу к правосудию на 250 000 евро.\n\n"
        "Партнеры проекта:\n"
        "- Общественное объединение «Ар-Намыс»;\n"
        "- Общественный фонд «Десента».\n"
    )
    assert extract(text, "ru").projects == []


def test_the_same_grantee_in_two_paragraphs_is_one_project_told_twice():
    text = (
        "Общественному фонду «Адал» выделено 78 910 долларов США на оснащение центра.\n\n"
        "Еще 5 000 долларов США фонду «Адал» выделено на обучение персонала.\n"
    )
    assert extract(text, "ru").projects == []
