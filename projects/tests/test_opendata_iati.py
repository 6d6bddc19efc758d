"""The IATI 2.03 file (projects/opendata/iati.py): valid against the official schema, the
seeds mapped as documented, the list's filters, drafts kept out, a fixed number of queries,
and the export_iati command."""

import datetime
import io
import os
import re
import stat
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from projects import indexing
from projects.models import Contact, Organization, Participation, Project, SourceDocument
from projects.opendata import batches, files, iati

from .factories import make_funding, make_organization, make_place, make_project
from .streams import receive_in_pieces

pytestmark = pytest.mark.django_db

SCHEMA = settings.BASE_DIR / "schemas" / "iati-2.03" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SEED_000 = "human-rights-communication-information-governance"
SEED_001 = "transnational-civil-society-coalition-central-asia"
SEED_002 = "monitoring-state-development-programmes-civil-society"
SEED_003 = "us-support-civil-society-human-rights-kazakhstan"
SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"
SEEDS = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004]


@pytest.fixture(scope="module")
def schema():
    """The official schema (schemas/, copied unchanged). A missing file fails the tests
    instead of skipping them."""
    assert SCHEMA.is_file(), f"the IATI 2.03 schema is missing: {SCHEMA}"
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def fetch(client, **params) -> etree._Element:
    response = client.get(reverse("opendata:iati"), params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(b"".join(response.streaming_content))


# 002 ("22 тамызда", no year) and 003 ("6 апреля", no year) state no full date, and IATI needs
# one. Most tests read the seeds as an editor who found the releases' publication dates would
# record them (these dates are test data, not facts); undated_seed_document reads them as they
# are.
PUBLICATION_DATES_FOR_TESTS = {
    SEED_002: datetime.date(2019, 8, 23),
    SEED_003: datetime.date(2021, 4, 6),
}


def date_the_undated_releases() -> None:
    for slug, day in PUBLICATION_DATES_FOR_TESTS.items():
        SourceDocument.objects.filter(project__slug=slug).update(published_on=day)


@pytest.fixture
def seed_document(client, seeded_db):
    date_the_undated_releases()
    return fetch(client)


@pytest.fixture
def undated_seed_document(client, seeded_db):
    return fetch(client)


def assert_valid(schema, document):
    valid = schema.validate(document)
    assert valid, "\n".join(str(error) for error in schema.error_log)


def identifiers(document) -> list[str]:
    return [activity.findtext("iati-identifier") for activity in document]


def activity_of(document, slug: str):
    identifier = f"{iati.reporting_org_ref()}-{slug}"
    found = [
        activity for activity in document if activity.findtext("iati-identifier") == identifier
    ]
    assert len(found) == 1, f"{identifier}: {len(found)} activities"
    return found[0]


def narratives(element) -> dict[str, str]:
    return {narrative.get(XML_LANG): narrative.text for narrative in element.findall("narrative")}


def english(element) -> str:
    return narratives(element)["en"]


def make_exportable(slug="project", **fields) -> Project:
    """A project with a donor and a stated start, which every IATI activity needs
    (participating-org, activity-date)."""
    if "start_date" not in fields and "end_date" not in fields:
        fields.update(start_date=datetime.date(2020, 3, 1), start_precision="day")
    project = make_project(slug, **fields)
    donor, _ = Organization.objects.get_or_create(
        slug="european-union",
        defaults={"kind": "international_organization", "name_ru": "ЕС", "name_en": "EU"},
    )
    Participation.objects.create(project=project, organization=donor, role="donor")
    return project


# --- The seeds ------------------------------------------------------------------------------


def test_the_public_address_is_stable():
    assert reverse("opendata:iati") == "/open-data/iati.xml"


def test_the_seed_export_is_valid_iati_2_03(schema, seed_document):
    assert_valid(schema, seed_document)
    assert seed_document.tag == "iati-activities"
    assert seed_document.get("version") == "2.03"


def test_one_activity_per_published_project_with_a_stable_identifier(seed_document):
    assert sorted(identifiers(seed_document)) == sorted(
        f"{iati.DEFAULT_REPORTING_ORG_REF}-{slug}" for slug in SEEDS
    )


def test_the_identifier_prefix_comes_from_the_setting(client, seeded_db, settings):
    settings.IATI_REPORTING_ORG_REF = "XI-IATI-TEST"
    date_the_undated_releases()
    document = fetch(client)
    assert {a.find("reporting-org").get("ref") for a in document} == {"XI-IATI-TEST"}
    assert sorted(identifiers(document)) == sorted(f"XI-IATI-TEST-{slug}" for slug in SEEDS)


def test_the_registry_reports_as_a_secondary_reporter(seed_document):
    for activity in seed_document:
        reporting_org = activity.find("reporting-org")
        assert reporting_org.get("type") == "90"
        assert reporting_org.get("secondary-reporter") == "1"
        assert narratives(reporting_org) == {
            "ru": "Реестр грантовых проектов",
            "kk": "Гранттық жобалар тізілімі",
            "en": "Grant-project registry",
        }


@pytest.mark.parametrize(
    ("slug", "language", "currency"),
    [
        (SEED_000, "ru", "EUR"),
        (SEED_001, "ru", None),
        (SEED_002, "kk", None),
        (SEED_003, "ru", "USD"),
        (SEED_004, "kk", "EUR"),
    ],
)
def test_activity_language_currency_and_update_time(seed_document, slug, language, currency):
    activity = activity_of(seed_document, slug)
    assert activity.get(XML_LANG) == language
    assert activity.get("default-currency") == currency
    updated = datetime.datetime.fromisoformat(activity.get("last-updated-datetime"))
    project_updated = Project.objects.get(slug=slug).updated_at.replace(microsecond=0)
    assert project_updated <= updated <= timezone.now()


def test_titles_and_descriptions_have_a_narrative_in_each_language(seed_document):
    for activity in seed_document:
        assert set(narratives(activity.find("title"))) == {"ru", "kk", "en"}
        descriptions = {d.get("type"): narratives(d) for d in activity.findall("description")}
        # General and objectives: every seed states both; 4 Other: a whole-project budget.
        assert {"1", "2"} <= set(descriptions) <= {"1", "2", "4"}
        assert all(set(texts) == {"ru", "kk", "en"} for texts in descriptions.values())
        assert all(text.strip() for texts in descriptions.values() for text in texts.values())
    objectives = activity_of(seed_document, SEED_000).find("description[@type='2']")
    assert english(objectives).count("\n") == 2  # three objectives, one per line


def test_seed_003_has_its_donors_as_funding_organisations(seed_document):
    organisations = activity_of(seed_document, SEED_003).findall("participating-org")
    assert [(o.get("role"), o.get("type"), english(o)) for o in organisations] == [
        ("1", "10", "U.S. Department of State (State Department)"),
        ("1", "10", "United States Agency for International Development (USAID)"),
        ("1", "10", "United States of America (USA)"),
        ("1", "10", "Bureau of Democracy, Human Rights, and Labor of the U.S. Department of State"),
    ]


def test_seed_004_roles_and_organisation_types(seed_document):
    organisations = activity_of(seed_document, SEED_004).findall("participating-org")
    assert [(o.get("role"), o.get("type"), english(o)) for o in organisations] == [
        ("1", "40", "European Union (EU)"),
        ("4", "24", "ARGO Civil Society Development Association (ARGO)"),
        ("4", "24", "Local Government Development Centre"),
        ("4", "24", "Karaganda Regional Ecological Centre ECOCENTER (ECOCENTER)"),
        ("4", "21", "Foundation for Local Government Reform"),
        ("4", "11", "Akimat of Nura District, Karaganda Region"),
        ("4", "11", "Akimat of Glubokoye District, East Kazakhstan Region"),
        ("4", "11", "Akimat of Shemonaikha District, East Kazakhstan Region"),
    ]


@pytest.mark.parametrize(
    ("kind", "country", "code"),
    [
        ("ngo", "KZ", "24"),
        ("ngo", "TJ", "24"),
        ("ngo", "BE", "21"),
        ("ngo", "", "22"),
        ("government", "US", "10"),
        ("donor_agency", "US", "10"),
        ("diplomatic_mission", "KZ", "10"),
        ("local_authority", "KZ", "11"),
        ("international_organization", "", "40"),
        ("academic", "KZ", "80"),
        ("private", "KZ", "70"),
        ("media", "KZ", "90"),
        ("other", "", "90"),
    ],
)
def test_organisation_type_codes(kind, country, code):
    assert iati.organisation_type(Organization(kind=kind, country=country)) == code


def test_seed_004_contract_number_is_an_other_identifier_owned_by_the_donor(seed_document):
    identifier = activity_of(seed_document, SEED_004).find("other-identifier")
    assert (identifier.get("ref"), identifier.get("type")) == ("CSO-LA/2016/382-029", "A9")
    assert english(identifier.find("owner-org")) == "European Union (EU)"


@pytest.mark.parametrize(
    ("slug", "code"),
    [(SEED_000, "4"), (SEED_001, "4"), (SEED_002, "2"), (SEED_003, "2"), (SEED_004, "4")],
)
def test_activity_status_codes(seed_document, slug, code):
    assert activity_of(seed_document, slug).find("activity-status").get("code") == code


def dates(activity) -> list[tuple[str, str, str | None]]:
    return [
        (d.get("type"), d.get("iso-date"), narratives(d).get("en"))
        for d in activity.findall("activity-date")
    ]


def test_month_precision_dates_use_the_first_and_last_day_and_say_so(seed_document):
    assert dates(activity_of(seed_document, SEED_004)) == [
        (
            "2",
            "2017-02-01",
            "The source gives only the month (2017-02); the first day of the month is used.",
        ),
        (
            "4",
            "2020-01-31",
            "The source gives only the month (2020-01); the last day of the month is used.",
        ),
    ]
    assert dates(activity_of(seed_document, SEED_001)) == [
        ("2", "2014-04-01", None),
        (
            "4",
            "2016-09-30",
            "The source gives only the month (2016-09); the last day of the month is used.",
        ),
    ]


def test_dates_an_editor_inferred_say_so(seed_document):
    """Seed 000's release, of 5 November 2012, says the project has started and runs 24
    months: its start and end months are the editor's, and the narrative never claims that
    the source gives them."""
    [(start_type, start, start_note), (end_type, end, end_note)] = dates(
        activity_of(seed_document, SEED_000)
    )
    assert (start_type, start, end_type, end) == ("2", "2012-11-01", "4", "2014-10-31")
    assert start_note.startswith("The source does not state the start; 2012-11 is an editor's")
    assert end_note.startswith("The source does not state the end; 2014-10 is an editor's")


def test_an_unknown_start_stands_in_as_the_announcement_date_and_says_so(seed_document):
    # 003's release, dated here as an editor would record it (it says only "6 апреля").
    [(kind, date, note)] = dates(activity_of(seed_document, SEED_003))
    assert (kind, date) == ("2", PUBLICATION_DATES_FOR_TESTS[SEED_003].isoformat())
    assert "does not state the start" in note and "source was published" in note


def test_an_activity_without_any_stated_date_is_left_out(undated_seed_document):
    # 002 and 003 as the seeds hold them: no start, no end, no full publication date. The day
    # the registry recorded them is no fact about the activities, and IATI requires a date.
    assert sorted(identifiers(undated_seed_document)) == sorted(
        f"{iati.reporting_org_ref()}-{slug}" for slug in (SEED_000, SEED_001, SEED_004)
    )
    recorded_days = {timezone.localdate(p.created_at).isoformat() for p in Project.objects.all()}
    used = {element.get("iso-date") for element in undated_seed_document.iter("activity-date")}
    used |= {element.get("iso-date") for element in undated_seed_document.iter("transaction-date")}
    assert used and not used & recorded_days  # no date is the day a record was made


def test_seed_004_whole_budget_stated_as_such_and_incoming_commitment(seed_document):
    """Three years are not one budget period (IATI's rule 7.5.3), and the release gives no
    yearly figures: the total is stated in words, not split into invented annual budgets."""
    activity = activity_of(seed_document, SEED_004)
    assert activity.findall("budget") == []
    [whole] = activity.findall("description[@type='4']")
    assert english(whole) == "Budget of the whole project as stated: 470,000\xa0EUR."
    assert narratives(whole)["ru"] == "Бюджет всего проекта по источнику: 470\xa0000\xa0EUR."
    # The EU's contribution; the 12 000 000 KZT passed on to entrepreneurs is no commitment.
    [transaction] = activity.findall("transaction")
    assert transaction.find("transaction-type").get("code") == "11"
    assert transaction.find("transaction-date").get("iso-date") == "2017-02-01"
    value = transaction.find("value")
    assert (Decimal(value.text), value.get("currency")) == (Decimal("420000"), "EUR")
    assert value.get("value-date") == "2017-02-01"
    provider = transaction.find("provider-org")
    assert (provider.get("type"), english(provider)) == ("40", "European Union (EU)")
    # Four implementers are listed alike: the release does not say which one receives it.
    assert transaction.find("receiver-org") is None


def test_seed_003_commitments_keep_up_to_but_no_budget_without_dates(seed_document):
    activity = activity_of(seed_document, SEED_003)
    assert activity.findall("budget") == []
    commitments = {Decimal(t.findtext("value")): t for t in activity.findall("transaction")}
    assert set(commitments) == {Decimal("750000"), Decimal("800000")}
    assert {t.find("value").get("currency") for t in commitments.values()} == {"USD"}
    assert {t.find("transaction-type").get("code") for t in commitments.values()} == {"11"}
    up_to = narratives(commitments[Decimal("800000")].find("description"))
    assert up_to["en"].startswith("The source says: up to this amount.")
    assert up_to["ru"].startswith("В источнике: до этой суммы.")
    assert "The source says" not in english(commitments[Decimal("750000")].find("description"))


@pytest.mark.parametrize(
    ("slug", "countries"),
    [
        (SEED_001, [("KZ", "33.34"), ("TJ", "33.33"), ("TM", "33.33")]),
        (SEED_004, [("KZ", "100")]),
    ],
)
def test_recipient_countries_share_100_percent(seed_document, slug, countries):
    found = activity_of(seed_document, slug).findall("recipient-country")
    assert [(c.get("code"), c.get("percentage")) for c in found] == countries
    assert sum(Decimal(percentage) for _code, percentage in countries) == 100


def test_locations_of_seed_004(seed_document):
    activity = activity_of(seed_document, SEED_004)
    locations = {location.get("ref"): location for location in activity.findall("location")}
    assert len(locations) == 10
    glubokoye = locations["glubokoye"]
    assert glubokoye.find("location-reach").get("code") == "1"
    location_id = glubokoye.find("location-id")
    assert (location_id.get("vocabulary"), location_id.get("code")) == ("G1", "1524227")
    assert narratives(glubokoye.find("name")) == {
        "ru": "Глубокое",
        "kk": "Глубокое",
        "en": "Glubokoye",
    }
    point = glubokoye.find("point")
    assert point.get("srsName") == "http://www.opengis.net/def/crs/EPSG/0/4326"
    assert point.findtext("pos") == "50.13887 82.31114"
    assert glubokoye.find("exactness").get("code") == "2"
    assert glubokoye.find("location-class").get("code") == "2"
    rural_district = locations["kozhokhovo-rural-district"]
    assert rural_district.find("point") is None and rural_district.find("location-id") is None
    assert rural_district.find("location-class").get("code") == "1"
    assert english(rural_district.find("description")) == (
        "Glubokoye District, East Kazakhstan Region, Kazakhstan"
    )


def test_a_country_is_a_recipient_country_not_a_location(seed_document):
    activity = activity_of(seed_document, SEED_003)  # works in "kazakhstan" only
    assert activity.findall("location") == []
    assert [c.get("code") for c in activity.findall("recipient-country")] == ["KZ"]


def test_contacts_of_seed_000(seed_document):
    contacts = activity_of(seed_document, SEED_000).findall("contact-info")
    assert len(contacts) == 2
    lobachev = contacts[0]
    assert lobachev.get("type") == "1"
    assert english(lobachev.find("organisation")) == "Public Association Echo"
    assert narratives(lobachev.find("person-name")) == {
        "ru": "Павел Лобачев",
        "kk": "Павел Лобачев",
        "en": "Pavel Lobachev",
    }
    assert english(lobachev.find("job-title")) == "Director"
    assert lobachev.findtext("telephone") == "+7 701 216 49 19"
    assert lobachev.findtext("email") == "plobachev@mail.ru"


def test_document_links_to_the_project_page_in_each_language(seed_document):
    links = activity_of(seed_document, SEED_004).findall("document-link")
    assert [link.get("url") for link in links] == [
        f"http://testserver/{language}/projects/{SEED_004}/" for language in ("ru", "kk", "en")
    ]
    for link, language in zip(links, ("ru", "kk", "en"), strict=True):
        assert link.get("format") == "text/html"
        assert link.find("category").get("code") == "A12"
        assert link.find("language").get("code") == language
        assert set(narratives(link.find("title"))) == {language}


# --- Built rows -----------------------------------------------------------------------------


def test_future_dates_are_planned(client, schema):
    today = timezone.localdate()
    make_exportable(
        "planned",
        start_date=today + datetime.timedelta(days=30),
        start_precision="day",
        end_date=today + datetime.timedelta(days=400),
        end_precision="day",
    )
    document = fetch(client)
    activity = activity_of(document, "planned")
    assert activity.find("activity-status").get("code") == "1"
    assert [kind for kind, _date, _note in dates(activity)] == ["1", "3"]
    assert_valid(schema, document)


def test_an_ongoing_project_started_actually_and_ends_as_planned(client):
    today = timezone.localdate()
    make_exportable(
        "ongoing",
        start_date=datetime.date(2015, 1, 1),
        start_precision="year",
        end_date=today + datetime.timedelta(days=400),
        end_precision="day",
    )
    activity = activity_of(fetch(client), "ongoing")
    assert activity.find("activity-status").get("code") == "2"
    assert dates(activity) == [
        (
            "2",
            "2015-01-01",
            "The source gives only the year (2015); the first day of the year is used.",
        ),
        ("3", (today + datetime.timedelta(days=400)).isoformat(), None),
    ]


def test_a_language_without_text_has_no_narrative_and_the_title_stands_in(client, schema):
    make_exportable("russian-only", title_ru="Только по-русски", title_en="", summary_ru="")
    document = fetch(client)
    activity = activity_of(document, "russian-only")
    assert narratives(activity.find("title")) == {"ru": "Только по-русски"}
    [description] = activity.findall("description")
    assert narratives(description) == {"ru": "Только по-русски"}
    assert activity.find("budget") is None and activity.find("transaction") is None
    assert activity.get("default-currency") is None
    assert_valid(schema, document)


def test_ancestors_with_a_geonames_id_are_administrative_areas(client):
    # Slugs and an id of their own: the seeds' gazetteer may be loaded in this module.
    country = make_place("test-country", kind="country")
    region = make_place("test-region", kind="region", parent=country)
    region.geonames_id = 999000001
    region.save()
    town = make_place("test-town", kind="town", parent=region)
    make_exportable("test-town-project").places.add(town)
    location = activity_of(fetch(client), "test-town-project").find("location")
    administrative = location.find("administrative")
    assert administrative.attrib == {"vocabulary": "G1", "level": "1", "code": "999000001"}
    assert location.find("point") is None  # no coordinates in the gazetteer row


def test_a_change_to_an_organisation_updates_the_activity(client):
    project = make_exportable("renamed-donor")
    an_hour = datetime.timedelta(hours=1)
    Project.objects.filter(pk=project.pk).update(updated_at=timezone.now() - 2 * an_hour)
    donor = project.participations.get().organization
    Organization.objects.filter(pk=donor.pk).update(updated_at=timezone.now() - an_hour)
    activity = activity_of(fetch(client), "renamed-donor")
    expected = Organization.objects.get(pk=donor.pk).updated_at.replace(microsecond=0)
    assert activity.get("last-updated-datetime") == expected.isoformat()


def test_drafts_never_appear(client):
    make_exportable("public-project")
    make_exportable("draft-project", published=False)
    found = identifiers(fetch(client))
    assert f"{iati.reporting_org_ref()}-public-project" in found
    assert f"{iati.reporting_org_ref()}-draft-project" not in found


def test_a_project_without_any_organisation_is_left_out(client):
    make_project("nobody-involved")
    found = identifiers(fetch(client))
    assert f"{iati.reporting_org_ref()}-nobody-involved" not in found


# --- Filters --------------------------------------------------------------------------------


def test_the_list_filters_apply(client, seeded_db, schema):
    date_the_undated_releases()
    document = fetch(client, donor="usaid")
    assert identifiers(document) == [f"{iati.reporting_org_ref()}-{SEED_003}"]
    assert_valid(schema, document)
    assert len(fetch(client, language="kk")) == 2


@pytest.mark.parametrize(
    "params",
    [{"place": "abc"}, {"donor": "nobody"}, {"year": "nineteen"}, {"status": "sideways"}],
)
def test_bad_filters_are_a_400_with_the_reason(client, seeded_db, params):
    response = client.get(reverse("opendata:iati"), params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert next(iter(params)) in response.content.decode()


def test_a_filter_matching_nothing_gives_an_empty_list(client, seeded_db):
    assert len(fetch(client, q="zzzqqqxxx")) == 0


# --- Queries --------------------------------------------------------------------------------


def add_projects(count: int, first: int) -> None:
    """Projects with every kind of related row, the places three levels deep."""
    with indexing.batch():  # the derived tables are rebuilt once, at the end
        _add_projects(count, first)


def _add_projects(count: int, first: int) -> None:
    country = make_place(f"country-{first}", kind="country")
    region = make_place(f"region-{first}", kind="region", parent=country)
    district = make_place(f"district-{first}", kind="district", parent=region)
    village = make_place(f"village-{first}", kind="village", parent=district)
    donor = make_organization(f"donor-{first}", kind="donor_agency")
    ngo = make_organization(f"ngo-{first}")
    for number in range(first, first + count):
        project = make_project(
            f"project-{number}",
            start_date=datetime.date(2020, 1, 1),
            start_precision="month",
            end_date=datetime.date(2021, 12, 31),
            end_precision="year",
        )
        project.places.add(village, region)
        Participation.objects.create(project=project, organization=ngo, role="lead_implementer")
        make_funding(project, donor=donor, amount="1000", currency="USD")
        make_funding(project, amount="5000", currency="USD", kind="total")
        Contact.objects.create(project=project, name_ru="Имя", organization=ngo, phones=["1"])
        SourceDocument.objects.create(
            project=project, text=f"press release {number}", language="ru"
        )


def exportable_count() -> int:
    """Published projects with an organisation and a date a source states (seeds included
    when this module loaded them)."""
    dated = (
        Q(start_date__isnull=False)
        | Q(end_date__isnull=False)
        | Q(sources__published_on__isnull=False)
    )
    published = Project.objects.published().filter(participations__isnull=False)
    return published.filter(dated).distinct().count()


def test_the_number_of_queries_does_not_grow_with_the_projects(client):
    add_projects(5, first=0)
    fetch(client)  # the place tree is read once per change of the data
    with CaptureQueriesContext(connection) as five:
        assert len(fetch(client)) >= 5
    add_projects(25, first=5)
    fetch(client)
    with CaptureQueriesContext(connection) as thirty:
        assert len(fetch(client)) >= 30
    assert len(thirty) == len(five), "\n".join(q["sql"] for q in thirty.captured_queries)
    assert len(thirty) <= 15


def test_a_large_file_costs_one_round_of_queries_per_chunk(client, monkeypatch):
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 5)
    add_projects(5, first=0)

    def queries() -> int:
        fetch(client)
        with CaptureQueriesContext(connection) as captured:
            fetch(client)
        return len(captured)

    one_chunk = queries()
    add_projects(5, first=5)
    round_of_queries = queries() - one_chunk
    assert 0 < round_of_queries <= 7
    add_projects(20, first=10)
    assert queries() == one_chunk + 5 * round_of_queries  # six chunks


def test_the_file_is_streamed_as_it_is_written(client, schema, monkeypatch):
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 2)
    monkeypatch.setattr(files, "PIECE_SIZE", 1)  # hand on every activity at once
    add_projects(6, first=0)
    response = client.get(reverse("opendata:iati"))
    received, first, rest = receive_in_pieces(response)
    document = etree.fromstring(b"".join(received))
    assert_valid(schema, document)
    assert len(document) == exportable_count() >= 6
    assert len(received) >= len(document)  # at least one piece per activity
    assert len(rest) > 0  # later chunks are read after the first piece went out
    assert len(first) > 0


