"""The public project page that the admin previews (the full portal comes later)."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import PlaceKind, Project, SourceDocument

from .factories import make_project

pytestmark = pytest.mark.django_db

SEED_000 = "human-rights-communication-information-governance"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Права человека: коммуникация, информация, управление"),
        ("en", "Human Rights: Communication, Information, Governance"),
    ],
)
def test_project_page_in_each_language(client, seeded_db, language, expected):
    with translation.override(language):
        url = reverse("projects:project-detail", kwargs={"slug": SEED_000})
    assert url.startswith(f"/{language}/projects/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert expected.casefold() in html.casefold()
    page = lxml.html.fromstring(html)
    caption = page.xpath("string(//table[@class='budget']/caption)").strip()
    amounts = [
        cell.text.strip()  # the figure, before the link to the words that state it
        for cell in page.xpath("//table[@class='budget']//td[@class='num']")
    ]
    links = page.xpath("//table[@class='budget']//td[@class='num']/a[@class='evidence-link']")
    assert [link.get("href")[:4] for link in links] == ["#ev-"]
    assert caption.endswith("EUR")
    shown = [amount.replace("\u00a0", " ").replace("\u202f", " ") for amount in amounts]
    assert shown == [{"ru": "213 793 EUR", "en": "213,793 EUR"}[language]]
    assert 'href="mailto:plobachev@mail.ru"' in html
    assert 'href="tel:+77012164919"' in html


def test_month_precision_dates_are_shown_as_months(client, seeded_db):
    slug = "active-local-stakeholder-participation-east-central-kazakhstan"
    with translation.override("ru"):
        html = client.get(
            reverse("projects:project-detail", kwargs={"slug": slug})
        ).content.decode()
    assert "февраль 2017 – январь 2020" in html


def test_source_text_is_escaped(client):
    project = make_project("escaped")
    SourceDocument.objects.create(
        project=project, text="<script>alert('x')</script> «Эхо»", language="ru"
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_drafts_are_invisible_to_the_public(client):
    draft = make_project("draft", published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_project_page_queries_do_not_grow_with_the_record(
    client, seeded_db, django_assert_max_num_queries
):
    project = Project.objects.get(slug=SEED_000)
    with django_assert_max_num_queries(10):
        assert client.get(project.get_absolute_url()).status_code == 200


def test_language_links_keep_the_page_and_its_query(client, seeded_db):
    project = Project.objects.get(slug=SEED_000)
    with translation.override("kk"):
        url = project.get_absolute_url()
    html = client.get(url + "?utm=x").content.decode()
    path = f"/projects/{SEED_000}/?utm=x"
    for language in ("ru", "kk", "en"):
        assert f'href="/{language}{path}" hreflang="{language}"' in html
        assert (
            f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}{path}">'
            in html
        )


def chips_of(client, params: dict, language: str = "en") -> list[tuple[str, str]]:
    with translation.override(language):
        html = client.get(reverse("projects:project-list"), params).content
    page = lxml.html.fromstring(html)
    return [
        (chip.text_content().split("×")[0].strip(), chip.get("href"))
        for chip in page.xpath("//ul[@class='active-filters']//a")
    ]


def test_the_list_names_each_filter_in_use_with_a_link_that_removes_it(client, seeded_db):
    params = {"q": "rights", "status": "completed", "year": "2015", "currency": "EUR",
              "budget_min": "1000", "language": "en", "sort": "title", "page": "1"}  # fmt: skip
    chips = dict(chips_of(client, params))
    assert list(chips) == [
        "Words: “rights”",
        "Status: completed",
        "Active in year: 2015",
        "Budget from: 1,000\xa0EUR",
        "Currency: EUR",
        "Language of the source: English",
    ]
    # Removing the currency removes the budget range that needs it; the order is kept.
    assert chips["Currency: EUR"] == "?q=rights&status=completed&year=2015&language=en&sort=title"
    assert "page=" not in "".join(chips.values())


def test_no_filter_no_chips(client, seeded_db):
    assert chips_of(client, {"sort": "title", "display": "USD"}) == []


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_each_place_on_a_project_page_says_the_district_and_region_it_lies_in(
    client, seeded_db, language
):
    shown = 0
    for project in Project.objects.published():
        with translation.override(language):
            page = lxml.html.fromstring(client.get(project.get_absolute_url()).content)
            for place in project.places.all():
                item = page.xpath(f'//ul[@class="places"]/li[a/@href="{place.get_absolute_url()}"]')
                assert len(item) == 1, (project.slug, place.slug)
                # Nearest first, the country left out: walked up the parents, not the tree.
                areas = [a.name for a in reversed(place.ancestors()) if a.kind != PlaceKind.COUNTRY]
                said = item[0].xpath('string(span[@class="muted"])')
                assert said == (f"({', '.join(areas)})" if areas else ""), (project.slug, said)
                shown += bool(areas)
    assert shown >= 3  # seed places lie in districts and regions
