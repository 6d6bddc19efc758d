"""The embeddable widgets (/<lang>/embed/projects/ and /<lang>/embed/map/) and the "Embed this
search" code on the project list: what they show, and that only they may be framed."""

import datetime
from urllib.parse import urlencode

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from projects.embeds import EMBED_LIMIT
from projects.models import Organization, Participation, Project

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

S003 = "us-support-civil-society-human-rights-kazakhstan"
EMBED_PAGES = ["embed-projects", "embed-map"]


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def url_of(name, language="ru", query=""):
    with translation.override(language):
        return reverse(f"projects:{name}") + query


def widget(client, query="", language="ru"):
    response = client.get(url_of("embed-projects", language, query))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def cls(name: str) -> str:
    """An XPath test for an element having the class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def titles(document) -> list[str]:
    return [
        link.text_content().strip() for link in document.xpath(f"//*[{cls('embed-list')}]//h2/a")
    ]


def add_project(index: int, *, published: bool = True, donor: Organization | None = None):
    """A project with everything a widget row shows: dates, a donor, a budget, a place."""
    project = make_project(
        f"extra-{index}",
        published=published,
        title_ru=f"Дополнительный проект {index}",
        title_en=f"Extra project {index}",
        start_date=datetime.date(2020, 1, 1),
        start_precision="day",
    )
    donor = donor or make_organization(f"extra-donor-{index}", kind="donor_agency")
    make_funding(project, donor, "5000", "USD")
    project.places.add(make_place(f"extra-place-{index}"))
    return project


# --- The list widget ------------------------------------------------------------------------


def test_the_widget_lists_the_projects_of_the_search(client):
    document = widget(client, "?donor=usaid")
    assert titles(document) == [
        "Поддержка США гражданского общества и защиты прав и свобод человека в Казахстане"
    ]
    row = document.xpath(f"//*[{cls('embed-list')}]/li")[0].text_content()
    assert "Агентство США по международному развитию" in row  # donors
    assert "1\xa0500\xa0000\xa0USD" in row  # budget, grouped as Russian writes it


def test_the_widget_follows_every_filter_of_the_list(client):
    assert len(titles(widget(client))) == Project.objects.published().count() == 5
    assert len(titles(widget(client, "?place=pavlodar&donor=european-union"))) == 2


def test_links_open_the_registry_in_a_new_tab(client):
    document = widget(client, "?donor=usaid")
    links = document.xpath("//a")
    assert len(links) == 3  # the project, "see all", the credit
    for link in links:
        assert link.get("target") == "_blank"
        assert link.get("rel") == "noopener"
    project_link, see_all, credit = links
    assert project_link.get("href") == f"http://testserver/ru/projects/{S003}/"
    assert see_all.get("href") == credit.get("href") == "http://testserver/ru/projects/?donor=usaid"


@pytest.mark.parametrize(
    ("language", "title", "credit"),
    [
        ("ru", "Поддержка США гражданского общества", "Реестр грантовых проектов"),
        ("kk", "АҚШ-тың Қазақстандағы азаматтық қоғамды", "Гранттық жобалар тізілімі"),
        ("en", "U.S. Support for Civil Society", "Grant-project registry"),
    ],
)
def test_the_widget_speaks_the_language_of_its_address(client, language, title, credit):
    document = widget(client, "?donor=usaid", language)
    assert document.get("lang") == language
    assert titles(document)[0].startswith(title)
    credit_link = document.xpath(f"//*[{cls('embed-credit')}]//a")[0]
    assert credit_link.get("href").startswith(f"http://testserver/{language}/projects/?")
    assert credit_link.text_content().startswith(credit)


def test_the_widget_has_no_site_header_footer_or_language_switcher(client):
    document = widget(client, "?donor=usaid")
    for name in ("site-header", "site-footer", "language-switcher"):
        assert document.xpath(f"//*[{cls(name)}]") == [], name
    assert document.xpath("//form | //nav") == []


def test_the_widget_shows_at_most_the_limit_and_links_to_the_whole_search(client):
    donor = make_organization("many-donor", kind="donor_agency")
    for index in range(EMBED_LIMIT + 5):
        add_project(index, donor=donor)
    document = widget(client, "?donor=many-donor&sort=title")
    assert len(titles(document)) == EMBED_LIMIT
    assert titles(document)[:2] == ["Дополнительный проект 0", "Дополнительный проект 1"]
    see_all = document.xpath(f"//*[{cls('embed-more')}]//a")[0]
    assert "25" in see_all.text_content()
    assert see_all.get("href") == "http://testserver/ru/projects/?donor=many-donor&sort=title"
    assert "25" in document.xpath("//h1")[0].text_content()


def test_an_empty_search_says_so(client):
    document = widget(client, "?q=nothing-like-this")
    assert titles(document) == []
    assert document.xpath(f"//*[{cls('empty-results')}]")


def test_drafts_are_never_shown(client):
    usaid = Organization.objects.get(slug="usaid")
    draft = add_project(1, published=False, donor=usaid)
    draft.title_ru = "Черновик USAID"
    draft.save()
    assert Participation.objects.filter(project=draft, organization=usaid).exists()
    for query in ("?donor=usaid", "?q=Черновик", ""):
        html = client.get(url_of("embed-projects", query=query)).content.decode()
        assert "Черновик" not in html, query
    assert len(titles(widget(client, "?donor=usaid"))) == 1


@pytest.mark.parametrize("name", EMBED_PAGES)
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?donor=no-such-donor", "donor"),
        ("?year=banana", "year"),
        ("?budget_min=100", "currency"),
        ("?status=lost", "status"),
    ],
)
def test_bad_parameters_give_a_small_error_with_status_400(client, name, query, field):
    response = client.get(url_of(name, query=query))
    assert response.status_code == 400
    document = lxml.html.fromstring(response.content)
    alert = document.xpath("//*[@role='alert']")[0].text_content()
    assert field in alert
    assert document.xpath(f"//*[{cls('embed-list')} or {cls('embed-map')}]") == []
    # The error can be framed too: the embedding site's editor sees why, not a blocked frame.
    assert "X-Frame-Options" not in response
    assert policy(response)["frame-ancestors"] == "*"
    assert policy(response)["script-src"] == "'self'"  # the rest of the policy still holds


def test_the_widget_queries_do_not_grow_with_the_projects(client):
    url = url_of("embed-projects")
    with CaptureQueriesContext(connection) as with_seeds:
        assert len(titles(widget(client))) == 5
    for index in range(25):
        add_project(index)
    with CaptureQueriesContext(connection) as with_more:
        assert len(titles(lxml.html.fromstring(client.get(url).content))) == EMBED_LIMIT
    assert Project.objects.published().count() == 30
    assert len(with_more) == len(with_seeds) <= 5, "\n".join(
        query["sql"] for query in with_more.captured_queries
    )


# --- The map widget -------------------------------------------------------------------------


def test_the_map_widget_includes_the_map_of_the_search(client):
    response = client.get(url_of("embed-map", "en", "?donor=usaid"))
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    assert document.get("lang") == "en"
    assert document.xpath(f"//*[{cls('embed-map')}]")
    assert "1 project" in document.xpath("//h1")[0].text_content()
    assert document.xpath(f"//*[{cls('embed-credit')}]//a")[0].get("href") == (
        "http://testserver/en/projects/?donor=usaid"
    )
    for name in ("site-header", "site-footer", "language-switcher"):
        assert document.xpath(f"//*[{cls(name)}]") == [], name
    (canvas,) = document.xpath("//*[@data-project-map]")
    assert canvas.get("data-link-target") == "_blank"  # links leave the frame for the registry
    assert response.context["search_query"] == "donor=usaid"


# --- Framing --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EMBED_PAGES)
@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_any_site_may_frame_the_widgets(client, name, language):
    response = client.get(url_of(name, language, "?donor=usaid"))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert policy(response)["frame-ancestors"] == "*"
    assert policy(response)["script-src"] == "'self'"  # the rest of the policy still holds
    # A third-party frame sets no cookies (browsers would block them anyway).
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/ru/",
        "/ru/projects/?donor=usaid",
        f"/kk/projects/{S003}/",
        "/en/organizations/usaid/",
        "/en/places/kazakhstan/",
        "/ru/admin/login/",
        "/ru/projects/no-such-project/",  # a 404 page too
    ],
)
def test_every_other_page_refuses_to_be_framed(client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert policy(response)["frame-ancestors"] == "'none'"


def policy(response) -> dict[str, str]:
    """The Content-Security-Policy's directives: name -> sources."""
    directives = (part.strip() for part in response["Content-Security-Policy"].split(";"))
    return dict(directive.split(" ", 1) for directive in directives if directive)


