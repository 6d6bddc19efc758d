"""The derived tables (search documents, project-place index, budgets) follow every change of
the records they come from, and the data version changes with them (projects/indexing.py)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from projects import caching, indexing, search
from projects.models import (
    FundingLine,
    Keyword,
    OrganizationAlias,
    Participation,
    PlaceAlias,
    Project,
    ProjectBudget,
    ProjectPlaceIndex,
    ProjectSearchDocument,
)

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db


def holds(project, text: str) -> bool:
    """The project's search document holds the words of `text`, one after another."""
    documents = ProjectSearchDocument.objects.filter(project=project)
    return search.matching_documents(documents, f'"{text}"').exists()


def places_of(project) -> dict[str, bool]:
    rows = ProjectPlaceIndex.objects.filter(project=project)
    return dict(rows.values_list("place__slug", "is_direct"))


def budgets_of(project) -> dict[str, tuple[Decimal, bool]]:
    rows = ProjectBudget.objects.filter(project=project)
    return {currency: (amount, headline) for currency, amount, headline in
            rows.values_list("currency", "amount", "is_headline")}  # fmt: skip


@pytest.fixture
def tree(db):
    country = make_place("land", kind="country", ru="Страна", en="Land")
    region = make_place("north", kind="region", parent=country, ru="Север", en="North")
    town = make_place("port", kind="town", parent=region, ru="Порт", en="Port")
    other = make_place("south", kind="region", parent=country, ru="Юг", en="South")
    return {"country": country, "region": region, "town": town, "other": other}


def test_a_new_project_is_searchable_at_once():
    project = make_project("fresh", title_ru="Чистая вода", title_en="Clean water")
    assert holds(project, "чистая вода")
    assert holds(project, "clean water")


def test_editing_a_text_rewrites_the_document():
    project = make_project("edited", title_en="Old title")
    project.title_en = "New heading"
    project.save()
    assert holds(project, "new heading")
    assert not holds(project, "old")


def test_a_place_counts_for_everything_it_lies_in(tree):
    project = make_project("in-port")
    project.places.add(tree["town"])
    assert places_of(project) == {"port": True, "north": False, "land": False}
    assert holds(project, "север")  # the region's name finds it too
    project.places.remove(tree["town"])
    assert places_of(project) == {}
    project.places.add(tree["region"], tree["other"])
    assert places_of(project) == {"north": True, "south": True, "land": False}
    project.places.clear()
    assert places_of(project) == {}


def test_moving_a_place_to_another_parent_moves_its_projects(tree):
    project = make_project("moved")
    project.places.add(tree["town"])
    tree["town"].parent = tree["other"]
    tree["town"].save()
    assert places_of(project) == {"port": True, "south": False, "land": False}


def test_adding_from_the_place_side_and_aliases_count(tree):
    project = make_project("reverse")
    tree["town"].projects.add(project)
    assert places_of(project)["port"] is True
    PlaceAlias.objects.create(place=tree["region"], name="Солтүстік")
    assert holds(project, "солтүстік")


def test_an_organisation_is_found_by_its_names_and_follows_a_rename():
    project = make_project("partnered")
    organization = make_organization("helpers", ru="Помощники", en="Helpers")
    Participation.objects.create(project=project, organization=organization, role="partner")
    assert holds(project, "помощники")
    organization.name_en = "Supporters"
    organization.save()
    assert holds(project, "supporters")
    assert not holds(project, "helpers")
    OrganizationAlias.objects.create(organization=organization, name="Көмекшілер")
    assert holds(project, "көмекшілер")
    Participation.objects.filter(project=project).delete()
    assert not holds(project, "supporters")


def test_keywords_are_searchable_and_follow_a_rename():
    project = make_project("tagged")
    keyword = Keyword.objects.create(slug="water", name_ru="Водоснабжение", name_en="Water")
    project.keywords.add(keyword)
    assert holds(project, "водоснабжение")
    keyword.name_ru = "Питьевая вода"
    keyword.save()
    assert holds(project, "питьевая")


def test_budgets_follow_the_funding_lines():
    project = make_project("funded")
    donor = make_organization("giver")
    line = make_funding(project, donor=donor, amount="100", currency="EUR")
    make_funding(project, donor=donor, amount="50", currency="EUR")
    assert budgets_of(project) == {"EUR": (Decimal("150.00"), True)}
    FundingLine.objects.create(
        project=project, amount=Decimal("90000"), currency="KZT", kind="total"
    )
    # A stated total comes before contributions as the headline figure.
    assert budgets_of(project) == {
        "EUR": (Decimal("150.00"), False),
        "KZT": (Decimal("90000.00"), True),
    }
    project.refresh_from_db()
    assert (project.headline_currency, project.headline_amount) == ("KZT", Decimal("90000.00"))
    line.delete()
    assert budgets_of(project)["EUR"] == (Decimal("50.00"), False)
    FundingLine.objects.filter(project=project).delete()
    project.refresh_from_db()
    assert (project.headline_currency, project.headline_amount) == (None, None)