def test_chunks_change_nothing_in_the_file(client, monkeypatch):
    add_projects(7, first=0)

    def activities() -> list[bytes]:
        document = fetch(client)
        del document.attrib["generated-datetime"]
        return [etree.tostring(activity, method="c14n") for activity in document]

    whole = activities()
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 3)
    assert activities() == whole


# --- The command ----------------------------------------------------------------------------


def test_the_command_writes_the_file_and_reports_the_count(seeded_db, schema, tmp_path):
    target = tmp_path / "iati.xml"
    target.write_text("the previous export")
    out = io.StringIO()
    call_command("export_iati", str(target), "--base-url", "https://registry.example", stdout=out)
    assert f"Wrote 3 IATI activities to {target}." in out.getvalue()  # 002, 003: no date
    document = etree.parse(str(target)).getroot()
    assert_valid(schema, document)
    assert len(document) == 3
    assert document[0].find("document-link").get("url").startswith("https://registry.example/")
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_a_failed_write_leaves_the_previous_file_whole(seeded_db, tmp_path, monkeypatch):
    target = tmp_path / "iati.xml"
    target.write_text("the previous export")

    def disk_full(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("projects.opendata.files.os.fsync", disk_full)
    with pytest.raises(CommandError, match="No space left on device"):
        call_command("export_iati", str(target), stdout=io.StringIO())
    assert target.read_text() == "the previous export"
    assert list(tmp_path.iterdir()) == [target]


def test_the_command_writes_to_standard_output_for_a_dash(seeded_db, monkeypatch):
    monkeypatch.setattr(files, "PROGRESS_EVERY", 1)
    out, err = io.StringIO(), io.StringIO()
    call_command("export_iati", "-", stdout=out, stderr=err)
    assert len(etree.fromstring(out.getvalue().encode("utf-8"))) == 3
    assert err.getvalue() == "Wrote 3 IATI activities to standard output.\n"  # no progress


def test_the_command_reports_progress_and_a_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "PROGRESS_EVERY", 2)
    add_projects(4, first=0)
    make_project("nobody-involved")
    target = tmp_path / "iati.xml"
    out, err = io.StringIO(), io.StringIO()
    call_command("export_iati", str(target), stdout=out, stderr=err)
    progress = err.getvalue().splitlines()
    assert progress[0].startswith("2 projects read, ") and " s" in progress[0]
    assert progress[1].startswith("4 projects read, ")
    summary = out.getvalue()
    published, exportable = Project.objects.published().count(), exportable_count()
    assert f"Wrote {exportable} IATI activities to {target}." in summary
    assert f"{published} published projects read, {published - exportable} left out" in summary
    assert re.search(r"\d+\.\d s\.$", summary.strip())


