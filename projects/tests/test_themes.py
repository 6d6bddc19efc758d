"""Themes: the OECD DAC purpose codes (IATI's Sector vocabulary) that editors give projects, in
three languages; offered as a filter and facet, shown on project pages as an editor's coding,
in the API, and exported as IATI sectors and 360Giving classifications."""

import csv
import io
import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from lxml import etree

from projects.models import Project, ProjectSector, Sector
from projects.opendata.giving360 import SECTOR_VOCABULARY
from projects.opendata.records import stream_export
from projects.sectors import codelist, ensure_codelist
from projects.services import editors

from .admin_forms import browser_form_data

S000 = "human-rights-communication-information-governance"
S001 = "transnational-civil-society-coalition-central-asia"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"
SEED_THEMES = {
    S000: {"15160": 50, "15150": 50},
    S001: {"15160": None},
    S002: {"15150": None},
    S003: {"15150": 50, "15160": 50},
    S004: {"15112": None},
}
CODELIST_XML = (
    settings.BASE_DIR / "schemas/iati-rulesets/lib/schemata/non-embedded-codelist/Sector.xml"
)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KAZAKH_LETTERS = set("әғқңөұүһі")


# --- The codelist ------------------------------------------------------------------------------


def test_the_codelist_is_the_oecds_with_a_russian_and_kazakh_name_for_every_code():
    published = {}
    for item in etree.parse(str(CODELIST_XML)).getroot().iter("codelist-item"):
        english = next(n.text for n in item.find("name") if n.get(XML_LANG) is None)
        published[item.findtext("code")] = (
            item.findtext("category"),
            item.get("status") == "withdrawn",
            english.strip(),
        )
    ours = {entry["code"]: entry for entry in codelist()}
    assert set(ours) == set(published)
    kazakh_names = 0
    for code, (category, withdrawn, english) in published.items():
        entry = ours[code]
        assert (entry["category"], entry["withdrawn"], entry["name"]["en"]) == (
            category, withdrawn, english,
        )  # fmt: skip
        russian, kazakh = entry["name"]["ru"], entry["name"]["kk"]
        assert re.search("[а-яА-Я]", russian) and re.search("[а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІ]", kazakh)
        assert russian != kazakh, code
        kazakh_names += bool(KAZAKH_LETTERS & set(kazakh.lower()))
    assert kazakh_names > len(published) * 0.8  # Kazakh, not Russian with a Kazakh ending


@pytest.mark.django_db
def test_the_table_holds_the_codelist_again_after_a_flush():
    Sector.objects.all().delete()
    ensure_codelist()
    assert Sector.objects.count() == len(codelist())
    human_rights = Sector.objects.get(code="15160")
    assert (human_rights.name_ru, human_rights.name_en) == ("Права человека", "Human rights")
    assert human_rights.name_kk == "Адам құқықтары"


# --- Seeds, pages and the list -----------------------------------------------------------------


@pytest.mark.django_db
class TestSeedThemes:
    @pytest.fixture(autouse=True)
    def _seeds(self, seeded_db):
        pass

    def test_each_seed_project_has_the_themes_its_editor_gave(self):
        for slug, themes in SEED_THEMES.items():
            links = ProjectSector.objects.filter(project__slug=slug)
            assert {link.sector_id: link.percentage for link in links} == themes, slug

    @pytest.mark.parametrize(
        ("language", "heading", "name", "note"),
        [
            ("ru", "Темы", "Права человека", "Тему определил редактор"),
            ("kk", "Тақырыптар", "Адам құқықтары", "Тақырыпты редактор"),
            ("en", "Themes", "Human rights", "An editor coded the theme"),
        ],
    )
    def test_the_project_page_shows_its_themes_as_an_editors_coding(
        self, client, language, heading, name, note
    ):
        html = client.get(f"/{language}/projects/{S000}/").content.decode()
        section = html[html.index('id="themes-heading"') :]
        section = section[: section.index("</section>")]
        assert heading in section and name in section
        assert "?sector=15160" in section and "15150" in section and "50%" in section
        assert note in section  # the inference is marked with its note

    def test_the_list_filters_by_theme_and_counts_each_in_its_facet(self, client):
        html = client.get("/en/projects/?sector=15160").content.decode()
        shown = set(re.findall(r'href="/en/projects/([a-z0-9-]+)/"', html))
        assert shown & set(SEED_THEMES) == {S000, S001, S003}
        unfiltered = client.get("/en/projects/").content.decode()
        assert re.search(r'<option value="15160">Human rights \(3\)</option>', unfiltered)
        assert re.search(r'<option value="15112">[^<]*\(1\)</option>', unfiltered)

    @pytest.mark.parametrize("value", ["99999", "abc", "1516", "15160\x00", "15160' OR 1=1"])
    def test_a_theme_that_does_not_exist_is_a_form_error_not_a_500(self, client, value):
        response = client.get("/en/projects/", {"sector": value})
        assert response.status_code in (200, 400)
        errors = (
            "There is no such choice.",
            "Null characters are not allowed.",
            "Ensure this value has at most 5 characters",
        )
        assert any(error in response.content.decode() for error in errors)
        assert client.get("/api/projects/", {"sector": value}).status_code == 400

    def test_the_chip_of_an_active_theme_names_it(self, client):
        html = client.get("/ru/projects/?sector=15112").content.decode()
        assert "Децентрализация" in html

    def test_the_api_gives_the_themes_and_filters_by_them(self, client):
        record = client.get(f"/api/projects/{S003}/").json()
        assert [(s["code"], s["percentage"]) for s in record["sectors"]] == [
            ("15150", 50), ("15160", 50),
        ] or sorted((s["code"], s["percentage"]) for s in record["sectors"]) == [
            ("15150", 50), ("15160", 50),
        ]  # fmt: skip
        human_rights = next(s for s in record["sectors"] if s["code"] == "15160")
        assert human_rights["name"] == {
            "ru": "Права человека", "kk": "Адам құқықтары", "en": "Human rights",
        }  # fmt: skip
        listed = client.get("/api/projects/", {"sector": "15150"}).json()
        assert {item["id"] for item in listed["results"]} == {S000, S002, S003}

    def test_iati_activities_carry_their_sectors_with_shares_adding_up(self, client):
        response = client.get("/open-data/iati.xml")
        document = etree.fromstring(b"".join(response.streaming_content))
        for activity in document.iter("iati-activity"):
            slug = activity.findtext("iati-identifier").rsplit("-", 1)[0]
            sectors = activity.findall("sector")
            assert sectors, activity.findtext("iati-identifier")
            assert all(sector.get("vocabulary") == "1" for sector in sectors)
            if len(sectors) > 1:
                assert sum(int(sector.get("percentage")) for sector in sectors) == 100
            else:
                assert sectors[0].get("percentage") is None
        del slug

    def test_360giving_grants_carry_the_themes_as_classifications(self, client):
        package = json.loads(b"".join(client.get("/open-data/360giving.json").streaming_content))
        grants = [grant for grant in package["grants"] if S000 in grant["id"]]
        assert grants
        themes = [c for c in grants[0]["classifications"] if c["vocabulary"] == SECTOR_VOCABULARY]
        assert {(c["code"], c["title"]) for c in themes} == {
            ("15160", "Human rights"), ("15150", "Democratic participation and civil society"),
        }  # fmt: skip

    def test_the_csv_names_the_themes_in_the_pages_language_with_their_codes(self, client):
        response = client.get("/kk/projects/export.csv", {"sector": "15112"})
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        themes = rows[0].index("Тақырыптар")
        assert [row[themes] for row in rows[1:]] == [
            "Орталықсыздандыру және өңірлік әрі жергілікті билік органдарын қолдау (15112)"
        ]

    def test_the_json_export_holds_the_themes_as_records_say(self):
        document = json.loads(b"".join(stream_export(Project.objects.filter(slug=S003))))
        assert document["projects"][0]["project"]["sectors"] == [
            {"code": "15150", "percentage": 50},
            {"code": "15160", "percentage": 50},
        ]


