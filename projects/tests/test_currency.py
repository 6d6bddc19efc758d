"""Converted figures: annual average rates by year, no guessing, rounding, and where a visitor
sees them."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from projects.currency import RATE_SOURCE_NAMES, Converted, NotConverted, RateTable
from projects.models import ExchangeRate

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"


def table(*rows) -> RateTable:
    return RateTable(
        [
            ExchangeRate(
                currency=c, year=y, rate_to_eur=Decimal(e), rate_to_usd=Decimal(u), source=s
            )
            for c, y, e, u, s in rows
        ]
    )


RATES = table(
    ("EUR", 2017, "1", "1.1297", "ECB"),
    ("USD", 2017, "0.885190758608", "1", "ECB"),
    ("KZT", 2017, "0.002715253", "0.003067485", "NBK × ECB"),
    ("EUR", 2018, "1", "1.1810", "ECB"),
)


@pytest.mark.parametrize(
    ("amount", "currency", "target", "expected"),
    [
        ("470000", "EUR", "USD", "530959"),  # 470 000 × 1.1297 = 530 959
        ("530959", "USD", "EUR", "470000"),
        ("1", "EUR", "USD", "1"),  # 1.1297 rounds down
        ("2", "EUR", "USD", "2"),  # 2.2594
        ("3", "EUR", "USD", "3"),  # 3.3891
        ("5", "EUR", "USD", "6"),  # 5.6485 rounds up
        ("12000000", "KZT", "EUR", "32583"),
    ],
)
def test_conversion_uses_the_years_rate_and_rounds_to_whole_units(
    amount, currency, target, expected
):
    result = RATES.convert(Decimal(amount), currency, target, 2017)
    assert isinstance(result, Converted)
    assert result.amount == Decimal(expected)
    assert result.year == 2017


def test_the_rate_of_another_year_is_never_used():
    missing_year = RATES.convert(Decimal(100), "EUR", "USD", 2016)
    assert isinstance(missing_year, NotConverted)
    assert "2016" in missing_year.reason
    one_side_missing = RATES.convert(Decimal(100), "EUR", "USD", 2018)  # no USD rate in 2018
    assert isinstance(one_side_missing, NotConverted)
    assert "USD" in one_side_missing.reason


def test_no_year_means_no_conversion():
    assert isinstance(RATES.convert(Decimal(100), "EUR", "USD", None), NotConverted)


def test_the_source_is_named():
    assert RATES.convert(Decimal(1), "KZT", "EUR", 2017).source == "NBK × ECB; ECB"


# --- On the seeds -----------------------------------------------------------------------------


@pytest.fixture
def seeds(seeded_db):
    pass


def test_load_seeds_loads_annual_averages_for_the_years_of_the_data(seeds):
    years = set(ExchangeRate.objects.values_list("year", flat=True))
    assert {2012, 2014, 2017, 2020} <= years
    kzt = ExchangeRate.objects.get(currency="KZT", year=2017)
    assert abs(kzt.rate_to_usd - Decimal(1) / Decimal("326.00")) < Decimal("1e-9")
    assert "National Bank of Kazakhstan" in kzt.source


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"budget_min": "500000", "currency": "USD"}, {S003, S004}),  # €470 000 ≈ $530 959
        ({"budget_max": "600000", "currency": "USD"}, {S000, S004}),  # €213 793 at 2012 rates
        ({"budget_min": "100000000", "currency": "KZT"}, {S004}),
    ],
)
def test_budget_range_compares_projects_in_other_currencies(client, seeds, params, expected):
    with translation.override("en"):
        response = client.get(reverse("projects:project-list"), params)
    assert {project.slug for project in response.context["projects"]} == expected


def test_list_shows_converted_budgets_marked_with_year_and_source(client, seeds):
    with translation.override("en"):
        html = client.get(reverse("projects:project-list"), {"display": "USD"}).content.decode()
    assert "470,000\xa0EUR" in html  # the stated amount stays
    assert "≈&nbsp;530,959\xa0USD" in html
    assert "converted at the 2017 annual average rate" in html
    assert "ECB" in html


def test_project_page_adds_a_converted_column(client, seeds):
    with translation.override("en"):
        url = reverse("projects:project-detail", args=[S000])
    html = client.get(url, {"display": "KZT"}).content.decode()
    assert '<th scope="col">In KZT</th>' in html
    # Seed 000 states no dates: the rate is the year of its press release, 2012.
    assert "converted at the 2012 annual average rate" in html
    assert "213,793\xa0EUR" in html


def test_every_rate_source_of_the_seed_file_has_a_translated_name():
    rates = yaml.safe_load((Path(settings.SEEDS_DIR) / "exchange_rates.yaml").read_text())
    assert {source["name"] for source in rates["sources"].values()} <= set(RATE_SOURCE_NAMES)


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ru", ["Национальный банк Казахстана", "Европейский центральный банк"]),
        ("kk", ["Қазақстан Ұлттық Банкі", "Еуропалық Орталық Банк"]),
    ],
)
def test_rate_sources_are_named_in_the_pages_language(client, seeds, language, names):
    project_page = client.get(f"/{language}/projects/{S000}/", {"display": "KZT"})
    project_list = client.get(f"/{language}/projects/", {"display": "USD"})
    for html in (project_page.content.decode(), project_list.content.decode()):
        assert "annual average rate" not in html  # the sentence is translated
        for english in ("National Bank", "ECB", "reference rates", "annual average"):
            assert english not in html
    assert all(name in project_page.content.decode() for name in names)  # KZT: both series


def test_a_missing_rate_is_said_not_guessed(client, seeds):
    ExchangeRate.objects.filter(year=2017).delete()
    with translation.override("en"):
        url = reverse("projects:project-detail", args=[S004])
    html = client.get(url, {"display": "USD"}).content.decode()
    assert "not converted: no EUR rate for 2017" in html


def test_editors_keep_the_rates(client, seeds, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-editor-password-42")
    call_command("create_editor", "rates-editor", stdout=io.StringIO())
    editor = User.objects.get(username="rates-editor")
    assert editor.has_perm("projects.change_exchangerate")
    client.force_login(editor)
    with translation.override("en"):
        url = reverse("admin:projects_exchangerate_changelist")
    assert client.get(url).status_code == 200
