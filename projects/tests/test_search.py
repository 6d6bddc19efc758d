"""Free-text search on the index (projects/search.py): words stemmed once for documents and
queries (Russian and English Snowball, Kazakh suffix rules), whole words for abbreviations,
every language and every linked name searchable, phrases, exclusions and OR, relevance order,
snippets. Runs on SQLite and on PostgreSQL (GIN)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from projects import search
from projects.models import OrganizationAlias, Participation, Place, ProjectSearchDocument

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
    many = " ".join("слово" + "а" * number for number in range(30))
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
        ("прав", {"rights"}),  # another case form of the same word
        ("правам человека", {"rights"}),
        ("Павлодар", {"rights"}),
        ("Павлодарда", {"rights"}),  # Kazakh locative
        ("Павлодардағы", {"rights"}),
        ("адам құқықтарын", {"rights"}),  # Kazakh accusative of the title's plural
        ("entrepreneur", {"rights"}),  # English stems
        ("right", {"rights"}),
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
        ("пр", set()),  # not a word of either
        ("правительство", set()),  # shares letters with "права", not its stem
        ('"rights in Pavlodar"', {"rights"}),  # an exact phrase
        ('"Pavlodar in rights"', set()),  # the same words in another order
        ("права -Павлодар", set()),  # an exclusion
        ("-Павлодар", {"water"}),  # exclusions alone: everything else
        ("сайгак OR вода", {"water"}),
        ("Павлодар OR вода", {"rights", "water"}),
        ('"unclosed phrase', set()),  # bad syntax is never an error
        ("OR права OR", {"rights"}),
        ("права в Павлодаре", {"rights"}),  # a little word does not narrow the search
        ("ЕС-тің", {"rights"}),  # a Kazakh ending hyphenated to an abbreviation
        ("Казахстана", {"rights", "water"}),  # Snowball's -н after а is kept
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


@pytest.mark.parametrize(
    ("forms", "language"),
    [
        (["Павлодар", "Павлодаре", "Павлодаром", "Павлодара"], "ru"),
        (["права", "прав", "правам", "правами"], "ru"),
        (["Павлодар", "Павлодарда", "Павлодардың", "Павлодарға", "Павлодардан"], "kk"),
        (["жоба", "жобасы", "жобаның", "жобалары", "жобаларды"], "kk"),
        (["entrepreneur", "entrepreneurs"], "en"),
    ],
)
def test_every_form_of_a_word_has_the_same_stem(forms, language):
    assert len({search.stem(search.words(form)[0], language) for form in forms}) == 1


def test_a_query_word_matches_its_stem_in_any_language():
    assert "павлодар" in search.stems_of("павлодарда")  # the Kazakh rules
    assert search.stems_of("ес") == ("ес",)  # abbreviations are kept whole
    assert search.stems_of("2012") == ("2012",)


def test_a_query_is_read_as_words_phrases_exclusions_and_alternatives():
    query = search.parse('"права человека" -США Павлодар OR Өскемен')
    assert [[phrase.text for phrase in group] for group in query.groups] == [
        ["права человека"],
        ["павлодар", "өскемен"],
    ]
    assert [phrase.text for phrase in query.excluded] == ["сша"]
    phrase, alternatives, excluded = search.tsquery(query).split(" & ")
    assert " <-> " in phrase and "'прав'" in phrase and "'человек'" in phrase
    assert " | " in alternatives and excluded == "!(('сша'))"
    assert search.parse('OR - ""').groups == []  # nothing a visitor types is an error


def test_a_search_lists_title_matches_first_then_the_newest(client, projects):
    newer = make_project("newer-water", title_ru="Колодцы", summary_ru="Права на воду")
    assert newer.created_at > projects["rights"].created_at
    response = client.get("/ru/projects/", {"q": "права"})
    slugs = [project.slug for project in response.context["projects"]]
    assert slugs == ["rights", "newer-water"]  # the title holds the word; then the newest
    response = client.get("/ru/projects/", {"q": "права", "sort": "newest"})
    assert [project.slug for project in response.context["projects"]] == ["newer-water", "rights"]
    api = client.get("/api/projects/", {"q": "права"}).json()
    assert [item["id"] for item in api["results"]] == ["rights", "newer-water"]


def test_a_result_shows_the_matched_words_in_context_escaped(client, db):
    make_project(
        "hostile",
        title_ru="Вода",
        summary_ru='<script>alert("x")</script> Колодцы дают чистую воду селу.',
    )
    response = client.get("/ru/projects/", {"q": "чистая вода"})
    html = response.content.decode()
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Колодцы дают"
    assert f'<p class="snippet">{escaped}' in html
    assert "<mark>чистую</mark> <mark>воду</mark>" in html
    assert "<script>alert" not in html


def test_a_misspelt_name_is_corrected_and_the_correction_escaped(client, db):
    hostile = make_organization("hostile-org", ru="<b>Нота</b> Бене", en="Nota Bene")
    project = make_project("nb", title_ru="Школа")
    Participation.objects.create(project=project, organization=hostile, role="lead_implementer")
    response = client.get("/en/projects/", {"q": "Notabene"})
    html = response.content.decode()
    assert [p.slug for p in response.context["projects"]] == ["nb"]
    assert "Showing projects for “Nota Bene”" in html
    response = client.get("/ru/projects/", {"q": "Нотабене"})
    assert "&lt;b&gt;Нота&lt;/b&gt; Бене" in response.content.decode()
    assert "<b>Нота</b>" not in response.content.decode()


SEEDS = {
    "S000": "human-rights-communication-information-governance",
    "S001": "transnational-civil-society-coalition-central-asia",
    "S002": "monitoring-state-development-programmes-civil-society",
    "S003": "us-support-civil-society-human-rights-kazakhstan",
    "S004": "active-local-stakeholder-participation-east-central-kazakhstan",
}
EU_FUNDED = {"S000", "S001", "S002", "S004"}


def seed_results(client, language: str, query: str) -> set[str]:
    response = client.get(f"/{language}/projects/", {"q": query})
    assert response.status_code == 200
    by_slug = {slug: name for name, slug in SEEDS.items()}
    return {by_slug[project.slug] for project in response.context["projects"]}


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (["Павлодар", "Павлодаре", "Павлодарда"], {"S000", "S002"}),
        (["права человека", "прав человека", "human rights"], {"S000", "S001", "S003"}),
        (["Евросоюз", "Европейский союз", "ЕС", "Еуропалық Одақ", "EU"], EU_FUNDED),
        (["entrepreneurs"], {"S004"}),
        (["Алма-Ата", "Алматы", "Almaty"], {"S000", "S002"}),
        (["Өскемен", "Усть-Каменогорск", "Oskemen"], {"S000"}),
        (["2012"], {"S000"}),
    ],
)
def test_the_issues_queries_find_the_same_seed_projects(
    client, seeded_db, db, language, queries, expected
):
    assert {query: seed_results(client, language, query) for query in queries} == {
        query: expected for query in queries
    }


def test_a_query_naming_a_donor_offers_its_filter(client, seeded_db, db):
    response = client.get("/en/projects/", {"q": "Евросоюз"})
    suggestions = response.context["suggestions"]
    assert [(s.parameter, s.params) for s in suggestions] == [
        ("donor", {"donor": "european-union"})
    ]
    assert "Filter by donor: European Union (EU)" in response.content.decode()


def test_the_next_page_of_an_api_search_does_not_count_again(client, db):
    for number in range(3):
        make_project(f"well-{number}", title_ru=f"Колодец {number}")
    first = client.get("/api/projects/", {"q": "колодец", "page_size": 2}).json()
    assert first["count"] == 3
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/projects/", {"q": "колодец", "page_size": 2, "page": 2})
    assert second.json()["count"] == 3 and len(second.json()["results"]) == 1
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
