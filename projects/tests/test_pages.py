"""Home, project, organisation and place pages: what a visitor reads on them."""

import hashlib
import re
from pathlib import Path

import lxml.html
import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from projects.models import Organization, Participation, Place, Project, SourceDocument

from .factories import make_funding, make_project

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def get_page(client, url_name, language="ru", **kwargs):
    with translation.override(language):
        url = reverse(f"projects:{url_name}", kwargs=kwargs or None)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_public_addresses_are_stable():
    """These paths get shared and bookmarked; changing them breaks links."""
    with translation.override("en"):
        assert reverse("projects:home") == "/en/"
        assert reverse("projects:project-list") == "/en/projects/"
        assert reverse("projects:project-detail", args=[S004]) == f"/en/projects/{S004}/"
        assert reverse("projects:organization-detail", args=["usaid"]) == "/en/organizations/usaid/"
        assert reverse("projects:place-detail", args=["pavlodar"]) == "/en/places/pavlodar/"


# --- Home -------------------------------------------------------------------------------------


def test_home_shows_totals_latest_projects_and_entry_points(client):
    html = get_page(client, "home", "en")
    assert "<strong>5</strong> projects" in html
    # EU, USAID, the State Department, the United States (a "new US initiative") and the
    # Bureau of Democracy, Human Rights and Labor (an editor's inference, marked as one).
    assert "<strong>5</strong> donors" in html
    assert 'href="/en/projects/?place=pavlodar"' in html
    assert 'href="/en/projects/?donor=european-union"' in html
    assert 'href="/en/projects/?donor=usaid"' in html
    for slug in (S000, S004):
        assert f'href="/en/projects/{slug}/"' in html


# --- Project page -----------------------------------------------------------------------------


def test_kazakh_page_of_seed_004_shows_its_kazakh_title_and_no_translation_note(client):
    html = get_page(client, "project-detail", "kk", slug=S004)
    assert "<h1>Шығыс және орталық Қазақстанда жергілікті деңгейдегі" in html
    assert 'class="translation-note"' not in html


def test_a_translated_page_says_so(client):
    html = get_page(client, "project-detail", "en", slug=S004)
    assert 'class="translation-note"' in html
    assert "Kazakh" in html


def test_project_page_budget_shows_qualifiers_per_currency(client):
    html = get_page(client, "project-detail", "en", slug=S003)
    assert "more than 1,500,000\xa0USD" in html
    assert "up to 800,000\xa0USD" in html
    assert "750,000\xa0USD" in html
    ru = get_page(client, "project-detail", "ru", slug=S003)
    assert "более 1\xa0500\xa0000\xa0USD" in ru
    assert "до 800\xa0000\xa0USD" in ru


@pytest.mark.parametrize(
    "language, params, expected",
    [
        ("en", {}, "more than 1,500,000\xa0USD"),
        ("ru", {}, "более 1\xa0500\xa0000\xa0USD"),
        ("kk", {}, "1\xa0500\xa0000\xa0USD сомасынан астам"),
        ("en", {"currency": "USD"}, "more than 1,500,000\xa0USD"),  # the currency's own row
    ],
)
def test_a_list_card_keeps_what_the_source_says_of_the_budget(client, language, params, expected):
    with translation.override(language):
        response = client.get(reverse("projects:project-list"), {"donor": "usaid", **params})
    page = lxml.html.fromstring(response.content)
    [card] = page.xpath("//article[@class='project-card'][.//a[contains(@href, $slug)]]", slug=S003)
    [budget] = card.xpath(
        ".//dd[1]/ancestor::dl//dt[. = $label]/following-sibling::dd",
        label={"en": "Budget", "ru": "Бюджет", "kk": "Бюджет"}[language],
    )
    assert budget.text_content().startswith(expected)


def test_an_embedded_list_keeps_what_the_source_says_of_the_budget(client):
    with translation.override("en"):
        response = client.get(reverse("projects:embed-projects"), {"donor": "usaid"})
    assert "more than 1,500,000\xa0USD" in response.content.decode()


def test_project_page_dates_roles_places_contacts_and_source(client):
    html = get_page(client, "project-detail", "ru", slug=S004)
    assert "февраль 2017 – январь 2020" in html
    assert "470\xa0000\xa0EUR" in html and "420\xa0000\xa0EUR" in html
    assert 'href="/ru/organizations/argo/"' in html
    assert 'href="/ru/places/nura/"' in html
    assert 'href="tel:+77212314455"' in html
    assert 'href="mailto:flgr@flgr.bg"' in html
    assert "CSO-LA/2016/382-029" in html
    assert 'class="source-text" lang="kk"' in html
    assert "Жобаның нәтижелері" in html  # the press release itself


