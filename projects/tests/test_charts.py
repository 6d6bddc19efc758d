"""Funding charts (projects/charts.py) on the seeds: per currency, qualifiers kept, the same
figures in the SVG and in its table, and a fixed number of queries."""

import datetime
import re
from collections import Counter
from decimal import Decimal

import lxml.html
import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from projects.aggregates import figures_of
from projects.charts import CHART_BARS, project_charts
from projects.formatting import combined_qualifier
from projects.models import AmountQualifier, FundingLine, Organization, Place, Project
from projects.places import PlaceTree

from .factories import make_funding, make_organization, make_project

pytestmark = pytest.mark.django_db

S001 = "transnational-civil-society-coalition-central-asia"  # starts 2014, no amount stated
NBSP = "\N{NO-BREAK SPACE}"


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def charts_of(projects):
    """The charts of a queryset of projects, as a page builds them: figures in SQL, then
    labels (the organisations and places are read here, outside the charts' own queries)."""
    tree = PlaceTree.load()
    figures = figures_of(projects)
    return project_charts(figures, tree=tree, organizations=Organization.objects.in_bulk())


def charts_in(language="en", **filters):
    with translation.override(language):
        return charts_of(Project.objects.published().filter(**filters))


def chart(charts, key):
    found = [c for group in (charts.by_donor, charts.by_year, charts.by_region) for c in group]
    found.append(charts.by_status)
    return next(c for c in found if c.key == key)


def bars_of(chart_, language="en"):
    with translation.override(language):
        return {bar.label: bar.value_text for bar in chart_.bars}


def page(client, url_name, language="en", query=""):
    with translation.override(language):
        url = reverse(f"projects:{url_name}")
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def figures(document):
    return document.xpath("//section[@class='charts']//figure[contains(@class, 'chart')]")


def text(element) -> str:
    """The element's text with runs of spaces and line breaks as one space; the no-break spaces
    of "213 793 EUR" stay as they are."""
    return re.sub(r"[ \t\r\n]+", " ", element.text_content()).strip()


# --- Figures --------------------------------------------------------------------------------


def test_funding_by_donor_in_eur_adds_the_two_eu_contributions():
    eur = chart(charts_in(), "donor-EUR")
    assert bars_of(eur) == {"European Union (EU)": f"633,793{NBSP}EUR"}
    assert eur.bars[0].value == Decimal("633793")  # 213,793 + 420,000
    assert eur.bars[0].projects == 2


def test_funding_by_donor_in_usd_keeps_the_up_to_qualifier():
    usd = chart(charts_in(), "donor-USD")
    assert bars_of(usd) == {
        "United States Agency for International Development (USAID)": f"up to 800,000{NBSP}USD",
        "United States of America (USA)": f"750,000{NBSP}USD",  # "a new US initiative"
    }
    usd_ru = chart(charts_in("ru"), "donor-USD")
    assert bars_of(usd_ru, "ru")["Агентство США по международному развитию (USAID)"] == (
        f"до 800{NBSP}000{NBSP}USD"
    )


def test_amounts_follow_the_page_language():
    eur = chart(charts_in("ru"), "donor-EUR")
    for language, expected in [("ru", "633\xa0793"), ("kk", "633\xa0793"), ("en", "633,793")]:
        with translation.override(language):
            assert eur.bars[0].value_text == f"{expected}{NBSP}EUR"


def test_no_chart_adds_amounts_of_different_currencies():
    charts = charts_in()
    contributions = FundingLine.objects.filter(
        project__is_published=True, kind="donor_contribution"
    )
    for currency in ("EUR", "USD"):
        stated = contributions.filter(currency=currency).aggregate(total=Sum("amount"))["total"]
        assert sum(bar.value for bar in chart(charts, f"donor-{currency}").bars) == stated
    money_charts = charts.by_donor + charts.by_year + charts.by_region
    assert {c.currency for c in money_charts} == {"EUR", "USD"}
    for money_chart in money_charts:
        for bar in money_chart.bars:
            assert bar.currency == money_chart.currency
            assert bar.value_text.endswith(money_chart.currency)