# --- The "Embed this search" code on the list page ------------------------------------------


def embed_codes(client, query: str, language: str = "ru") -> dict[str, lxml.html.HtmlElement]:
    """The <iframe> elements of the list page's code boxes, as an embedding site gets them."""
    response = client.get(url_of("project-list", language, query))
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    codes = {}
    for kind in ("list", "map"):
        textarea = page.get_element_by_id(f"embed-{kind}-code")
        assert textarea.get("readonly") is not None
        label = page.xpath(f"//label[@for='embed-{kind}-code']")
        assert label and label[0].text_content().strip()
        code = textarea.text_content()  # what the visitor copies
        assert code.startswith("<iframe ") and code.endswith("</iframe>")
        codes[kind] = lxml.html.fragment_fromstring(code)
    return codes


def test_the_list_page_gives_the_iframe_code_of_the_current_search(client):
    codes = embed_codes(client, "?donor=european-union&place=pavlodar&page=1")
    assert codes["list"].get("src") == (
        "http://testserver/ru/embed/projects/?donor=european-union&place=pavlodar"
    )
    assert codes["map"].get("src") == (
        "http://testserver/ru/embed/map/?donor=european-union&place=pavlodar"
    )
    for iframe in codes.values():
        assert iframe.get("title")  # a frame's accessible name