def test_a_failure_while_streaming_leaves_the_previous_file_whole(seeded_db, tmp_path, monkeypatch):
    target = tmp_path / "iati.xml"
    target.write_text("the previous export")
    written = iati.iati_document

    def breaks_halfway(*args, **kwargs):
        pieces = written(*args, **kwargs)
        yield next(pieces)
        raise RuntimeError("the database went away")

    monkeypatch.setattr("projects.management.commands.export_iati.iati_document", breaks_halfway)
    with pytest.raises(RuntimeError, match="went away"):
        call_command("export_iati", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    assert target.read_text() == "the previous export"
    assert list(tmp_path.iterdir()) == [target]


def test_the_command_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("export_iati", str(tmp_path / "missing" / "iati.xml"), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("end", "has_budget"),
    [(datetime.date(2021, 2, 28), True), (datetime.date(2021, 3, 2), False)],
)
def test_a_budget_covers_a_year_at_most(client, schema, end, has_budget):
    """IATI's rule 7.5.3: a budget period is a year or shorter. A longer project's figure is
    stated in words instead (description type 4)."""
    start = datetime.date(2020, 3, 1)
    project = make_exportable(
        "one-year", start_date=start, start_precision="day", end_date=end, end_precision="day"
    )
    donor = Organization.objects.get(slug="european-union")
    make_funding(project, donor=donor, amount="5000", currency="EUR", kind="total")
    activity = activity_of(fetch(client), "one-year")
    budgets = activity.findall("budget")
    assert len(budgets) == (1 if has_budget else 0)
    stated = activity.findall("description[@type='4']")
    assert len(stated) == (0 if has_budget else 1)
    if has_budget:
        assert budgets[0].find("period-end").get("iso-date") == end.isoformat()
        assert budgets[0].find("value").text == "5000"
    else:
        assert english(stated[0]) == "Budget of the whole project as stated: 5,000\xa0EUR."