def test_funding_by_year_puts_money_under_its_start_year_and_undated_money_in_a_note():
    charts = charts_in()
    eur = chart(charts, "year-EUR")
    # Seed 000's start is the editor's inference (the month of its release): 2012.
    assert bars_of(eur) == {"2012": f"213,793{NBSP}EUR", "2017": f"420,000{NBSP}EUR"}
    assert eur.notes == []
    usd = chart(charts, "year-USD")
    assert usd.bars == []  # the US project states no dates
    # An exact 750,000 and "up to 800,000": told apart, never "up to 1,550,000".
    assert f"750,000{NBSP}USD + up to 800,000{NBSP}USD" in usd.notes[0]
    assert "1,550,000" not in usd.notes[0]


def test_a_project_without_an_amount_is_no_bar_but_is_counted_under_its_start_year():
    """Seed 001 starts in 2014 and states no amount: a zero bar would claim it got nothing, so
    it is in no funding chart, and the note of projects without a contribution names 2014."""
    charts = charts_in()
    assert Project.objects.get(slug=S001).start_date.year == 2014
    year_labels = {bar.label for c in charts.by_year for bar in c.bars}
    assert "2014" not in year_labels
    assert charts.without_contribution == 2  # seeds 001 and 002
    assert charts.without_contribution_by_year == [("2014", 1), ("year not stated", 1)]


def test_funding_by_region_does_not_repeat_a_budget_in_each_of_its_regions():
    eur = chart(charts_in(), "region-EUR")
    # Seed 000 (213,793 EUR) works in sixteen cities across the country and seed 004 (420,000)
    # in East Kazakhstan and Karaganda regions: no region's bar is either budget repeated.
    assert eur.bars == []
    assert eur.summary == ""
    assert eur.notes == [
        f"2 projects working in several regions (633,793{NBSP}EUR in all) are not split by "
        "region and are not in the bars."
    ]
    assert "one region only" in eur.caption
    usd = chart(charts_in(), "region-USD")
    assert usd.bars == []  # the US project works in Kazakhstan as a whole
    assert usd.notes[0].startswith(
        f"Country-wide or region not stated: 750,000{NBSP}USD + up to 800,000{NBSP}USD"
    )


def test_seed_000_alone_draws_no_bar_of_its_whole_budget_per_region(client):
    document = page(client, "project-list", "en", "q=Human+Rights+Communication")
    intro = document.xpath("//p[@class='charts-intro']")[0]
    assert text(intro).startswith("Figures for 1 project.")
    region = document.xpath("//figure[@id='chart-region-eur']")[0]
    assert region.xpath(".//svg") == []  # before: 13 bars of 213 793 EUR each
    assert region.xpath(".//p[@class='chart-summary']") == []
    assert text(region).endswith(
        f"1 project working in several regions (213,793{NBSP}EUR) is not split by region and "
        "is not in the bars."
    )


def test_regions_of_single_region_projects_keep_their_bars():
    donor = make_organization("region-donor")
    amounts = {"pavlodar-region": "5000", "karaganda-region": "3000", "astana": "1000"}
    for slug, amount in amounts.items():
        project = make_project(f"only-{slug}")
        project.places.set([Place.objects.get(slug=slug)])
        make_funding(project, donor, amount=amount, currency="GBP")
    spread = make_project("across-two")
    spread.places.set(Place.objects.filter(slug__in=["pavlodar", "karaganda"]))
    make_funding(spread, donor, amount="9000", currency="GBP")
    projects = Project.objects.filter(slug__startswith="only-") | Project.objects.filter(
        slug="across-two"
    )
    with translation.override("en"):
        gbp = chart(charts_of(projects), "region-GBP")
    assert bars_of(gbp) == {
        "Pavlodar Region": f"5,000{NBSP}GBP",
        "Karaganda Region": f"3,000{NBSP}GBP",
        "Astana": f"1,000{NBSP}GBP",
    }
    assert gbp.summary == ""  # different bars: drawn
    assert gbp.notes == [
        f"1 project working in several regions (9,000{NBSP}GBP) is not split by region and is "
        "not in the bars."
    ]


