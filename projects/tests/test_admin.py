"""The editors' admin on the real seeds: lists, filters, tabs, inlines, dates, preview."""

import datetime

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Contact, Place, Project, ProjectPlaceIndex

from .admin_forms import browser_form_data
from .factories import make_funding, make_organization, make_project

pytestmark = pytest.mark.django_db

SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"


# The project page's inlines, by formset prefix.
INLINE_PREFIXES = (
    "participations",
    "sector_links",
    "funding_lines",
    "contacts",
    "evidence",
    "sources",
    "publishing_events",
)


@pytest.fixture
def admin_client(client, seeded_db):
    user = User.objects.create_superuser("boss", password="pw-for-tests-only")
    client.force_login(user)
    return client


def changelist(client, **params):
    return client.get(reverse("admin:projects_project_changelist"), params)


def listed_titles(response) -> set[str]:
    return {project.title for project in response.context["cl"].result_list}


def test_project_list_shows_all_seed_projects_with_status_and_donors(admin_client):
    response = changelist(admin_client)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 5
    assert listed_titles(response) == set(Project.objects.values_list("title", flat=True))
    rows = lxml.html.fromstring(response.content.decode()).xpath(
        "//table[@id='result_list']//tbody/tr"
    )
    donors_by_title = {
        row.xpath("string(.//th[contains(@class, 'field-title')])").strip(): row.xpath(
            "string(.//td[contains(@class, 'field-donors_display')])"
        ).strip()
        for row in rows
    }
    usaid_project = Project.objects.get(participations__organization__slug="usaid")
    assert "USAID" in donors_by_title[usaid_project.title]
    assert sum("USAID" in donors for donors in donors_by_title.values()) == 1


@pytest.mark.parametrize(
    ("params", "expected_count"),
    [
        ({"donor": "usaid"}, 1),
        ({"donor": "european-union"}, 4),
        ({"place": "pavlodar"}, 2),
        ({"status": "completed"}, 3),
        ({"status": "unknown"}, 2),
        ({"is_published__exact": "0"}, 0),
        ({"q": "CSO-LA/2016"}, 1),
        ({"q": "Эхо"}, 1),
    ],
)
def test_project_list_filters_and_search(admin_client, params, expected_count):
    response = changelist(admin_client, **params)
    assert response.status_code == 200
    assert response.context["cl"].result_count == expected_count


