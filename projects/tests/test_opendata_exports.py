"""Downloads of any search (CSV, XLSX, JSON and summaries), the JSON round trip, the Atom feed
and robots.txt (sitemap.xml: test_sitemaps.py)."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from projects.models import Organization, Place, Project

from .factories import make_funding, make_project

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


def test_donor_and_organisation_summaries_never_add_currencies(client):
    donors = csv_rows(client.get(url("project-export-donors", "en")))
    by_donor = {(row[0], row[3]): row for row in donors[1:]}
    assert by_donor[("european-union", "EUR")][2:] == ["4", "EUR", "633793"]
    assert by_donor[("usaid", "USD")][4] == "800000"
    organisations = csv_rows(client.get(url("project-export-organizations", "en")))
    centre = [row for row in organisations if row[0] == "local-government-development-centre"]
    assert centre == [["local-government-development-centre", centre[0][1], "2", "EUR", "633793"]]


def test_exports_leave_drafts_out(client):
    make_project("secret-draft", published=False)
    header, *rows = csv_rows(client.get(url("project-export-csv", "en"), {"columns": "slug"}))
    assert "secret-draft" not in {row[0] for row in rows}


def export_queries(client, name) -> int:
    # A first request warms the per-process place tree, which a change of data reloads once
    # (one query, whatever the number of projects): both counts are taken warm.
    body(client.get(url(name)))
    with CaptureQueriesContext(connection) as captured:
        body(client.get(url(name)))
    return len(captured)


@pytest.mark.parametrize(
    "name", ["project-export-csv", "project-export-xlsx", "project-export-json",
             "project-export-donors"],
)  # fmt: skip
def test_export_queries_do_not_grow_with_the_number_of_projects(client, name):
    before = export_queries(client, name)
    eu = Organization.objects.get(slug="european-union")
    for index in range(30):
        make_funding(make_project(f"many-{index:02d}"), donor=eu)
    assert export_queries(client, name) == before


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
    assert {place["slug"] for place in document["places"]} == {"kazakhstan"}


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


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /ru/admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
