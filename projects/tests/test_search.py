"""Free-text search on the index (projects/search.py): words normalised once for documents and
queries, prefixes for words of four letters or more, whole words for abbreviations, every
language and every linked name searchable. Runs on SQLite and on PostgreSQL (GIN)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from projects import search
from projects.models import OrganizationAlias, Place, ProjectSearchDocument

from .factories import make_funding, make_organization, make_place, make_project


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Усть-Каменогорск, ЁЛКА", ["усть", "каменогорск", "елка"]),
        ("Қарағанды облысындағы ӘЙЕЛДЕР", ["қарағанды", "облысындағы", "әйелдер"]),
        ("EIDHR/2012/281-098", ["eidhr", "2012", "281", "098"]),
        ("snake_case and «quotes»", ["snake", "case", "and", "quotes"]),
        ("ﬁnance (ligature)", ["finance", "ligature"]),
        ("", []),
    ],
)
def test_words_are_normalised_the_same_way_everywhere(text, expected):
    assert search.words(text) == expected


def test_a_query_keeps_its_first_distinct_words():
    assert search.query_words("права права ЧЕЛОВЕКА") == ["права", "человека"]
    many = " ".join(f"слово{number}" for number in range(30))
    assert len(search.query_words(many)) == search.MAX_QUERY_WORDS


@pytest.fixture
def projects(db):
    """Two projects: one on human rights in Pavlodar funded by the EU, one on water in a
    village, whose Russian title contains "есть" (the letters of the abbreviation ЕС)."""
    kazakhstan = make_place("kz-country", kind="country", ru="Казахстан", en="Kazakhstan")
    region = make_place(
        "pavlodar-oblast", kind="region", parent=kazakhstan, ru="Павлодарская область"
    )
    pavlodar = make_place("pavlodar-city", parent=region, ru="Павлодар", en="Pavlodar")
    village = make_place("aul", kind="village", parent=kazakhstan, ru="Аул", en="Aul")
    rights = make_project(
        "rights",
        title_ru="Права человека в Павлодаре",
        title_kk="Павлодардағы адам құқықтары",
        title_en="Human rights in Pavlodar",
        summary_en="Legal aid for entrepreneurs.",
        contract_number="EIDHR/2012/281-098",
        start_date=datetime.date(2012, 11, 5),
        start_precision="day",
    )
    rights.places.add(pavlodar)
    eu = make_organization("eu-test", ru="Европейский союз", en="European Union")
    OrganizationAlias.objects.create(organization=eu, name="ЕС")
    make_funding(rights, donor=eu)
    water = make_project(
        "water", title_ru="Есть вода — есть жизнь", title_en="Water for the villages"
    )
    water.places.add(village)
    return {"rights": rights, "water": water}


def found(query: str) -> set[str]:
    documents = search.matching_documents(ProjectSearchDocument.objects.all(), query)
    return set(documents.values_list("project__slug", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("права", {"rights"}),
        ("прав", {"rights"}),  # four letters: the start of a word
        ("ПРАВА ЧЕЛОВЕКА", {"rights"}),
        ("human rights", {"rights"}),
        ("құқықтары", {"rights"}),
        ("entrepreneurs", {"rights"}),  # a summary
        ("ЕС", {"rights"}),  # an organisation's alias, as a whole word: "есть" is not it
        ("есть", {"water"}),
        ("European", {"rights"}),  # a donor's name
        ("Павлодарская область", {"rights"}),  # the region Pavlodar lies in
        ("Kazakhstan", {"rights", "water"}),  # the country both lie in
        ("281-098", {"rights"}),  # the contract number
        ("2012", {"rights"}),  # the start year
        ("права вода", set()),  # every word must match
        ("пр", set()),  # too short to be a prefix, and not a word
        ("сайгак", set()),
    ],
)
def test_queries_find_what_they_name(projects, query, expected):
    assert found(query) == expected


def test_a_query_without_words_finds_everything(projects):
    assert found("!!! —") == {"rights", "water"}


def test_the_list_searches_every_language_whatever_the_page_language(client, projects):
    with translation.override("kk"):
        url = reverse("projects:project-list")
    response = client.get(url, {"q": "Права человека"})
    assert response.status_code == 200
    assert [project.slug for project in response.context["projects"]] == ["rights"]


def test_a_renamed_place_is_found_by_its_new_name(projects):
    place = Place.objects.get(slug="aul")
    place.name_ru = "Жанажол"
    place.save()
    assert found("Жанажол") == {"water"}
    assert found("Аул") == set()
