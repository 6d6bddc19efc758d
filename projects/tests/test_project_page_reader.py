"""The project page's rows: on PostgreSQL one statement (selectors/project_page.py) must give
exactly what the ORM's ten queries give, down to the page's HTML; on both databases the page
reads nothing more once its project is read."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from projects import views
from projects.models import Contact, FundingLine, Keyword, Place, Project
from projects.selectors import project_page

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

RELATIONS = [relation.name for relation in project_page.RELATIONS]
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement reader is PostgreSQL's"
)


def state_of(instance) -> dict:
    """What a page can read of an instance: its columns and the rows cached with it."""
    fields = instance._meta.concrete_fields
    state = {field.attname: getattr(instance, field.attname) for field in fields}
    state["__type__"] = type(instance).__name__
    for field in fields:
        if field.is_relation and field.is_cached(instance):
            related = field.get_cached_value(instance)
            is_back_link = isinstance(related, Project)
            state[field.name] = related.pk if is_back_link else (related and state_of(related))
    return state


def project_state(project: Project) -> dict:
    state = {"project": state_of(project)}
    for name in RELATIONS:
        state[name] = [state_of(row) for row in getattr(project, name).all()]
    return state


@pytest.fixture
def odd_project(db):
    """A project with what seeds rarely have: a line without donor, a contact without
    organisation, several keywords and places, a decimal amount, a draft sibling."""
    project = make_project(
        "odd-project",
        title_kk="Жоба",
        start_date=datetime.date(2024, 3, 1),
        start_precision="month",
        duration_months=18,
        contract_number="ENI/2024/123-456",
    )
    make_funding(project, donor=make_organization("test-donor", ru="Донор"), amount="1234567.89")
    FundingLine.objects.create(project=project, amount=Decimal("10"), currency="KZT", kind="other")
    Contact.objects.create(project=project, name="Айгүл Сейітова", phones=["+7 701 000 00 00"])
    project.keywords.add(
        Keyword.objects.create(slug="test-water", name="вода"),
        Keyword.objects.create(slug="test-women", name="әйел"),
    )
    project.places.add(make_place("test-village-b"), make_place("test-village-a"))
    make_project("odd-draft", published=False)
    return project


@on_postgresql
@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_one_statement_reads_what_the_orm_reads(seeded_db, odd_project, language):
    slugs = list(Project.objects.values_list("slug", flat=True))
    assert len(slugs) >= 7
    with translation.override(language):
        for slug in slugs:
            by_orm = project_state(project_page.read_with_orm(slug, drafts=True))
            in_one = project_state(project_page.read_in_one_statement(slug, drafts=True))
            assert in_one == by_orm, slug


@on_postgresql
def test_the_page_is_the_same_html_with_either_reader(client, seeded_db, odd_project, monkeypatch):
    slugs = list(Project.objects.published().values_list("slug", flat=True))

    def pages() -> dict:
        return {
            (language, slug): client.get(
                f"/{language}/projects/{slug}/", headers={"Cache-Control": "no-cache"}
            ).content
            for language in ("ru", "kk", "en")
            for slug in slugs
        }

    in_one = pages()
    monkeypatch.setattr(views, "project_for_page", project_page.read_with_orm)
    by_orm = pages()
    assert all(b"<h1>" in html for html in in_one.values())
    assert in_one == by_orm


@on_postgresql
def test_the_page_reads_its_project_in_one_statement(client, odd_project):
    client.get(odd_project.get_absolute_url())  # the place tree: read once per data version
    with CaptureQueriesContext(connection) as captured:
        response = client.get(odd_project.get_absolute_url(), headers={"Cache-Control": "no-cache"})
    assert response.status_code == 200
    statements = [query["sql"] for query in captured]
    # The data version (what the page cache is keyed by), then the project and its rows.
    assert len(statements) == 2, statements
    assert "registrystate" in statements[0]
    assert statements[1].startswith('EXECUTE "project_page_ru_published"')


@pytest.mark.parametrize("read", ["project_for_page", "read_with_orm", "read_in_one_statement"])
def test_nothing_more_is_read_for_the_page(odd_project, read, django_assert_num_queries):
    if read == "read_in_one_statement" and connection.vendor != "postgresql":
        pytest.skip("the one-statement reader is PostgreSQL's")
    project = getattr(project_page, read)("odd-project", drafts=False)
    with django_assert_num_queries(0):
        state = project_state(project)
    assert [line["amount"] for line in state["funding_lines"]] == [
        Decimal("1234567.89"),
        Decimal("10.00"),
    ]
    assert [line.get("donor") and line["donor"]["slug"] for line in state["funding_lines"]] == [
        "test-donor",
        None,
    ]
    assert state["contacts"][0]["organization"] is None
    assert state["contacts"][0]["phones"] == ["+7 701 000 00 00"]
    assert state["project"]["start_date"] == datetime.date(2024, 3, 1)
    assert isinstance(state["project"]["created_at"], datetime.datetime)
    assert state["project"]["created_at"].tzinfo is not None
    assert {place["slug"] for place in state["places"]} == {"test-village-a", "test-village-b"}


@pytest.mark.parametrize("read", ["project_for_page", "read_with_orm", "read_in_one_statement"])
def test_drafts_only_when_asked_and_unknown_slugs_are_not_found(odd_project, read):
    if read == "read_in_one_statement" and connection.vendor != "postgresql":
        pytest.skip("the one-statement reader is PostgreSQL's")
    reader = getattr(project_page, read)
    assert reader("odd-draft", drafts=True).slug == "odd-draft"
    with pytest.raises(Http404):
        reader("odd-draft", drafts=False)
    with pytest.raises(Http404):
        reader("no-such-project", drafts=True)


@on_postgresql
def test_places_and_keywords_come_in_the_order_of_the_pages_language(odd_project):
    Place.objects.filter(slug="test-village-b").update(name_ru="Бурыл", name_en="Buryl")
    Place.objects.filter(slug="test-village-a").update(name_ru="Аксу", name_en="Zz Aksu")
    with translation.override("ru"):
        ru = project_page.read_in_one_statement("odd-project", drafts=False)
        assert [place.slug for place in ru.places.all()] == ["test-village-a", "test-village-b"]
    with translation.override("en"):
        en = project_page.read_in_one_statement("odd-project", drafts=False)
        assert [place.slug for place in en.places.all()] == ["test-village-b", "test-village-a"]


def forget_prepared_statements():
    """As a new database session starts: nothing prepared."""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    connections["default"].__dict__.pop("_project_page_statements", None)


@on_postgresql
def test_the_statement_is_planned_once_per_database_session(odd_project):
    def read() -> tuple[list[str], Project]:
        with CaptureQueriesContext(connection) as captured:
            project = project_page.read_in_one_statement("odd-project", drafts=False)
        return [query["sql"].split()[0] for query in captured], project

    forget_prepared_statements()
    first, project = read()
    again, same = read()
    assert (first, again) == (["PREPARE", "EXECUTE"], ["EXECUTE"])
    assert project_state(same) == project_state(project)
    with translation.override("kk"):
        assert read()[0] == ["PREPARE", "EXECUTE"]  # one statement per language


@on_postgresql
def test_behind_a_pooler_in_transaction_mode_nothing_is_prepared(odd_project, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    forget_prepared_statements()
    with CaptureQueriesContext(connection) as captured:
        project = project_page.read_in_one_statement("odd-project", drafts=False)
    assert [query["sql"].split()[0] for query in captured] == ["SELECT"]
    assert project.slug == "odd-project"