def test_project_page_has_language_tabs_and_every_inline(admin_client):
    project = Project.objects.get(slug=SEED_004)
    response = admin_client.get(reverse("admin:projects_project_change", args=[project.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("id_title_ru", "id_title_kk", "id_title_en"):
        assert field in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html  # no asset from the internet
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == set(INLINE_PREFIXES)
    # The places are one autocomplete field: every place of the record is selected in it.
    selected = lxml.html.fromstring(html).xpath('//select[@name="places"]/option[@selected]/@value')
    assert {int(pk) for pk in selected} >= set(project.places.values_list("pk", flat=True))
    assert 'value="2017-02"' in html and 'value="2020-01"' in html
    assert project.get_absolute_url() in html  # the preview link


def test_organisation_and_place_autocomplete_answer_in_any_language(admin_client):
    url = reverse("admin:autocomplete")
    common = {"app_label": "projects", "model_name": "project"}
    keywords = admin_client.get(url, {**common, "field_name": "keywords", "term": "жоспар"})
    assert len(keywords.json()["results"]) >= 2  # "инклюзивті жоспарлау", "ауылдық жоспарлау"
    places = admin_client.get(
        url,
        {
            "app_label": "projects",
            "model_name": "organization",
            "field_name": "city",
            "term": "Өскемен",
        },
    )
    assert [result["text"] for result in places.json()["results"]] == ["Усть-Каменогорск"]


def _post_data_for_new_project(**overrides):
    data = {
        "title_ru": "Новый проект",
        "title_kk": "Жаңа жоба",
        "title_en": "New project",
        "slug": "new-project",
        "original_language": "ru",
        "start": "2025-03",
        "end": "2026",
        "is_published": "",
    }
    for prefix in INLINE_PREFIXES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_editor_types_dates_at_the_precision_the_source_gives(admin_client):
    response = admin_client.post(
        reverse("admin:projects_project_add"), _post_data_for_new_project()
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="new-project")
    assert (project.start_date, project.start_precision) == (datetime.date(2025, 3, 1), "month")
    assert (project.end_date, project.end_precision) == (datetime.date(2026, 12, 31), "year")
    assert not project.is_published


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start": "March 2025"}, "start"),
        ({"start": "2025-13"}, "start"),
        ({"start": "2026-05", "end": "2025"}, "end"),
    ],
)
def test_bad_dates_get_a_form_error_not_a_crash(admin_client, overrides, field):
    response = admin_client.post(
        reverse("admin:projects_project_add"), _post_data_for_new_project(**overrides)
    )
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Project.objects.filter(slug="new-project").exists()


def test_slug_cannot_change_once_saved(admin_client):
    project = Project.objects.get(slug=SEED_004)
    url = reverse("admin:projects_project_change", args=[project.pk])
    response = admin_client.get(url)
    assert "slug" not in response.context["adminform"].form.fields
    data = browser_form_data(response.content)
    assert admin_client.post(url, {**data, "slug": "a-new-address"}).status_code == 302
    assert Project.objects.get(pk=project.pk).slug == SEED_004


def test_publish_and_withdraw_actions(admin_client):
    project = Project.objects.get(slug=SEED_004)
    url = reverse("admin:projects_project_changelist")
    admin_client.post(url, {"action": "unpublish", "_selected_action": [project.pk]})
    assert not Project.objects.get(pk=project.pk).is_published
    admin_client.post(url, {"action": "publish", "_selected_action": [project.pk]})
    assert Project.objects.get(pk=project.pk).is_published


def test_draft_preview_is_for_staff_only(admin_client, client):
    project = Project.objects.get(slug=SEED_004)
    project.is_published = False
    project.save()
    assert admin_client.get(project.get_absolute_url()).status_code == 200
    admin_client.logout()
    assert client.get(project.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:projects_organization_changelist",
        "admin:projects_place_changelist",
        "admin:projects_keyword_changelist",
        "admin:projects_participation_changelist",
        "admin:projects_fundingline_changelist",
        "admin:projects_contact_changelist",
        "admin:projects_sourcedocument_changelist",
    ],
)
def test_every_model_has_a_working_list(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert changelist.result_count == changelist.model.objects.count() > 0
    assert len(changelist.result_list) == min(changelist.result_count, changelist.list_per_page)


def test_project_list_query_count_does_not_grow_with_rows(
    admin_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        changelist(admin_client)


def test_places_and_currencies_are_typed_not_picked_from_long_lists(admin_client):
    pavlodar, almaty = Place.objects.get(slug="pavlodar"), Place.objects.get(slug="almaty")
    data = _post_data_for_new_project(
        places=[pavlodar.pk, almaty.pk],
        **{
            "funding_lines-TOTAL_FORMS": "1",
            "funding_lines-0-donor": "",
            "funding_lines-0-kind": "total",
            "funding_lines-0-qualifier": "exact",
            "funding_lines-0-amount": "1000",
            "funding_lines-0-currency": "eur",
        },
    )
    response = admin_client.post(reverse("admin:projects_project_add"), data)
    assert response.status_code == 302
    project = Project.objects.get(slug="new-project")
    assert set(project.places.all()) == {pavlodar, almaty}
    assert project.funding_lines.get().currency == "EUR"
    # The search index follows the places the editor chose.
    assert ProjectPlaceIndex.objects.filter(project=project, place__slug="pavlodar-region").exists()
    data["slug"] = "another-project"
    data["funding_lines-0-currency"] = "ZZZ"
    response = admin_client.post(reverse("admin:projects_project_add"), data)
    assert response.status_code == 200
    assert "Это не код валюты ISO 4217." in response.content.decode()
    assert not Project.objects.filter(slug="another-project").exists()


def _add_rows(project, organizations):
    for organization in organizations:  # (each funding line's donor takes part as a donor)
        make_funding(project, donor=organization, amount="500", currency="USD")
        Contact.objects.create(project=project, organization=organization)


def _selected_names(html: str, prefix: str, field: str) -> list[str]:
    page = lxml.html.fromstring(html)
    xpath = f"//select[starts-with(@name, '{prefix}-') and contains(@name, '-{field}')]"
    named = (select.xpath("string(./option[@selected])").strip() for select in page.xpath(xpath))
    return [name for name in named if name]  # (not the empty row offered for a new one)


def test_change_page_queries_do_not_grow_with_the_records_rows(
    admin_client, django_assert_num_queries
):
    """The organisation chosen in each row is named from the row itself: six participations,
    funding lines and contacts take no more queries than one of each, and each row's select
    offers its own organisation, chosen."""
    few, many = make_project("few-rows"), make_project("many-rows")
    organizations = [make_organization(f"row-org-{i}", ru=f"Фонд «Ряд {i}»") for i in range(6)]
    _add_rows(few, organizations[:1])
    _add_rows(many, organizations)

    def url(project):
        return reverse("admin:projects_project_change", args=[project.pk])

    admin_client.get(url(few))
    with CaptureQueriesContext(connection) as one_each:
        admin_client.get(url(few))
    with django_assert_num_queries(len(one_each)):
        response = admin_client.get(url(many))
    html = response.content.decode()
    names = [f"Фонд «Ряд {i}»" for i in range(6)]
    for prefix, field in (
        ("participations", "organization"),
        ("funding_lines", "donor"),
        ("contacts", "organization"),
    ):
        assert sorted(_selected_names(html, prefix, field)) == names, prefix