def test_the_press_release_is_folded_named_by_its_title_and_downloadable_as_received(client):
    html = get_page(client, "project-detail", "en", slug=S002)
    page = lxml.html.fromstring(html)
    [panel] = page.xpath("//details[@class='source']")
    assert panel.get("open") is None  # folded: the record comes first
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", html)  # no file name of the registry's
    [link] = panel.xpath(".//a[@download]/@href")
    response = client.get(link)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    source = SourceDocument.objects.get(project__slug=S002)
    assert response.content == (SEEDS / source.file_name).read_bytes()
    assert hashlib.sha256(response.content).hexdigest() == source.sha256
    assert f'filename="{S002}-press-release-' in response["Content-Disposition"]


def test_a_drafts_press_release_is_not_downloadable(client):
    source = SourceDocument.objects.get(project__slug=S002)
    Project.objects.filter(slug=S002).update(is_published=False)
    url = reverse("projects:project-source-text", args=[S002, source.pk])
    assert client.get(url).status_code == 404
    other = reverse("projects:project-source-text", args=[S000, source.pk])
    assert client.get(other).status_code == 404  # a release is found under its own project


def test_seed_000_shows_its_duration_in_each_language(client):
    assert "24 месяца" in get_page(client, "project-detail", "ru", slug=S000)
    assert "24 ай" in get_page(client, "project-detail", "kk", slug=S000)
    assert "24 months" in get_page(client, "project-detail", "en", slug=S000)


def test_report_an_error_link_opens_the_corrections_form_for_the_project(client):
    html = get_page(client, "project-detail", "en", slug=S002)
    assert f'href="/en/corrections/new/?project={S002}">Report an error on this page</a>' in html


def test_unknown_publication_date_is_said_not_guessed(client):
    html = get_page(client, "project-detail", "en", slug=S002)
    assert "publication date not stated" in html


# --- Organisation and donor pages -------------------------------------------------------------


def test_donor_page_totals_per_currency_never_mixed(client):
    html = get_page(client, "organization-detail", "en", slug="european-union")
    assert "633,793\xa0EUR" in html  # 213,793 (seed 000) + 420,000 (seed 004)
    assert "USD" not in html.split('id="given-heading"')[1].split("</section>")[0]
    for slug in (S000, S002, S004):
        assert f'href="/en/projects/{slug}/"' in html


def test_organisation_page_groups_projects_by_role(client):
    html = get_page(client, "organization-detail", "en", slug="u-s-department-of-state")
    assert "Donor" in html and f'href="/en/projects/{S003}/"' in html
    second_centre = "local-government-development-centre-2"
    html = get_page(client, "organization-detail", "en", slug=second_centre)
    assert "Co-implementer" in html and "Partner" not in html
    assert f'href="/en/projects/{S004}/"' in html and f'href="/en/projects/{S000}/"' not in html
    assert "https://www.facebook.com/LGDC2002/" in html


def totals_on(html: str) -> list[str]:
    page = lxml.html.fromstring(html)
    return [item.text_content() for item in page.xpath("//ul[@class='totals-list']/li")]


def test_organisation_totals_keep_what_the_sources_say_of_the_figures(client):
    assert totals_on(get_page(client, "organization-detail", "ru", slug="usaid")) == [
        "до 800\xa0000\xa0USD"
    ]
    # A project of S003 receives "up to 800,000" and an exact 750,000: never "up to 1,550,000".
    implementer = (
        Organization.objects.filter(participations__project__slug=S003)
        .exclude(participations__role="donor")
        .first()
    )
    if implementer is None:  # S003 names no implementer: one takes part, for this test
        implementer = Organization.objects.create(
            slug="s003-partner", name_en="Partner", kind="ngo"
        )
        Participation.objects.create(
            project=Project.objects.get(slug=S003), organization=implementer, role="partner"
        )
    html = get_page(client, "organization-detail", "en", slug=implementer.slug)
    assert "750,000\xa0USD + up to 800,000\xa0USD" in totals_on(html)


def test_an_organisation_named_only_as_a_contact_has_a_page_that_says_so(client):
    html = get_page(
        client, "organization-detail", "en", slug="delegation-of-the-european-union-to-kazakhstan"
    )
    assert "Named as the contact of" in html
    assert f'href="/en/projects/{S000}/"' in html and f'href="/en/projects/{S002}/"' in html
    assert "<dt>Fax</dt><dd>(7172) 97-95-63</dd>" in html


