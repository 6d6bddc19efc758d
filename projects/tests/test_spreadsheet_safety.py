"""Spreadsheets never run what an editor typed: text that starts like a formula is plain text
in every CSV (OWASP's CSV-injection advice) and a text cell in the XLSX, which holds no
formula at all. The budget is a number, with its currency and qualifier in columns of their
own."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from .factories import make_funding, make_organization, make_project

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x.example","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"projects:{name}")


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content(response).decode("utf-8")[1:])))


@pytest.fixture
def hostile_projects():
    for index, text in enumerate(HOSTILE):
        project = make_project(f"hostile-{index}", title_en=text, title_ru=text)
        donor = make_organization(f"donor-{index}", en=text, ru=text)
        implementer = make_organization(f"ngo-{index}", en=text, ru=text)
        project.participations.create(organization=implementer, role="lead_implementer")
        make_funding(project, donor=donor, amount="1500.50", currency="EUR")
    return HOSTILE


def test_every_csv_writes_formulas_as_plain_text(client, hostile_projects):
    projects = csv_rows(client.get(url("project-export-csv"), {"columns": "title,donors"}))
    donors = csv_rows(client.get(url("project-export-donors")))
    organisations = csv_rows(client.get(url("project-export-organizations")))
    for rows, column in ((projects, 0), (projects, 1), (donors, 1), (organisations, 1)):
        cells = [row[column] for row in rows[1:]]
        assert sorted(cells) == sorted("'" + text for text in hostile_projects), column
        assert not [cell for cell in cells if cell[:1] in "=+-@\t\r"]


def test_the_workbook_holds_text_not_formulas_and_numbers_as_numbers(client, hostile_projects):
    response = client.get(url("project-export-xlsx"), {"columns": "title,budget,budget_currency"})
    sheet = load_workbook(io.BytesIO(content(response))).active
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(hostile_projects)
    for title, budget, currency in rows:
        assert title.data_type == "s" and title.value in hostile_projects
        assert budget.data_type == "n" and Decimal(str(budget.value)) == Decimal("1500.5")
        assert currency.value == "EUR"
    formulas = [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []


def test_the_budget_is_a_number_with_its_currency_and_qualifier_beside_it(client):
    project = make_project("with-total")
    make_funding(project, amount="470000", kind="total")
    project.funding_lines.update(qualifier="up_to")
    make_funding(project, donor=make_organization("eu"), amount="420000")
    columns = "slug,budget,budget_currency,budget_qualifier"
    for language, qualifier in (("en", "up to"), ("ru", "до")):
        rows = csv_rows(client.get(url("project-export-csv", language), {"columns": columns}))
        assert rows[1] == ["with-total", "470000.00", "EUR", qualifier]


def test_a_sum_of_contributions_keeps_what_the_source_says_of_them(client):
    project = make_project("two-donors")
    make_funding(project, donor=make_organization("a"), amount="100", currency="USD")
    make_funding(project, donor=make_organization("b"), amount="50", currency="USD")
    project.funding_lines.filter(amount=50).update(qualifier="more_than")
    columns = "slug,budget,budget_currency,budget_qualifier"
    rows = csv_rows(client.get(url("project-export-csv"), {"columns": columns}))
    assert rows[1] == ["two-donors", "150.00", "USD", "more than"]