# --- The admin ---------------------------------------------------------------------------------


@pytest.mark.django_db
class TestThemesInTheAdmin:
    @pytest.fixture
    def editor_client(self, seeded_db):
        group = editors.editors_group_ensure()
        editor = User.objects.create_user("aigul", password="pw-for-tests-only", is_staff=True)
        editor.groups.add(group)
        client = Client()
        client.force_login(editor)
        return client

    def change(self, client, slug: str, rows: list[tuple[str, str]]):
        project = Project.objects.get(slug=slug)
        url = f"/en/admin/projects/project/{project.pk}/change/"
        data = browser_form_data(client.get(url).content)
        prefix = "sector_links"
        existing = int(data[f"{prefix}-INITIAL_FORMS"][0])
        for index in range(existing):
            data[f"{prefix}-{index}-DELETE"] = ["on"]
        for offset, (code, share) in enumerate(rows):
            index = existing + offset
            data[f"{prefix}-{index}-sector"] = [code]
            data[f"{prefix}-{index}-percentage"] = [share]
        data[f"{prefix}-TOTAL_FORMS"] = [str(existing + len(rows))]
        return client.post(url, data)

    def test_an_editor_finds_a_theme_by_its_name_in_any_language(self, editor_client):
        project = Project.objects.get(slug=S004)
        found = editor_client.get(
            "/en/admin/autocomplete/",
            {"term": "құқық", "app_label": "projects", "model_name": "projectsector",
             "field_name": "sector"},
        )  # fmt: skip
        assert found.status_code == 200, found.content[:300]
        codes = {item["id"] for item in found.json()["results"]}
        assert "15160" in codes
        del project

    def test_a_withdrawn_code_is_neither_offered_nor_accepted(self, editor_client):
        withdrawn = Sector.objects.filter(withdrawn=True).first()
        assert withdrawn is not None
        found = editor_client.get(
            "/en/admin/autocomplete/",
            {"term": withdrawn.code, "app_label": "projects", "model_name": "projectsector",
             "field_name": "sector"},
        )  # fmt: skip
        assert found.json()["results"] == []
        refused = self.change(editor_client, S004, [(withdrawn.code, "")])
        assert refused.status_code == 200
        assert list(ProjectSector.objects.filter(project__slug=S004).values_list("sector_id")) == [
            ("15112",)
        ]

    def test_several_themes_need_shares_that_add_up_to_100(self, editor_client):
        refused = self.change(editor_client, S004, [("15112", ""), ("15150", "")])
        assert refused.status_code == 200
        assert "the shares add up to 100" in refused.content.decode()
        assert list(ProjectSector.objects.filter(project__slug=S004).values_list("sector_id")) == [
            ("15112",)
        ]
        saved = self.change(editor_client, S004, [("15112", "70"), ("15150", "30")])
        assert saved.status_code == 302, saved.content.decode()[-3000:]
        links = ProjectSector.objects.filter(project__slug=S004)
        assert {link.sector_id: link.percentage for link in links} == {"15112": 70, "15150": 30}