def test_the_iframe_code_is_escaped_twice(client):
    """Once as HTML of the code (& is &amp; in an attribute), once for the textarea."""
    html = client.get(url_of("project-list", query="?donor=usaid&sort=title")).content.decode()
    assert (
        "&lt;iframe src=&quot;http://testserver/ru/embed/projects/?donor=usaid&amp;amp;sort=title"
        "&quot;"
    ) in html


def test_a_hostile_query_cannot_break_out_of_the_code(client):
    hostile = '"></textarea><script>alert(1)</script>'
    query = "?" + urlencode({"donor": "usaid", "ref": hostile})
    response = client.get(url_of("project-list", query=query))
    page = lxml.html.fromstring(response.content)
    assert not any("alert(1)" in (script.text or "") for script in page.iter("script"))
    assert len(page.xpath(f"//section[{cls('embed-code')}]//textarea")) == 2
    # The code carries the query percent-encoded, as the widget needs it.
    assert embed_codes(client, query)["list"].get("src").endswith(query)


def test_the_code_box_has_preview_links_and_follows_the_page_language(client):
    response = client.get(url_of("project-list", "en", "?donor=usaid"))
    page = lxml.html.fromstring(response.content)
    section = page.xpath(f"//section[{cls('embed-code')}]")[0]
    assert section.xpath(".//h2")[0].text_content() == "Embed this search"
    previews = [link.get("href") for link in section.xpath(".//a")]
    assert previews == ["/en/embed/projects/?donor=usaid", "/en/embed/map/?donor=usaid"]
    for preview in previews:
        assert client.get(preview).status_code == 200