def test_budgets_keep_what_the_sources_say_of_their_figures():
    project = make_project("qualified")
    donor, other = make_organization("giver"), make_organization("other-giver")
    make_funding(project, donor=donor, amount="100", currency="EUR")
    line = make_funding(project, donor=other, amount="50", currency="EUR")
    FundingLine.objects.filter(pk=line.pk).update(qualifier="up_to")
    indexing.refresh_projects([project.pk])
    # Up to 50 and exactly 100: up to 150, never an exact 150.
    assert Project.objects.with_budget().get(pk=project.pk).budget_qualifier == "up_to"
    total = FundingLine.objects.create(
        project=project, amount=Decimal("90000"), currency="KZT", kind="total",
        qualifier="more_than",
    )  # fmt: skip
    listed = Project.objects.with_budget().get(pk=project.pk)
    assert (listed.budget_currency, listed.budget_qualifier) == ("KZT", "more_than")
    assert Project.objects.with_budget("EUR").get(pk=project.pk).budget_qualifier == "up_to"
    total.qualifier = "exact"
    total.save()
    assert Project.objects.with_budget().get(pk=project.pk).budget_qualifier == "exact"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], {}),
        ([("EUR", "donor_contribution", Decimal(5))], {"EUR": (Decimal(5), True)}),
        (
            [("USD", "total", Decimal(10)), ("USD", "total", Decimal(30))],
            {"USD": (Decimal(30), True)},  # the largest total
        ),
        (
            [("EUR", "donor_contribution", Decimal(500)), ("USD", "total", Decimal(10))],
            {"EUR": (Decimal(500), False), "USD": (Decimal(10), True)},
        ),
        (
            [("EUR", "other", Decimal(900)), ("USD", "donor_contribution", Decimal(10))],
            {"USD": (Decimal(10), False)},  # the largest line is "other": no headline figure
        ),
    ],
)
def test_the_budget_rule_is_that_of_the_list(lines, expected):
    assert indexing.project_budgets(lines) == expected


def test_a_batch_rebuilds_once_at_its_end():
    project = make_project("batched", title_en="Before")
    with indexing.batch():
        project.title_en = "After"
        project.save()
        assert holds(project, "before")  # not yet
    assert holds(project, "after")


def test_every_write_changes_the_data_version_and_reads_do_not():
    first = caching.data_version()
    assert caching.data_version() == first
    project = make_project("versioned")
    second = caching.data_version()
    assert second != first
    project.delete()
    assert caching.data_version() not in (first, second)


def test_rebuild_indexes_restores_lost_rows(tree):
    project = make_project("restored", title_en="Restored")
    project.places.add(tree["town"])
    ProjectSearchDocument.objects.all().delete()
    ProjectPlaceIndex.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_indexes", stdout=out)
    assert holds(project, "restored")
    assert places_of(project) == {"port": True, "north": False, "land": False}
    assert "Rebuilt the derived rows of 1 projects" in out.getvalue()


def test_converted_budgets_follow_the_exchange_rates_of_the_start_year():
    from projects.models import ExchangeRate, Project

    project = make_project(
        "converted", start_date=datetime.date(2017, 3, 1), start_precision="month"
    )
    make_funding(project, donor=make_organization("eur-donor"), amount="1000", currency="EUR")
    assert set(budgets_of(project)) == {"EUR"}  # no rates yet: nothing converted
    rates = {"year": 2017, "source": "test"}
    ExchangeRate.objects.create(currency="EUR", rate_to_eur=1, rate_to_usd=Decimal("1.13"), **rates)
    usd = ExchangeRate.objects.create(
        currency="USD", rate_to_eur=Decimal("0.885"), rate_to_usd=1, **rates
    )
    assert ProjectBudget.objects.get(project=project, currency="USD").amount == Decimal("1129.94")
    in_range = Project.objects.with_budget_in_range("USD", "gte", Decimal("1100"))
    assert list(in_range.values_list("slug", flat=True)) == ["converted"]
    usd.rate_to_eur = Decimal("1")  # an editor corrects the rate
    usd.save()
    assert ProjectBudget.objects.get(project=project, currency="USD").amount == Decimal("1000.00")
    assert not Project.objects.with_budget_in_range("USD", "gte", Decimal("1100")).exists()
    # The stated budget is never replaced by a converted one.
    assert ProjectBudget.objects.get(project=project, currency="EUR").is_stated
