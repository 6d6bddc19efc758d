"""The funding charts in a real headless Chromium: visible, readable on a phone, their tables
open from the keyboard with the same figures, and no serious axe-core finding. Skipped without
Chromium, like the other browser tests (fixtures in browser_support.py)."""

from decimal import Decimal

import pytest

from projects.models import FundingLine, Organization, Project

from .browser_support import serious_violations

CHART_PAGES = [
    ("home", "/{lang}/"),
    ("list", "/{lang}/projects/"),
    ("list of a search", "/{lang}/projects/?donor=usaid"),
]


@pytest.fixture(autouse=True)
def no_map_tiles(settings):
    """The list page's map would fetch tiles from the internet; the charts need none."""
    settings.MAP_TILE_URL = ""


def chart_texts(page, selector: str) -> list[list[str]]:
    """The texts matching the selector in each drawn chart, chart by chart."""
    return page.eval_on_selector_all(
        "figure.chart:has(svg)",
        "(figures, selector) => figures.map(figure => "
        "  [...figure.querySelectorAll(selector)].map(node => node.textContent.trim()))",
        selector,
    )


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_axe_finds_no_serious_violation_on_pages_with_charts(page, seeds, language):
    problems = {}
    for name, path in CHART_PAGES:
        page.goto(path.format(lang=language))
        assert page.locator(".charts svg[role=img]").first.is_visible(), name
        # Open every table too, so that axe checks them as a visitor would see them.
        page.eval_on_selector_all("details.chart-table", "all => all.forEach(d => d.open = true)")
        found = serious_violations(page)
        if found:
            problems[name] = found
    assert problems == {}
    assert page.outside_requests == []
    assert page.console_errors == []


def test_each_chart_is_visible_with_its_table_behind_a_summary(page, seeds):
    page.goto("/en/")
    figures = page.locator("figure.chart:has(svg)")
    # Donor USD and EUR by year (2012, 2017); the charts of one bar each are sentences.
    assert figures.count() == 2
    assert page.locator("figure.chart .chart-summary").first.is_visible()
    first = figures.first
    assert first.locator("svg").bounding_box()["height"] > 0
    table = first.locator("table")
    assert not table.is_visible()
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert table.is_visible()
    usaid = "United States Agency for International Development (USAID)"
    assert usaid in table.inner_text()
    assert chart_texts(page, ".chart-value") == chart_texts(page, "tbody td:first-of-type")
    assert chart_texts(page, ".chart-label")[0][0] == "USAID"  # its short name in the SVG


def test_list_of_a_usaid_search_draws_only_usd_charts(page, seeds):
    page.goto("/en/projects/?donor=usaid")
    titles = page.locator("figure.chart .chart-title").all_inner_texts()
    assert titles
    assert all("EUR" not in title for title in titles)
    values = chart_texts(page, ".chart-value")
    assert ["up to 800,000\N{NO-BREAK SPACE}USD", "750,000\N{NO-BREAK SPACE}USD"] in values


def cut_off_texts(page) -> list[str]:
    """Labels and values of the charts that reach past the chart's edges."""
    return page.eval_on_selector_all(
        "svg.chart-svg",
        """svgs => svgs.flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')]
                .filter(text => {
                    const r = text.getBoundingClientRect();
                    return r.left < box.left - 0.5 || r.right > box.right + 0.5;
                })
                .map(text => text.textContent);
        })""",
    )


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_charts_fit_a_phone_screen_with_every_figure_readable(page, seeds, language):
    page.set_viewport_size({"width": 320, "height": 740})
    for name, path in CHART_PAGES:
        page.goto(path.format(lang=language))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, name
        assert cut_off_texts(page) == [], name
        font_size = page.eval_on_selector(
            ".chart-value", "node => parseFloat(getComputedStyle(node).fontSize)"
        )
        assert font_size >= 12  # the text keeps its size: only the bars follow the width


def test_a_long_value_next_to_a_half_bar_moves_under_the_bar(page, seeds):
    """ "520 000 KZT сомасына дейін" fits neither in half of a phone-wide bar nor after it."""
    project = Project.objects.get(slug="us-support-civil-society-human-rights-kazakhstan")
    for slug, amount in [("usaid", "1000000"), ("u-s-department-of-state", "520000")]:
        FundingLine.objects.create(
            project=project,
            donor=Organization.objects.get(slug=slug),
            amount=Decimal(amount),
            currency="KZT",
            kind="donor_contribution",
            qualifier="up_to",
        )
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto("/kk/projects/?donor=usaid")
    values = page.locator("#chart-donor-kzt .chart-value")
    assert values.all_text_contents() == [
        "1\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}KZT сомасына дейін",
        "520\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}KZT сомасына дейін",
    ]
    assert values.nth(1).get_attribute("class") == "chart-value chart-value-below"
    assert cut_off_texts(page) == []