def test_an_organisation_with_only_drafts_is_not_public(client):
    hidden = Organization.objects.create(slug="hidden", name_ru="Скрытая", kind="ngo")
    make_funding(make_project("draft-only", published=False), donor=hidden)
    with translation.override("ru"):
        url = reverse("projects:organization-detail", args=["hidden"])
    assert client.get(url).status_code == 404


# --- Place pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, expected",
    [("ru", "население 331\xa0000 чел."), ("kk", "331\xa0000"), ("en", "population 331,000")],
)
def test_a_place_population_is_written_with_thousands_separators(client, language, expected):
    Place.objects.filter(slug="pavlodar").update(population=331000)
    html = get_page(client, "place-detail", language, slug="pavlodar")
    assert expected in html
    assert "331000" not in html


@pytest.mark.parametrize("language, abbreviation", [("ru", "г."), ("kk", "ж.")])
def test_a_sentence_ending_with_a_date_has_one_full_stop(client, language, abbreviation):
    html = get_page(client, "project-detail", language, slug=S003)
    page = lxml.html.fromstring(html)
    [updated] = [
        p.text_content()
        for p in page.xpath("//p")
        if "2026" in p.text_content()
        and ("обновлена" in p.text_content() or "жаңартыл" in p.text_content())
    ]
    assert f"2026 {abbreviation}" in updated
    assert f"{abbreviation}." not in updated


def test_place_page_has_breadcrumbs_and_projects_inside_it(client):
    html = get_page(client, "place-detail", "en", slug="nura")
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert (
        crumbs.index("Kazakhstan")
        < crumbs.index("Karaganda Region")
        < crumbs.index("Nura District")
    )
    assert f'href="/en/projects/{S004}/"' in html


def test_region_page_lists_projects_in_its_cities_and_villages(client):
    html = get_page(client, "place-detail", "ru", slug="karaganda-region")
    assert f'href="/ru/projects/{S004}/"' in html
    assert f'href="/ru/projects/{S000}/"' in html
    assert f'href="/ru/projects/{S002}/"' not in html


def test_sidebar_cities_of_seed_003_are_not_its_places(client):
    html = get_page(client, "place-detail", "ru", slug="pavlodar")
    assert f'href="/ru/projects/{S003}/"' not in html


# --- Speed ------------------------------------------------------------------------------------


def page_queries(client, url) -> int:
    """Queries of a page once the data version's cached aggregates are read (the first
    request after a change computes them)."""
    from django.db import connection

    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_detail_page_queries_do_not_grow_with_the_data(client):
    with translation.override("ru"):
        urls = [
            reverse("projects:home"),
            reverse("projects:organization-detail", args=["european-union"]),
            reverse("projects:place-detail", args=["kazakhstan"]),
            reverse("projects:project-detail", args=[S000]),
        ]
    before = [page_queries(client, url) for url in urls]
    eu = Organization.objects.get(slug="european-union")
    kazakhstan = Place.objects.get(slug="kazakhstan")
    for index in range(25):
        project = make_project(f"more-{index:02d}")
        project.places.add(kazakhstan)
        make_funding(project, donor=eu)
    assert [page_queries(client, url) for url in urls] == before
    assert max(before) <= 20  # the home page: totals, lists, and 4 for its charts


def test_project_count_on_home_ignores_drafts(client):
    make_project("draft-x", published=False)
    html = get_page(client, "home", "en")
    assert "<strong>5</strong> projects" in html
    assert Project.objects.count() == 6


@pytest.mark.parametrize(
    ("url_name", "kwargs"),
    [
        ("home", {}),
        ("project-list", {}),
        ("project-detail", {"slug": S004}),
        ("organization-detail", {"slug": "european-union"}),
        ("place-detail", {"slug": "karaganda-region"}),
    ],
)
def test_no_english_interface_text_on_kazakh_and_russian_pages(client, url_name, kwargs):
    english_labels = [
        "Projects", "Find projects", "Show projects", "Budget", "Donors", "Places", "Sort",
        "Any place", "Dates", "Status", "Where this comes from", "Report an error",
        "Skip to content", "Latest projects", "Organisations", "Funding given", "Home",
    ]  # fmt: skip
    for language in ("kk", "ru"):
        html = get_page(client, url_name, language, **kwargs)
        visible = html.split("<body>")[1]
        found = [label for label in english_labels if f">{label}<" in visible]
        assert found == [], (language, found)