def test_a_chart_of_one_bar_or_of_equal_bars_is_a_sentence():
    donor = make_organization("same-donor")
    for slug in ("pavlodar-region", "karaganda-region"):
        project = make_project(f"same-{slug}")
        project.places.set([Place.objects.get(slug=slug)])
        make_funding(project, donor, amount="2000", currency="CHF")
    with translation.override("en"):
        charts = charts_of(Project.objects.filter(slug__startswith="same-"))
        region = chart(charts, "region-CHF")
        assert region.summary == (
            f"Karaganda Region, Pavlodar Region: the same for each, 2,000{NBSP}CHF, 1 project."
        )
        donor_chart = chart(charts, "donor-CHF")
        assert donor_chart.summary == f"same-donor: 4,000{NBSP}CHF, 2 projects."


def test_a_sentence_replaces_the_drawing_on_the_page(client):
    document = page(client, "project-list", "en", "donor=european-union")
    donor = document.xpath("//figure[@id='chart-donor-eur']")[0]
    assert donor.xpath(".//svg") == [] and donor.xpath(".//table") == []
    summary = text(donor.xpath(".//p[@class='chart-summary']")[0])
    assert summary == f"European Union (EU): 633,793{NBSP}EUR, 2 projects."


def test_counts_by_status_add_up_to_the_number_of_projects():
    charts = charts_in()
    status = charts.by_status
    published = Project.objects.published()
    expected = Counter(published.with_status().values_list("current_status", flat=True))
    # Projects without dates have no status: a note says how many, the bars count the rest.
    assert bars_of(status) == {"Completed": str(expected["completed"])}
    assert expected["unknown"] == 2  # seeds 002 and 003
    assert status.notes == ["Status unknown (no dates stated): 2 projects, not in the bars."]
    assert sum(bar.value for bar in status.bars) + 2 == published.count() == charts.project_count


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        ({"exact"}, "exact"),
        ({"exact", "up_to"}, "up_to"),
        ({"more_than", "exact"}, "more_than"),
        ({"about"}, "about"),
        ({"up_to", "more_than"}, "about"),
    ],
)
def test_a_sum_keeps_the_qualifier_of_its_figures(qualifiers, expected):
    assert combined_qualifier(qualifiers) == AmountQualifier(expected)


def test_long_charts_draw_the_largest_and_sum_up_the_rest():
    donors = [make_organization(f"many-donor-{n:02d}") for n in range(CHART_BARS + 3)]
    for number, donor in enumerate(donors):
        project = make_project(
            f"many-{number:02d}", start_date=datetime.date(2000 + number, 1, 1),
            start_precision="year",
        )  # fmt: skip
        make_funding(project, donor, amount=str(1000 * (number + 1)), currency="GBP")
    charts = charts_in(slug__startswith="many-")
    by_donor, by_year = chart(charts, "donor-GBP"), chart(charts, "year-GBP")
    assert len(by_donor.bars) == len(by_year.bars) == CHART_BARS
    assert by_donor.bars[0].value == 1000 * (CHART_BARS + 3)  # the largest first
    # The three smallest donors: 1,000 + 2,000 + 3,000.
    assert by_donor.notes == [f"3 other donors with smaller sums: 6,000{NBSP}GBP in all, "
                              "not in the bars."]  # fmt: skip
    # The latest years are drawn; 2000, 2001 and 2002 are summed in a note.
    assert [bar.label for bar in by_year.bars][0] == "2003"
    assert by_year.notes == [f"Start years before 2003: 6,000{NBSP}GBP (3 projects), "
                             "not in the bars."]  # fmt: skip


