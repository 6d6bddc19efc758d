"""Downloads of any search (CSV, XLSX, JSON and summaries), the JSON round trip, the Atom feed
and robots.txt (sitemap.xml: test_sitemaps.py)."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from projects import indexing
from projects.filters import published_projects_matching
from projects.models import (
    Contact,
    FundingLine,
    Keyword,
    Organization,
    Participation,
    Place,
    Project,
    SourceDocument,
)
from projects.opendata import batches, exports

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def url(name, language="ru"):
    with translation.override(language):
        return reverse(f"projects:{name}")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 with a BOM and shows Cyrillic right
    return list(csv.reader(io.StringIO(text[1:])))


# --- CSV, XLSX -----------------------------------------------------------------------------------


def test_csv_of_a_search_has_its_projects_with_headers_in_the_page_language(client):
    response = client.get(url("project-export-csv"), {"place": "pavlodar"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert "Доноры" in header and "Места реализации" in header
    assert {row[header.index("Identifier") if "Identifier" in header else 2] for row in rows} == {
        S000,
        S002,
    }
    titles = [row[0] for row in rows]
    assert "Права человека: коммуникация, информация, управление" in titles


def test_csv_values_follow_the_language_and_keep_money_per_currency(client):
    response = client.get(url("project-export-csv", "en"), {"donor": "usaid"})
    header, row = csv_rows(response)
    values = dict(zip(header, row, strict=True))
    assert values["Title"] == "U.S. Support for Civil Society and Human Rights in Kazakhstan"
    assert values["Total budget"] == "more than USD 1500000"
    assert "up to USD 800000" in values["Donor contributions"]
    assert "USD 750000" in values["Donor contributions"]
    assert values["Places"] == "Kazakhstan"


def test_visitor_chooses_the_columns(client):
    response = client.get(url("project-export-csv", "en"), {"columns": "title,donors,contacts"})
    header, *rows = csv_rows(response)
    assert header == ["Title", "Donors", "Contacts"]
    assert len(rows) == 5
    contacts = {title: contacts for title, _donors, contacts in rows}
    # Seed 002 gives organisations to contact, no person: each by its name.
    assert contacts["Monitoring of State Development Programmes by Civil Society Actors"] == (
        "Information Resource Centre Public Foundation (Information Resource Centre), "
        "+7 7758516615, office.ircalmaty@gmail.com; "
        "Delegation of the European Union to Kazakhstan, delegation-kazakhstan-pic@eeas.europa.eu"
    )


@pytest.mark.parametrize(
    "params", [{"columns": "title,nope"}, {"place": "abc"}, {"year": "-1"}, {"budget_min": "1"}]
)
def test_bad_export_parameters_are_a_400_with_a_reason(client, params):
    response = client.get(url("project-export-csv"), params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_xlsx_of_a_search(client):
    response = client.get(url("project-export-xlsx", "kk"), {"language": "kk"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(body(response))).active
    rows = list(sheet.values)
    assert len(rows) == 3  # the header and the two Kazakh-language seeds
    assert rows[0][3] == "Мәртебесі"
    assert any(str(row[0]).startswith("Шығыс және орталық") for row in rows[1:])


def test_xlsx_keeps_the_worker_alive_while_it_is_built(client, monkeypatch):
    """An empty piece per XLSX_ROWS_PER_BEAT rows (the heartbeat of gunicorn.conf.py), then the
    file, whole: an export longer than gunicorn's timeout was cut off with a 500."""
    monkeypatch.setattr(exports, "XLSX_ROWS_PER_BEAT", 1)
    response = client.get(url("project-export-xlsx", "en"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="projects-')
    pieces = list(response.streaming_content)
    published = Project.objects.filter(is_published=True).count()
    assert pieces[:published] == [b""] * published  # one per row, before any byte of the file
    assert all(pieces[published:])
    rows = list(load_workbook(io.BytesIO(b"".join(pieces))).active.values)
    assert len(rows) == published + 1


def test_donor_and_organisation_summaries_never_add_currencies(client):
    donors = csv_rows(client.get(url("project-export-donors", "en")))
    by_donor = {(row[0], row[3]): row for row in donors[1:]}
    assert by_donor[("european-union", "EUR")][2:] == ["4", "EUR", "633793", "exact"]
    assert by_donor[("usaid", "USD")][4:] == ["800000", "up to"]
    organisations = csv_rows(client.get(url("project-export-organizations", "en")))
    centres = {
        row[0]: row[2:]
        for row in organisations
        if row[0].startswith("local-government-development-centre")
    }
    # Two centres of one name, not merged (seed 004 gives no town): each with its project.
    assert centres == {
        "local-government-development-centre": ["1", "EUR", "213793", "exact"],
        "local-government-development-centre-2": ["1", "EUR", "420000", "exact"],
    }


def test_summaries_count_each_project_once_and_add_money_per_currency(client):
    """A hand-made search (the English-language projects): what the summaries say of it."""
    eu = make_organization("eu-test", kind="international_organization", en="EU test")
    usaid = make_organization("usaid-test", kind="donor_agency", en="USAID test")
    silent = make_organization("silent-donor", kind="donor_agency", en="Silent donor")
    lead = make_organization("lead-ngo", en="Lead NGO")
    partner = make_organization("partner-ngo", en="Partner NGO")
    first = make_project("first", original_language="en")
    make_funding(first, eu, "100", "EUR")
    make_funding(first, eu, "50", "USD")
    make_funding(first, usaid, "30", "EUR")
    make_funding(first, amount="200", currency="EUR", kind="total")  # not a contribution
    Participation.objects.create(project=first, organization=silent, role="donor")
    Participation.objects.create(project=first, organization=lead, role="lead_implementer")
    Participation.objects.create(project=first, organization=partner, role="partner")
    second = make_project("second", original_language="en")
    make_funding(second, eu, "1000.50", "EUR")
    make_funding(second, None, "7", "USD")  # a contribution whose donor is not named
    at_most = make_funding(second, usaid, "40", "EUR")
    FundingLine.objects.filter(pk=at_most.pk).update(qualifier="up_to")
    Participation.objects.create(project=second, organization=lead, role="lead_implementer")
    Participation.objects.create(project=second, organization=lead, role="partner")
    draft = make_project("draft", original_language="en", published=False)
    make_funding(draft, eu, "999", "EUR")
    Participation.objects.create(project=draft, organization=lead, role="lead_implementer")

    donors = csv_rows(client.get(url("project-export-donors", "en"), {"language": "en"}))
    assert donors == [
        ["Identifier", "Organisation", "Projects", "Currency", "Donor contributions",
         "Contributions as stated"],
        ["eu-test", "EU test", "2", "EUR", "1100.5", "exact"],
        ["eu-test", "EU test", "2", "USD", "50", "exact"],
        # "Up to 40" is never added to an exact 30.
        ["usaid-test", "USAID test", "2", "EUR", "30", "exact"],
        ["usaid-test", "USAID test", "2", "EUR", "40", "up to"],
        ["silent-donor", "Silent donor", "1", "", "", ""],
    ]  # fmt: skip
    organisations = csv_rows(
        client.get(url("project-export-organizations", "en"), {"language": "en"})
    )
    assert organisations[1:] == [  # the lead is also a partner of the second: counted once
        ["lead-ngo", "Lead NGO", "2", "EUR", "1130.5", "exact"],
        ["lead-ngo", "Lead NGO", "2", "EUR", "40", "up to"],
        ["lead-ngo", "Lead NGO", "2", "USD", "57", "exact"],
        ["partner-ngo", "Partner NGO", "1", "EUR", "130", "exact"],
        ["partner-ngo", "Partner NGO", "1", "USD", "50", "exact"],
    ]


def test_summary_names_follow_the_page_language(client):
    ngo = make_organization("named-ngo", ru="Фонд", en="Foundation")
    Organization.objects.filter(pk=ngo.pk).update(short_name_ru="Ф", short_name_en="FND")
    project = make_project("named", original_language="en")
    Participation.objects.create(project=project, organization=ngo, role="partner")
    # Kazakh has no name of its own: Russian first, as the pages read it.
    for language, name in [("ru", "Фонд (Ф)"), ("en", "Foundation (FND)"), ("kk", "Фонд (Ф)")]:
        rows = csv_rows(
            client.get(url("project-export-organizations", language), {"language": "en"})
        )
        assert rows[1][:3] == ["named-ngo", name, "1"]


def test_exports_leave_drafts_out(client):
    make_project("secret-draft", published=False)
    header, *rows = csv_rows(client.get(url("project-export-csv", "en"), {"columns": "slug"}))
    assert "secret-draft" not in {row[0] for row in rows}


EXPORTS = [
    "project-export-csv", "project-export-xlsx", "project-export-json",
    "project-export-donors", "project-export-organizations",
]  # fmt: skip
EVERY_COLUMN = ",".join(column.key for column in exports.COLUMNS)


def add_projects(count: int, first: int) -> None:
    """Published projects with every kind of related row (text only in English, so that the
    pages' fallbacks are used)."""
    with indexing.batch():  # the derived tables are rebuilt once, at the end
        _add_projects(count, first)


def _add_projects(count: int, first: int) -> None:
    region = Place.objects.get(slug="pavlodar-region")
    town = make_place(f"town-{first}", kind="town", parent=region)
    donor = make_organization(f"donor-{first}", kind="donor_agency")
    ngo = make_organization(f"ngo-{first}", ru="", en=f"NGO {first}")
    keyword = Keyword.objects.create(slug=f"keyword-{first}", name_en=f"topic {first}")
    for number in range(first, first + count):
        project = make_project(
            f"many-{number:03d}", title_ru="", title_en=f"Project {number}", original_language="en"
        )
        project.places.add(town, region)
        project.keywords.add(keyword)
        Participation.objects.create(project=project, organization=ngo, role="lead_implementer")
        make_funding(project, donor=donor, amount="1000.50", currency="USD")
        make_funding(project, amount="5000", currency="KZT", kind="total")
        Contact.objects.create(project=project, name_en="Name", organization=ngo, phones=["1"])
        SourceDocument.objects.create(
            project=project, text=f"release {number}", language="en", published_on="2020-01-02"
        )


def export_queries(client, name: str) -> int:
    params = {"columns": EVERY_COLUMN} if name in EXPORTS[:2] else {}
    body(client.get(url(name), params))  # the place tree is read once per change of the data
    with CaptureQueriesContext(connection) as captured:
        body(client.get(url(name), params))
    return len(captured)


@pytest.mark.parametrize("name", EXPORTS)
def test_export_queries_do_not_grow_with_the_number_of_projects(client, name):
    add_projects(5, first=0)
    five = export_queries(client, name)
    add_projects(55, first=5)
    assert export_queries(client, name) == five


@pytest.mark.parametrize("name", EXPORTS[:3])
def test_a_large_export_costs_one_round_of_queries_per_chunk(client, monkeypatch, name):
    monkeypatch.setattr(batches, "CHUNK", 10)
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 10)
    add_projects(5, first=0)  # and the five seeds: one chunk
    one_chunk = export_queries(client, name)
    add_projects(10, first=5)
    two_chunks = export_queries(client, name)
    add_projects(40, first=15)
    round_of_queries = two_chunks - one_chunk
    assert 0 < round_of_queries <= 8
    assert export_queries(client, name) == one_chunk + 5 * round_of_queries  # six chunks


def test_chunks_change_nothing_in_the_file(client, monkeypatch):
    add_projects(25, first=0)
    params = {"columns": EVERY_COLUMN}
    whole = csv_rows(client.get(url("project-export-csv", "kk"), params))
    monkeypatch.setattr(batches, "CHUNK", 4)
    assert csv_rows(client.get(url("project-export-csv", "kk"), params)) == whole
    slugs = [row[2] for row in whole[1:]]
    expected = published_projects_matching({}).values_list("slug", flat=True)
    assert slugs == list(expected)  # the list's order, across chunk boundaries


def test_csv_cells_fall_back_to_other_languages_like_the_pages(client):
    add_projects(1, first=0)
    response = client.get(url("project-export-csv", "kk"), {"columns": EVERY_COLUMN})
    header, *rows = csv_rows(response)
    assert header[0] == "Атауы"
    keys = EVERY_COLUMN.split(",")
    values = dict(zip(keys, next(row for row in rows if row[2] == "many-000"), strict=True))
    assert values["title"] == "Project 0"  # no Kazakh or Russian title: English
    assert values["implementers"] == "NGO 0"
    assert values["places"] == "Town-0; Павлодар облысы"  # by name, as the project page lists
    assert values["regions"] == "Павлодар облысы"
    assert values["keywords"] == "topic 0"
    assert values["contacts"] == "Name, 1"
    assert values["other_funding"] == ""
    assert values["total_budget"] == "KZT 5000"
    assert values["contributions"] == "USD 1000.5 (donor-0)"
    assert values["currencies"] == "KZT; USD"
    assert values["published"] == "2020-01-02"
    assert values["url"] == "http://testserver/kk/projects/many-000/"
    assert values["status"] == "белгісіз"


@pytest.mark.parametrize(
    ("place", "regions"),
    [
        ("pavlodar", "Pavlodar Region"),  # a city in a region
        ("pavlodar-region", "Pavlodar Region"),  # a region lies in itself
        ("almaty", "Almaty"),  # a city of republican significance is a region of its own
        ("kazakhstan", ""),  # a country lies in no region
    ],
)
def test_regions_follow_the_registry_rule_for_the_region_of_a_place(client, place, regions):
    project = make_project("in-one-place")
    project.places.add(Place.objects.get(slug=place))
    header, *rows = csv_rows(
        client.get(url("project-export-csv", "en"), {"columns": "slug,regions"})
    )
    assert ["in-one-place", regions] in rows


def test_the_list_page_links_to_the_downloads_of_its_search(client):
    html = client.get(url("project-list", "en"), {"place": "pavlodar", "page": "1"}).content
    html = html.decode()
    assert 'href="/en/projects/export.csv?place=pavlodar"' in html
    assert 'href="/en/projects/export.xlsx?place=pavlodar"' in html
    assert '<input type="hidden" name="place" value="pavlodar">' in html


# --- JSON and the round trip ---------------------------------------------------------------------


def export_document(client, params=None) -> dict:
    response = client.get(url("project-export-json"), params or {})
    assert response.status_code == 200
    return json.loads(body(response))


def without_volatile(document: dict) -> dict:
    document = dict(document)
    document.pop("exported")
    document["projects"] = sorted(document["projects"], key=lambda r: r["project"]["slug"])
    return document


def test_json_round_trip_loses_nothing(client, tmp_path):
    first = export_document(client)
    assert len(first["projects"]) == 5
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    call_command("flush", interactive=False, stdout=io.StringIO())
    assert Project.objects.count() == 0 and Place.objects.count() == 0
    call_command("load_records", str(path), stdout=io.StringIO())
    second = export_document(client)
    assert without_volatile(second) == without_volatile(first)
    project = Project.objects.get(
        slug="active-local-stakeholder-participation-east-central-kazakhstan"
    )
    assert (project.title_kk, project.start.isoformat()) == (
        "Шығыс және орталық Қазақстанда жергілікті деңгейдегі мүдделі тараптардың белсенді қатысуы",
        "2017-02",
    )
    assert project.contacts.count() == 5
    output = io.StringIO()
    call_command("load_records", str(path), stdout=output)
    assert "0 rows changed" in output.getvalue()


def test_json_export_of_a_search_holds_only_its_projects_and_their_places(client):
    document = export_document(client, {"donor": "usaid"})
    assert [record["project"]["slug"] for record in document["projects"]] == [S003]
    # Kazakhstan, where it works; Almaty, the dateline of its press release.
    assert {place["slug"] for place in document["places"]} == {"kazakhstan", "almaty"}


def test_json_export_marks_synthetic_projects_only(client):
    project = make_project("made-for-load-tests")
    Project.objects.filter(pk=project.pk).update(is_synthetic=True)
    records = {r["project"]["slug"]: r["project"] for r in export_document(client)["projects"]}
    assert records["made-for-load-tests"]["synthetic"] is True
    assert all(
        "synthetic" not in record for slug, record in records.items() if slug != project.slug
    )


def test_json_export_is_the_same_in_any_chunks(client, monkeypatch):
    add_projects(12, first=0)
    whole = without_volatile(export_document(client))
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 5)
    assert without_volatile(export_document(client)) == whole
    assert len(whole["projects"]) == 17