@pytest.mark.parametrize(
    ("language", "kazakhstan", "united_states"),
    [
        ("kk", "Қазақстан", "АҚШ"),
        ("ru", "Казахстан", "Соединённые"),
        ("en", "Kazakhstan", "United States"),
    ],
)
def test_an_organisations_country_is_named_in_the_page_language(
    client, language, kazakhstan, united_states
):
    argo = get_page(client, "organization-detail", language, slug="argo")
    usaid = get_page(client, "organization-detail", language, slug="usaid")
    assert f"<dd>{kazakhstan}</dd>" in argo
    assert f"<dd>{united_states}" in usaid
    if language != "en":
        assert "Kazakhstan" not in argo.split("<main")[1] and "United States" not in usaid


@pytest.mark.parametrize(
    ("language", "amount", "date"),
    [
        ("ru", "213\xa0793\xa0EUR", "5 ноября 2012 г."),
        ("kk", "213\xa0793\xa0EUR", "5 қараша 2012 ж."),
        ("en", "213,793\xa0EUR", "Nov. 5, 2012"),
    ],
)
def test_numbers_and_dates_follow_the_page_language(client, language, amount, date):
    html = get_page(client, "project-detail", language, slug=S000)
    assert amount in html
    assert date in html.split('class="provenance"')[1]


def test_implementer_page_shows_the_funding_its_projects_received(client):
    html = get_page(client, "organization-detail", "en", slug="argo")
    received = html.split('id="received-heading"')[1].split("</section>")[0]
    assert "420,000\xa0EUR" in received
    assert 'href="/en/organizations/european-union/"' in received
    assert 'id="given-heading"' not in html  # ARGO gives no money


def test_places_on_a_project_page_name_their_district_and_region(client):
    html = get_page(client, "project-detail", "en", slug=S004)
    assert '">Nura</a> <span class="muted">(Nura District, Karaganda Region)</span>' in html


# Latin-letter words a Kazakh or Russian page may show besides the records' own names: codes,
# formats and the names of standards and software.
LATIN_ALLOWED = {
    "EUR", "USD", "KZT", "GBP", "CSV", "XLSX", "JSON", "XML", "API", "Atom", "IATI", "OpenAPI",
    "CC", "BY", "Creative", "Commons", "Leaflet", "OpenStreetMap", "Natural", "Earth", "txt",
    "Excel", "Giving",  # Excel workbooks, the 360Giving standard
    "English",  # the language switcher names each language in itself
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _names_in_the_data() -> set[str]:
    """Latin words the records themselves hold (organisations' names, contacts, sources)."""
    words = set()
    for model, fields in (
        (Organization, ["name_ru", "name_kk", "name_en", "short_name", "website"]),
        (Project, ["contract_number"]),
        (SourceDocument, ["text", "publisher", "url"]),
    ):
        for row in model.objects.values_list(*fields):
            for value in row:
                words.update(LATIN_WORD.findall(value or ""))
    for contact in Project.objects.values_list("contacts__name", "contacts__emails"):
        words.update(LATIN_WORD.findall(str(contact)))
    return words


@pytest.mark.parametrize(
    "path",
    [
        "/{l}/",
        "/{l}/projects/?place=kazakhstan",
        f"/{{l}}/projects/{S004}/",
        f"/{{l}}/projects/{S000}/",
        "/{l}/organizations/european-union/",
        "/{l}/places/karaganda-region/",
        "/{l}/donors/",
        "/{l}/organizations/",
        "/{l}/places/",
        "/{l}/open-data/",
        "/{l}/about/",
        "/{l}/projects/no-such-project/",
    ],
)
def test_no_english_words_on_kazakh_and_russian_pages_outside_names(client, path):
    """Every visible word in Latin letters is a name the records hold, or a code, format or
    standard (LATIN_ALLOWED): the interface itself speaks the page's language."""
    allowed = LATIN_ALLOWED | _names_in_the_data()
    for language in ("kk", "ru"):
        response = client.get(path.format(l=language))
        document = lxml.html.fromstring(response.content)
        for hidden in document.xpath("//script|//style|//pre|//code|//svg|//textarea"):
            hidden.drop_tree()
        body = document.xpath("//body")[0]
        text = " ".join(body.itertext())
        text = re.sub(r"\S*[/@]\S*", " ", text)  # addresses and e-mails are not words
        words = set(LATIN_WORD.findall(text))
        assert sorted(words - allowed) == [], (language, path)