# --- Pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_tables_hold_the_same_figures_as_the_bars(client, language):
    document = page(client, "home", language)
    drawn = [figure for figure in figures(document) if figure.xpath(".//svg")]
    # Donor USD and EUR by year; the others have one bar each (told as a sentence) or none.
    assert len(drawn) == 2
    for figure in drawn:
        svg_values = [
            text(node) for node in figure.xpath(".//svg//*[contains(@class, 'chart-value')]")
        ]
        table_values = [text(td) for td in figure.xpath(".//table/tbody/tr/td[1]")]
        svg_labels = len(figure.xpath(".//svg//*[@class='chart-label']"))
        assert svg_values == table_values
        assert svg_labels == len(table_values) > 0


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_each_chart_is_an_image_with_a_title_and_a_description(client, language):
    document = page(client, "home", language)
    svgs = document.xpath("//section[@class='charts']//svg")
    assert svgs
    for svg in svgs:
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby"), svg.get("aria-describedby")
        assert text(svg.xpath(f".//title[@id='{title_id}']")[0])
        description = text(svg.xpath(f".//desc[@id='{desc_id}']")[0])
        assert description.startswith(("Largest:", "Наибольшее", "Ең үлкені"))
        assert svg.get("height").isdigit() and int(svg.get("height")) > 0
        caption = svg.getparent().xpath("./figcaption")[0]
        assert text(svg.xpath(".//title")[0]) in text(caption)
    ids = document.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_home_page_shows_the_charts_of_all_published_projects(client):
    document = page(client, "home", "en")
    titles = [text(figure.xpath(".//figcaption/span[1]")[0]) for figure in figures(document)]
    assert titles == [
        "Funding by donor, EUR",
        "Funding by donor, USD",
        "Funding by start year, EUR",
        "Funding by start year, USD",
        "Funding by region, EUR",
        "Funding by region, USD",
        "Projects by status",
    ]
    # The status chart's title is its section's heading: shown once, still the figure's name.
    assert document.xpath("//section[@class='charts']//h3/text()")[-1] == "Projects by status"
    # Each title is its section's heading: the whole title is read out, and under a heading
    # of money charts only the currency shows.
    hidden = document.xpath("//figcaption/span[@class='chart-title visually-hidden']/text()")
    assert hidden == titles
    shown = document.xpath("//figcaption/span[@class='chart-title'][@aria-hidden='true']/text()")
    assert shown == ["EUR", "USD"] * 3
    section = text(document.xpath("//section[@class='charts']")[0])
    assert "Figures for 5 projects." in section
    assert "2 projects state no donor contribution" in section
    assert "2014: 1" in section


def test_list_page_of_usaid_shows_only_usd_charts(client):
    document = page(client, "project-list", "en", "donor=usaid")
    currencies = {figure.get("data-currency") for figure in figures(document)}
    assert currencies == {"USD", ""}  # "" is the chart of project counts
    section = text(document.xpath("//section[@class='charts']")[0])
    assert "EUR" not in section
    assert "up to 800,000" in section
    assert "Figures for 1 project." in section


def test_list_page_charts_follow_the_search(client):
    document = page(client, "project-list", "ru", "donor=european-union&place=pavlodar")
    currencies = {figure.get("data-currency") for figure in figures(document)}
    assert currencies == {"EUR", ""}
    section = text(document.xpath("//section[@class='charts']")[0])
    assert "213\xa0793" in section
    assert "633\xa0793" not in section  # seed 004 does not work in Pavlodar


def test_list_page_without_results_has_no_charts(client):
    document = page(client, "project-list", "en", "q=nothing-matches-this")
    assert document.xpath("//section[@class='charts']") == []


# --- Queries --------------------------------------------------------------------------------


def make_projects(prefix: str, count: int, donors) -> None:
    regions = list(Place.objects.filter(kind="region")[:3])
    for index in range(count):
        project = make_project(
            f"{prefix}-{index}",
            start_date=datetime.date(2010 + index % 7, 1, 1),
            start_precision="year",
        )
        # Every other project in two regions (a note), the rest in one (a bar).
        project.places.set([regions[index % 3], regions[(index + index % 2) % 3]])
        make_funding(project, donors[0], amount="1000", currency="EUR")
        make_funding(project, donors[1], amount="500", currency="USD")


def test_chart_queries_do_not_grow_with_the_number_of_projects(django_assert_max_num_queries):
    donors = [make_organization("bulk-eu"), make_organization("bulk-usaid")]
    make_projects("few", 5, donors)
    make_projects("many", 30, donors)
    queries = {}
    tree, organizations = PlaceTree.load(), Organization.objects.in_bulk()
    for prefix, count in [("few", 5), ("many", 30)]:
        projects = Project.objects.filter(slug__startswith=f"{prefix}-")
        # One statement holds every figure, whatever the number of projects.
        with django_assert_max_num_queries(1), CaptureQueriesContext(connection) as context:
            figures = figures_of(projects)
        charts = project_charts(figures, tree=tree, organizations=organizations)
        queries[count] = len(context.captured_queries)
        assert charts.project_count == count
        assert chart(charts, "donor-EUR").bars[0].value == 1000 * count
        assert len(chart(charts, "region-USD").bars) == 3
    assert queries[5] == queries[30]