def test_a_broken_export_is_refused_whole(client, tmp_path):
    document = export_document(client)
    document["projects"][1]["project"]["funding"] = [
        {"donor": None, "amount": "-1", "currency": "EUR", "kind": "total", "qualifier": "exact"}
    ]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("flush", interactive=False, stdout=io.StringIO())
    with pytest.raises(Exception, match="projects.1.project.funding.0.amount"):
        call_command("load_records", str(path), stdout=io.StringIO())
    assert Project.objects.count() == 0


# --- Feed, robots -----------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_of_newly_published_projects_per_language(client):
    late = make_project("late-arrival", title_ru="Новый проект", title_kk="Жаңа жоба")
    late.published_at = late.created_at
    late.save()
    make_project("draft-feed", published=False)
    with translation.override("kk"):
        response = client.get(reverse("feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "Жаңа жоба"
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all("/kk/projects/" in link for link in links)
    assert not any("draft-feed" in link for link in links)
    assert len(entries) == 6


def feed_slugs(response) -> list[str]:
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    return [link.rstrip("/").rsplit("/", 1)[-1] for link in links]


@pytest.mark.parametrize(
    "search", [{"donor": "usaid"}, {"donor": "european-union"}, {"q": "Павлодарда"}]
)
def test_a_feed_of_a_search_holds_the_projects_of_that_search_only(client, search):
    listed = [
        row[0]
        for row in csv_rows(
            client.get(url("project-export-csv", "en"), {"columns": "slug", **search})
        )[1:]
    ]
    assert 0 < len(listed) < Project.objects.published().count()
    with translation.override("en"):
        response = client.get(reverse("feed"), {**search, "page": "2", "sort": "title"})
    assert response.status_code == 200
    assert sorted(feed_slugs(response)) == sorted(listed)
    feed = ET.fromstring(response.content)  # noqa: S314
    assert "of a search" in feed.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}link").get("href").endswith("/en/projects/?" + urlencode(search))


def test_a_feed_of_a_search_that_cannot_be_made_says_why(client):
    with translation.override("en"):
        response = client.get(reverse("feed"), {"donor": "no-such-donor"})
    assert response.status_code == 400
    assert response.content.decode().startswith("This search cannot be followed:\ndonor: ")


def test_the_list_offers_a_subscription_to_its_search(client):
    page = client.get(url("project-list", "en"), {"donor": "usaid", "page": "1"}).content.decode()
    assert '<a href="/en/feed/?donor=usaid" type="application/atom+xml">' in page
    head = page.split("</head>")[0]
    assert (
        'type="application/atom+xml" title="Newly published projects" href="/en/feed/?donor=usaid"'
        in head
    )


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /ru/admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_a_contacts_fax_is_marked_as_a_fax(client):
    project = Project.objects.get(slug="human-rights-communication-information-governance")
    project.contacts.filter(name_en="Pavel Lobachev").update(faxes=["+7 727 395 49 98"])
    response = client.get(url("project-export-csv", "ru"), {"columns": "slug,contacts"})
    contacts = dict(csv_rows(response)[1:])[project.slug]
    assert "Павел Лобачев, +7 701 216 49 19, факс +7 727 395 49 98, plobachev@mail.ru" in contacts
