"""The extractor on press releases written for these tests, in the styles of the EU, USAID and
Kazakh NGOs, that it was not tuned on. Expectations are the facts a reader would note."""

from decimal import Decimal
from pathlib import Path

import pytest

from projects.ingest import extract, prepare

FOLDER = Path(__file__).parent / "press_releases"


def read(name: str):
    return extract((FOLDER / name).read_text(encoding="utf-8"))


def amounts(extraction) -> set[tuple]:
    return {(a.amount, a.currency, a.kind, a.qualifier) for a in extraction.amounts}


def test_english_eu_release():
    found = read("en_eu_disability_shymkent.txt")
    assert found.language == "en"
    assert found.title.value.startswith("EU launches a project for persons with disabilities")
    assert found.published.iso == "2019-03-14"
    assert [donor.normalized for donor in found.donors] == ["European Union"]
    assert amounts(found) == {
        (Decimal("350000"), "EUR", "total", "exact"),
        (Decimal("315000"), "EUR", "donor_contribution", "exact"),
    }
    assert (found.start.iso, found.end.iso) == ("2019-03", "2021-02")
    assert {place.name_en for place in found.places} == {"Shymkent", "Turkistan Region"}
    assert [o.name for o in found.implementers] == ['Public Foundation "Array of Hope"']
    assert [o.name for o in found.partners] == ['NGO "Zhan-Aru"']
    assert [(c.name, c.emails) for c in found.contacts] == [
        ("Aliya Nurlanova", ["a.nurlanova@arrayofhope.kz"])
    ]
    assert "Astana" not in {place.name_en for place in found.places}  # the dateline


def test_kazakh_ngo_release_with_tenge():
    found = read("kk_usaid_kyzylorda.txt")
    assert found.language == "kk"
    assert found.published.iso == "2020-02-03"
    assert [donor.normalized for donor in found.donors] == ["USAID"]
    assert amounts(found) == {(Decimal("45000000"), "KZT", "total", "exact")}
    assert (found.start.iso, found.end.iso) == ("2020-02", "2021-12")
    assert {place.name_en for place in found.places} >= {"Kyzylorda"}
    assert [o.name for o in found.implementers] == ["«Болашақ» қоғамдық қоры"]
    assert found.contacts[0].name == "Динара Омарова"
    assert found.contacts[0].phones == ["+7 (7242) 23-45-67"]


def test_russian_usaid_release():
    found = read("ru_usaid_east_kazakhstan.txt")
    assert found.language == "ru"
    assert found.published.iso == "2018-05-25"
    assert [donor.normalized for donor in found.donors] == ["USAID"]
    assert amounts(found) == {(Decimal("1200000"), "USD", "donor_contribution", "up_to")}
    assert (found.start.iso, found.end.iso) == ("2018-06", "2021-05")
    assert {place.name_en for place in found.places} == {"Ridder", "Ust-Kamenogorsk"}
    assert [o.name for o in found.implementers] == ["ОФ «Центр поддержки здоровья»"]
    assert [o.name for o in found.partners] == ["ОО «Шаг навстречу»"]
    assert found.contacts[0].name == "Ерлан Жумабаев"
    assert found.contacts[0].position == "директор"


@pytest.mark.parametrize("name", sorted(path.name for path in FOLDER.glob("*.txt")))
def test_every_value_points_at_its_words(name):
    text = (FOLDER / name).read_text(encoding="utf-8")
    found = extract(text)
    evidence = [e for a in found.amounts for e in a.evidence]
    evidence += [e for p in found.places for e in p.evidence]
    evidence += [e for o in found.implementers + found.partners + found.donors for e in o.evidence]
    assert evidence
    tidy = prepare(text).text
    for item in evidence:
        assert item.text.strip()
        assert tidy[item.start : item.end] == item.text


def test_embassy_grant_in_pounds_to_a_named_foundation():
    found = read("ru_uk_embassy_shymkent.txt")
    assert found.title.value.startswith(
        "Посольство Великобритании поддержит проект"
    )  # not the dateline
    assert found.published.iso == "2021-09-15"
    assert amounts(found) == {(Decimal("45000"), "GBP", "donor_contribution", "exact")}
    assert [o.name for o in found.implementers] == ["общественный фонд «Женская инициатива»"]
    assert (found.start.iso, found.end.iso) == ("2021-10", "2022-09")
    assert {place.name_en for place in found.places} == {"Shymkent", "Turkistan Region"}


def test_joint_programme_with_a_share_provided_by_the_eu():
    found = read("en_eu_undp_kyzylorda.txt")
    assert [donor.normalized for donor in found.donors] == ["European Union"]
    assert amounts(found) == {
        (Decimal("3500000"), "EUR", "total", "exact"),
        (Decimal("3000000"), "EUR", "donor_contribution", "exact"),
    }
    assert found.duration_months == 36 and found.start is None  # "three-year", no dates
    assert [o.name for o in found.partners] == ['Public Association "Eco Damu"']
    assert {place.name_en for place in found.places} == {"Kyzylorda Region", "Zhambyl Region"}
