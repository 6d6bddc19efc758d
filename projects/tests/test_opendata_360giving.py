"""The 360Giving export (projects/opendata/giving360.py): the seed package is valid against the
official 360Giving 1.4 schemas, checked offline, and says no more than the sources say."""

import datetime
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from projects import indexing
from projects.models import Organization, Participation, Project, SourceDocument
from projects.opendata import batches, files
from projects.opendata.giving360 import grants_package

from .factories import make_funding, make_organization, make_place, make_project
from .streams import receive_in_pieces

pytestmark = pytest.mark.django_db

SCHEMA_DIR = settings.BASE_DIR / "schemas" / "360giving"
PREFIX = "360G-test"
BASE_URL = "https://registry.example.org"
SEED_000 = "human-rights-communication-information-governance"
SEED_001 = "transnational-civil-society-coalition-central-asia"
SEED_002 = "monitoring-state-development-programmes-civil-society"
SEED_003 = "us-support-civil-society-human-rights-kazakhstan"
SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"
EU_GRANT_000 = f"{PREFIX}-{SEED_000}_european-union"
EU_GRANT_004 = f"{PREFIX}-{SEED_004}_european-union"
USAID_GRANT = f"{PREFIX}-{SEED_003}_usaid"
US_GRANT = f"{PREFIX}-{SEED_003}_united-states-of-america"  # "a new US initiative"
# Fields of format "uri": the format checker cannot check them without rfc3987, so we do.
URI_FIELDS = {"url", "dataSource", "website", "logo", "license", "downloadURL", "accessURL"}


@pytest.fixture(autouse=True)
def id_prefix(settings):
    settings.GIVING360_ID_PREFIX = PREFIX


