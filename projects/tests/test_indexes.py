"""The index pages (donors, organisations, places) and the pages about the registry and its
open data, on the five real seed projects."""

import re

import pytest

from projects import collation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def text_of(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def linked_names(response, prefix: str) -> list[str]:
    """The names linked to record pages under `prefix`, in page order."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.findall(rf'<a href="/\w\w/{prefix}/[^/"]+/">([^<]+)</a>', main)


# --- Donors and organisations -----------------------------------------------------------------


def test_the_donors_index_lists_every_donor_in_kazakh_order_with_stated_totals(client):
    response = client.get("/kk/donors/")
    assert response.status_code == 200
    names = linked_names(response, "organizations")
    assert len(names) == 5
    assert names == sorted(names, key=lambda name: collation.sort_key(name, "kk"))
    text = text_of(response)
    assert "5 донор" in text
    assert "633 793 EUR" in text  # the EU's four contributions, added in SQL
    assert "800 000 USD сомасына дейін" in text  # USAID's "up to" kept


def test_the_organisations_index_sorts_by_number_of_projects(client):
    response = client.get("/en/organizations/", {"sort": "projects"})
    rows = re.findall(
        r'<a href="/en/organizations/([^/]+)/">.*?<td class="num"><a [^>]+>(\d+)</a>',
        response.content.decode(),
        re.S,
    )
    counts = [int(count) for _slug, count in rows]
    assert rows[0][0] == "european-union" and counts[0] == 4
    assert counts == sorted(counts, reverse=True)
    assert len(rows) == 21


@pytest.mark.parametrize(
    ("language", "words", "expected"),
    [
        ("ru", "десента", "desenta"),  # any case
        ("kk", "Desenta", "desenta"),  # the English name on the Kazakh page
        ("en", "Эхо", "echo"),  # the Russian name on the English page
        ("en", "USAID", "usaid"),  # a short name
    ],
)
def test_the_organisations_index_finds_a_name_in_any_language(client, language, words, expected):
    response = client.get(f"/{language}/organizations/", {"q": words})
    assert f"/{language}/organizations/{expected}/" in response.content.decode()
    assert response.context["result_count"] >= 1


def test_the_organisations_index_filters_by_role_and_kind(client):
    partners = client.get("/en/organizations/", {"role": "partner"}).context["result_count"]
    donors = client.get("/en/organizations/", {"role": "donor"}).context["result_count"]
    everyone = client.get("/en/organizations/").context["result_count"]
    assert (partners, donors, everyone) == (6, 5, 21)
    agencies = client.get("/en/organizations/", {"kind": "donor_agency"})
    assert "/en/organizations/usaid/" in agencies.content.decode()
    assert agencies.context["result_count"] == 1


@pytest.mark.parametrize(
    "query",
    [{"q": "\x00"}, {"kind": "zzz"}, {"role": "nobody"}, {"sort": "random"}, {"q": "x" * 201}],
)
def test_bad_input_gives_a_form_error_not_a_500(client, query):
    response = client.get("/en/organizations/", query)
    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()
    assert response.context["rows"] == []


def test_a_page_past_the_end_is_a_404(client):
    assert client.get("/en/organizations/", {"page": "9"}).status_code == 404
    assert client.get("/en/donors/", {"page": "x"}).status_code == 404


# --- Places -----------------------------------------------------------------------------------


def test_the_places_index_groups_places_in_the_kazakh_alphabet(client):
    response = client.get("/kk/places/")
    html = response.content.decode()
    sections = re.findall(r"<h3>([^<]+)</h3>\s*<ul class=\"place-index\">(.*?)</ul>", html, re.S)
    assert [label for label, _items in sections][:3] == ["Елдер", "Облыстар", "Қалалар"]
    for label, items in sections:
        names = re.findall(r'">([^<]+)</a>', items)
        assert names == sorted(names, key=lambda name: collation.sort_key(name, "kk")), label
    assert re.findall(r'">([^<]+)</a>', sections[0][1]) == [
        "Қазақстан",
        "Тәжікстан",
        "Түрікменстан",
    ]


def test_a_place_counts_the_projects_the_list_finds_there(client):
    response = client.get("/en/places/")
    html = response.content.decode()
    for slug in ("kazakhstan", "pavlodar-region", "karaganda-region", "nura-district"):
        shown = re.search(rf'/en/places/{slug}/">[^<]+</a> <span class="count">(\d+) project', html)
        listed = client.get("/en/projects/", {"place": slug}).context["result_count"]
        assert int(shown.group(1)) == listed, slug


@pytest.mark.parametrize(
    ("words", "expected"), [("Өскемен", "ust-kamenogorsk"), ("павлодар", "pavlodar")]
)
def test_the_places_index_finds_names_and_aliases(client, words, expected):
    response = client.get("/ru/places/", {"q": words})
    assert f"/ru/places/{expected}/" in response.content.decode()
    assert "/ru/places/almaty/" not in response.content.decode()


# --- About and open data ----------------------------------------------------------------------


def test_the_open_data_page_links_every_download_and_each_link_works(client):
    response = client.get("/en/open-data/")
    html = response.content.decode()
    links = re.findall(r'<td><a href="([^"]+)"', html)
    assert len(links) == 10
    for link in links:
        assert client.get(link).status_code == 200, link
    assert 'rel="license"' in html and "CC BY 4.0" in html
    assert "5 published projects." in text_of(response)


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ru", "О реестре"), ("kk", "Тізілім туралы"), ("en", "About the registry")],
)
def test_every_page_links_the_about_and_open_data_pages_in_its_language(client, language, heading):
    home = client.get(f"/{language}/").content.decode()
    footer = home[home.index("<footer") :]
    assert f'href="/{language}/about/"' in footer
    assert f'href="/{language}/open-data/"' in footer
    assert f'href="/{language}/donors/"' in home and f'href="/{language}/places/"' in home
    about = client.get(f"/{language}/about/")
    assert f"<h1>{heading}</h1>" in about.content.decode()


def test_the_data_freshness_has_one_full_stop_after_an_abbreviated_date(client):
    text = text_of(client.get("/ru/about/"))
    assert re.search(r"Данные последний раз изменены \d+ \w+ \d{4} г\.(?!\.)", text)