@pytest.fixture(scope="module")
def package_validator():
    """The package schema, with the grant schema it refers to by its public URL served from the
    local copy: no network."""
    package_schema = json.loads((SCHEMA_DIR / "360-giving-package-schema.json").read_text())
    grant_schema = json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text())
    grant_url = package_schema["properties"]["grants"]["items"]["$ref"]
    # The files say "http://json-schema.org/draft/2020-12/schema", which referencing does not
    # recognise as a dialect, so the resource is created as draft 2020-12 explicitly.
    registry = Registry().with_resource(grant_url, DRAFT202012.create_resource(grant_schema))
    return Draft202012Validator(
        package_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(validator, package) -> list[str]:
    return [
        f"{error.json_path}: {error.message[:300]}"
        for error in sorted(validator.iter_errors(package), key=lambda e: e.json_path)
    ]


def relative_links(value, key=None) -> list[str]:
    if isinstance(value, dict):
        return [link for k, v in value.items() for link in relative_links(v, k)]
    if isinstance(value, list):
        return [link for item in value for link in relative_links(item, key)]
    parts = urlsplit(value) if key in URI_FIELDS and isinstance(value, str) else None
    return [value] if parts and not (parts.scheme in ("http", "https") and parts.netloc) else []


def seed_package(**kwargs) -> dict:
    return grants_package(Project.objects.all(), base_url=BASE_URL, **kwargs)


def grants_by_id(package) -> dict[str, dict]:
    return {grant["id"]: grant for grant in package["grants"]}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def get_package(client, query: str = "") -> dict:
    response = client.get(reverse("opendata:360giving") + query)
    assert response.status_code == 200, body(response)
    return json.loads(body(response))


@pytest.fixture(autouse=True)
def seed_004_names_its_recipient(request):
    """Test data: a grant has one recipient, and seed 004's release lists its four
    implementers alike, so the seeds alone give it no grant (see
    test_seed_004_names_no_recipient_so_gives_no_grant). The other tests read the package as
    it would be if the release named ARGO the lead (rolled back after each test)."""
    if "seeded_db" not in request.fixturenames:
        return
    project = Project.objects.get(slug=SEED_004)
    argo = Organization.objects.get(slug="argo")
    Participation.objects.create(project=project, organization=argo, role="lead_implementer")


def test_seed_004_names_no_recipient_so_gives_no_grant(seeded_db):
    project = Project.objects.get(slug=SEED_004)
    project.participations.filter(role="lead_implementer").delete()  # as the release has it
    assert not [grant for grant in seed_package()["grants"] if SEED_004 in grant["id"]]


def give_seed_003_a_recipient_and_a_date() -> None:
    """What the registry would know if a later source named the recipient and a date."""
    project = Project.objects.get(slug=SEED_003)
    recipient = make_organization("kazakh-bureau-test", en="Test Bureau", ru="Тестовое бюро")
    Participation.objects.create(project=project, organization=recipient, role="lead_implementer")
    project.sources.update(published_on=datetime.date(2020, 4, 6))


def add_fundable_project(index: int, *, published: bool = True) -> Project:
    project = make_project(
        f"extra-{index}",
        published=published,
        start_date=datetime.date(2020, 1, 1),
        start_precision="day",
    )
    lead = make_organization(f"extra-lead-{index}", en=f"Lead {index}")
    Participation.objects.create(project=project, organization=lead, role="lead_implementer")
    make_funding(project, make_organization(f"extra-donor-{index}", kind="donor_agency"), "5000")
    project.places.add(make_place(f"extra-place-{index}"))
    SourceDocument.objects.create(project=project, text=f"extra {index}", language="ru")
    return project


# --- Validity -------------------------------------------------------------------------------


def test_the_validator_checks_formats_and_rejects_an_invalid_grant(package_validator):
    # Without a date-time checker a plain awardDate matches both branches of its oneOf and fails.
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers
    invalid = {"grants": [{"id": "360G-x-1", "title": "t", "awardDate": "2017-02"}]}
    errors = schema_errors(package_validator, invalid)
    assert any("awardDate" in error for error in errors)
    assert any("amountAwarded" in error or "is not valid" in error for error in errors)


def test_the_seed_package_is_valid_360giving(seeded_db, package_validator):
    package = seed_package()
    assert package["grants"], "the seeds give grants"
    errors = schema_errors(package_validator, package)
    assert errors == [], "\n".join(errors)
    assert relative_links(package) == []


def test_the_view_serves_a_valid_package(client, seeded_db, package_validator):
    response = client.get(reverse("opendata:360giving"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    text = body(response).decode("utf-8")
    package = json.loads(text)
    assert schema_errors(package_validator, package) == []
    assert relative_links(package) == []
    assert set(grants_by_id(package)) == {EU_GRANT_000, EU_GRANT_004}
    assert "Права человека" in text  # UTF-8, not \u escapes


# --- Content --------------------------------------------------------------------------------


def test_package_metadata(seeded_db):
    package = seed_package()
    assert package["version"] == "1.4"
    assert package["publisher"] == {"name": "Grant-project registry", "website": f"{BASE_URL}/"}
    assert package["license"].startswith("https://creativecommons.org/")
    assert package["modified"] == max(grant["dateModified"] for grant in package["grants"])


@pytest.mark.parametrize(
    ("slug", "amount", "award_date", "planned", "recipient"),
    [
        (
            SEED_000,
            213793,
            "2012-11-01",  # the first day of the start month (an editor's inference)
            [{"startDate": "2012-11", "endDate": "2014-10", "duration": 24}],
            {"name": "Public Association Echo", "addressLocality": "Almaty"},
        ),
        (
            SEED_004,
            420000,  # the EU's contribution, not the EUR 470,000 total
            "2017-02-01",  # the first day of the month-precision start
            [{"startDate": "2017-02", "endDate": "2020-01"}],
            {"name": "ARGO Civil Society Development Association", "alternateName": "ARGO"},
        ),
    ],
)
def test_eu_grants_carry_the_stated_contribution(
    seeded_db, slug, amount, award_date, planned, recipient
):
    grant = grants_by_id(seed_package())[f"{PREFIX}-{slug}_european-union"]
    assert (grant["amountAwarded"], grant["currency"]) == (amount, "EUR")
    assert json.dumps(grant["amountAwarded"]) == str(amount)  # 213793, not 213793.0
    assert grant["awardDate"] == award_date
    assert grant["plannedDates"] == planned
    assert grant["fundingOrganization"] == [
        {"id": f"{PREFIX}-european-union", "name": "European Union", "alternateName": "EU"}
    ]
    organization = grant["recipientOrganization"][0]
    assert organization["id"].startswith(f"{PREFIX}-")
    assert organization["addressCountry"] == "Kazakhstan"
    assert recipient.items() <= organization.items()
    # Exact figures need no qualifier: the classifications are the project's themes only.
    assert {c["vocabulary"] for c in grant["classifications"]} == {"OECD DAC CRS purpose codes"}
    assert grant["url"] == grant["dataSource"] == f"{BASE_URL}/en/projects/{slug}/"


def test_beneficiary_locations_come_from_the_gazetteer(seeded_db):
    locations = grants_by_id(seed_package())[EU_GRANT_000]["beneficiaryLocation"]
    assert len(locations) == 16
    almaty = next(location for location in locations if location["name"] == "Almaty")
    assert almaty["countryCode"] == "KZ"
    assert almaty["id"] == "https://sws.geonames.org/1526384/"
    assert 43 < almaty["latitude"] < 44 and 76 < almaty["longitude"] < 78


def test_text_is_english_and_names_the_original_language(seeded_db):
    grant = grants_by_id(seed_package())[EU_GRANT_000]
    assert grant["title"] == "Human Rights: Communication, Information, Governance"
    assert "Text in English, translated from the Russian source" in grant["description"]
    assert "Права человека: коммуникация, информация, управление" in grant["description"]


def test_a_project_without_english_text_is_published_in_its_own_language():
    project = make_project(
        "kazakh-only",
        title_ru="",
        title_en="",
        title_kk="Жергілікті жоба",
        summary_kk="Қысқаша сипаттама.",
        original_language="kk",
        start_date=datetime.date(2019, 1, 1),
        start_precision="year",
    )
    lead = make_organization("kazakh-lead", ru="Ұйым", en="")
    Participation.objects.create(project=project, organization=lead, role="lead_implementer")
    make_funding(project, make_organization("kazakh-donor"), "1000", "KZT")
    (grant,) = grants_package(Project.objects.filter(pk=project.pk))["grants"]
    assert grant["title"] == "Жергілікті жоба"
    assert grant["description"].startswith("Қысқаша сипаттама.")
    assert "Text in Kazakh, the language of the source." in grant["description"]
    assert grant["awardDate"] == "2019-01-01"
    assert grant["plannedDates"] == [{"startDate": "2019"}]
    assert "url" not in grant  # no base URL, no links


# --- Hard cases -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [SEED_001, SEED_002])
def test_a_donor_without_a_stated_amount_gives_no_grant(seeded_db, slug):
    project = Project.objects.get(slug=slug)
    assert project.participations.filter(role="donor").exists()
    assert not project.funding_lines.exists()
    package = seed_package()
    assert not [grant for grant in package["grants"] if slug in grant["id"]]
    assert all(grant["amountAwarded"] > 0 for grant in package["grants"])


def test_seed_003_states_no_recipient_and_no_date_so_gives_no_grant(seeded_db):
    project = Project.objects.get(slug=SEED_003)
    assert project.funding_lines.filter(kind="donor_contribution").count() == 2
    assert not project.participations.filter(role="lead_implementer").exists()
    assert project.start_date is None
    assert not project.sources.filter(published_on__isnull=False).exists()
    assert not [grant for grant in seed_package()["grants"] if SEED_003 in grant["id"]]


def remove_lead(project):
    project.participations.filter(role="lead_implementer").delete()


def remove_dates(project):
    Project.objects.filter(pk=project.pk).update(start_date=None, start_precision="unknown")


def make_contribution_zero(project):
    project.funding_lines.update(amount=0)


def make_contribution_a_total(project):
    project.funding_lines.update(kind="total", donor=None)


@pytest.mark.parametrize(
    "remove_fact", [remove_lead, remove_dates, make_contribution_zero, make_contribution_a_total]
)
def test_a_grant_needs_a_recipient_a_date_and_a_contribution(remove_fact):
    project = add_fundable_project(1)
    assert len(grants_package(Project.objects.filter(pk=project.pk))["grants"]) == 1
    remove_fact(project)
    assert grants_package(Project.objects.filter(pk=project.pk))["grants"] == []


def test_two_donors_give_two_related_grants(seeded_db, package_validator):
    give_seed_003_a_recipient_and_a_date()
    package = seed_package()
    assert schema_errors(package_validator, package) == []
    grants = grants_by_id(package)
    usaid, state = grants[USAID_GRANT], grants[US_GRANT]  # "state": the U.S. government
    assert (usaid["amountAwarded"], usaid["currency"]) == (800000, "USD")
    assert "The source states the amount as up to 800,000 USD." in usaid["description"]
    assert [c["code"] for c in usaid["classifications"]] == ["15150", "15160", "up_to"]
    assert (state["amountAwarded"], state["currency"]) == (750000, "USD")
    assert "states the amount" not in state["description"]
    assert [c["code"] for c in state["classifications"]] == ["15150", "15160"]  # themes only
    assert usaid["relatedActivity"] == [US_GRANT]
    assert state["relatedActivity"] == [USAID_GRANT]
    assert usaid["awardDate"] == state["awardDate"] == "2020-04-06"
    assert (
        usaid["fundingOrganization"][0]["name"]
        == "United States Agency for International Development"
    )


def test_contributions_in_two_currencies_give_one_grant_per_currency():
    project = add_fundable_project(1)
    donor = Organization.objects.get(slug="extra-donor-1")
    make_funding(project, donor, "2500", "EUR")
    make_funding(project, donor, "1000000", "KZT")
    grants = grants_by_id(grants_package(Project.objects.filter(pk=project.pk)))
    base = f"{PREFIX}-extra-1_extra-donor-1"
    assert grants[f"{base}_eur"]["amountAwarded"] == 7500  # two EUR lines, summed
    assert grants[f"{base}_kzt"]["amountAwarded"] == 1000000
    assert grants[f"{base}_eur"]["relatedActivity"] == [f"{base}_kzt"]


def test_drafts_never_appear(client, seeded_db, tmp_path):
    add_fundable_project(1, published=False)
    everything = grants_package(Project.objects.all())
    assert everything["grants"] and not [g for g in everything["grants"] if "extra-1" in g["id"]]
    assert not [g for g in get_package(client)["grants"] if "extra-1" in g["id"]]
    target = tmp_path / "grants.json"
    call_command("export_360giving", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    assert "extra-1" not in target.read_text()


def test_id_prefix_must_be_a_360giving_prefix(settings):
    settings.GIVING360_ID_PREFIX = "GB-CHC-1164883"
    with pytest.raises(ImproperlyConfigured, match="360G-"):
        grants_package(Project.objects.none())


# --- The view -------------------------------------------------------------------------------


def test_the_list_filters_apply(client, seeded_db):
    assert set(grants_by_id(get_package(client, "?donor=european-union"))) == {
        EU_GRANT_000,
        EU_GRANT_004,
    }
    assert set(grants_by_id(get_package(client, "?language=kk"))) == {EU_GRANT_004}
    assert get_package(client, "?donor=usaid")["grants"] == []  # seed 003 gives no grant


def test_a_donor_filter_keeps_that_donors_grants_only(client, seeded_db):
    give_seed_003_a_recipient_and_a_date()
    assert set(grants_by_id(get_package(client))) >= {USAID_GRANT, US_GRANT}
    (grant,) = get_package(client, "?donor=usaid")["grants"]
    assert grant["id"] == USAID_GRANT
    assert grant["relatedActivity"] == [US_GRANT]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?place=abc", "place"),
        ("?donor=nobody", "donor"),
        ("?year=abc", "year"),
        ("?budget_min=-5&currency=EUR", "budget_min"),
        ("?currency=EURO", "currency"),
    ],
)
def test_bad_parameters_give_a_json_400(client, seeded_db, query, field):
    response = client.get(reverse("opendata:360giving") + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert field in response.json()["errors"]


def test_the_view_queries_do_not_grow_with_the_projects(client, seeded_db):
    get_package(client)  # the place tree is read once per change of the data
    with CaptureQueriesContext(connection) as with_seeds:
        assert len(get_package(client)["grants"]) == 2
    for index in range(25):
        add_fundable_project(index)
    get_package(client)
    with CaptureQueriesContext(connection) as with_more:
        assert len(get_package(client)["grants"]) == 27
    assert Project.objects.published().count() == 30
    # The package's date, the place tree, the organisations, the themes' names, the projects
    # and five kinds of related rows: one round of queries for the chunk, whatever its size.
    assert len(with_more) == len(with_seeds) <= 11


def test_the_package_is_streamed_as_it_is_written(
    client, seeded_db, package_validator, monkeypatch
):
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 2)
    monkeypatch.setattr(files, "PIECE_SIZE", 1)  # hand on every project's grants at once
    with indexing.batch():
        for index in range(6):
            add_fundable_project(index)
    response = client.get(reverse("opendata:360giving"))
    received, first, rest = receive_in_pieces(response)
    text = b"".join(received).decode("utf-8")
    package = json.loads(text)
    assert schema_errors(package_validator, package) == []
    assert len(package["grants"]) == 8  # the two of the seeds and one per new project
    assert len(received) > len(package["grants"])  # the metadata first, then grant by grant
    assert len(first) == 1 and "MAX" in first.captured_queries[0]["sql"].upper()
    assert len(rest) > 0
    assert text == json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def test_chunks_change_nothing_in_the_package(seeded_db, monkeypatch):
    with indexing.batch():
        for index in range(7):
            add_fundable_project(index)
    whole = seed_package()
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 3)
    assert seed_package() == whole


def test_modified_is_the_latest_change_to_a_grant_of_the_package(client, seeded_db):
    def modified(query: str = "") -> str:
        return get_package(client, query)["modified"]

    def stamped(model, slug: str, moment: datetime.datetime) -> str:
        model.objects.filter(slug=slug).update(updated_at=moment)
        return moment.isoformat(timespec="seconds")

    now = timezone.now()
    later = stamped(Organization, "european-union", now + datetime.timedelta(days=2))
    assert modified() == later == modified("?donor=european-union")
    # A change to a donor that gives no grant (no stated contribution) changes nothing.
    stamped(Organization, "usaid", now + datetime.timedelta(days=3))
    assert modified() == later
    # Nor does a change to a project that gives no grant.
    stamped(Project, SEED_003, now + datetime.timedelta(days=4))
    assert modified() == later
    # A recipient's does.
    argo = Project.objects.get(slug=SEED_004).participations.get(role="lead_implementer")
    latest = now + datetime.timedelta(days=5)
    Organization.objects.filter(pk=argo.organization_id).update(updated_at=latest)
    assert modified() == latest.isoformat(timespec="seconds")
    package = get_package(client)
    assert package["modified"] == max(grant["dateModified"] for grant in package["grants"])


# --- The command ----------------------------------------------------------------------------


def test_the_command_writes_the_package(seeded_db, tmp_path, package_validator):
    target = tmp_path / "360giving.json"
    target.write_text("old")
    out = io.StringIO()
    call_command("export_360giving", str(target), "--base-url", BASE_URL, stdout=out)
    assert "2 grants written to" in out.getvalue()
    package = json.loads(target.read_text(encoding="utf-8"))
    assert package == seed_package()
    assert schema_errors(package_validator, package) == []
    assert list(tmp_path.iterdir()) == [target]


def test_the_command_writes_to_standard_output(seeded_db, monkeypatch):
    monkeypatch.setattr(files, "PROGRESS_EVERY", 1)
    out, err = io.StringIO(), io.StringIO()
    call_command("export_360giving", "-", "--base-url", BASE_URL, stdout=out, stderr=err)
    assert set(grants_by_id(json.loads(out.getvalue()))) == {EU_GRANT_000, EU_GRANT_004}
    assert err.getvalue() == "2 grants written to standard output.\n"  # no progress lines


def test_the_command_reports_progress_and_a_summary(seeded_db, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "PROGRESS_EVERY", 2)
    target = tmp_path / "360giving.json"
    out, err = io.StringIO(), io.StringIO()
    call_command("export_360giving", str(target), "--base-url", BASE_URL, stdout=out, stderr=err)
    progress = err.getvalue().splitlines()  # after 2 and 4 of the 5 seeds
    assert [line.split(",")[0] for line in progress] == ["2 projects read", "4 projects read"]
    assert all(
        re.fullmatch(r"\d projects read, \d grants written, \d+ s", line) for line in progress
    )
    assert re.fullmatch(
        rf"2 grants written to {re.escape(str(target))}\. 5 published projects read; \d+\.\d s\.\n",
        out.getvalue(),
    )


def test_a_failed_write_keeps_the_old_file(seeded_db, tmp_path, monkeypatch):
    target = tmp_path / "360giving.json"
    target.write_text("old")

    def failing_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("projects.opendata.files.os.replace", failing_replace)
    with pytest.raises(CommandError, match="No space left"):
        call_command("export_360giving", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_the_command_names_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("export_360giving", str(tmp_path / "missing" / "out.json"))
