"""Districts, villages and the neighbours' regions that the gazetteer lacks are read by their
type word, named in English as the region names them, and never taken from an office's name."""

import pytest

from projects.ingest.localities import find_unlisted_places, romanise
from projects.ingest.places import Gazetteer, find_places
from projects.ingest.result import Document


def places(text: str, language: str = "ru") -> list[tuple[str, str, str | None]]:
    doc = Document(text=text, article=text, language=language)
    gazetteer = Gazetteer.load()
    found = find_unlisted_places(doc, gazetteer, find_places(doc, gazetteer))
    return [(place.name_en, place.kind, place.region_en) for place in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Проект охватит Сауранский и Отрарский районы.",
            "ru",
            [("Sauran District", "district", None), ("Otrar District", "district", None)],
        ),
        (
            "Волонтёры навестят пенсионеров в Денисовском районе.",
            "ru",
            [("Denisovka District", "district", "Kostanay Region")],
        ),
        (
            "Жоба Бейнеу және Түпқараған аудандарында іске асырылады.",
            "kk",
            [
                ("Beyneu District", "district", "Mangystau Region"),
                ("Tupkaragan District", "district", None),
            ],
        ),
        ("Мобильді топ Қайыңды ауылында жұмыс істейді.", "kk", [("Kaiyndy", "village", None)]),
        (
            "Groups work in three districts of Khatlon Region: Vose and Dusti districts.",
            "en",
            [
                ("Khatlon Region", "region", None),
                ("Vose District", "district", None),
                ("Dusti District", "district", None),
            ],
        ),
        (
            "Clubs open in the village of Kenesary in Burabay District.",
            "en",
            [("Kenesary", "village", None), ("Burabay District", "district", "Akmola Region")],
        ),
        (
            "Школа в селе Бурыл получит новые окна.",
            "ru",
            [("Buryl", "village", None)],
        ),
        (
            "Группы работают в Хатлонской области Таджикистана и в Нарынской области.",
            "ru",
            [("Khatlon Region", "region", None), ("Naryn Region", "region", None)],
        ),
        (
            "Жоба Зеренді ауданындағы Айдабол және Қонысбай ауылдарын қамтиды.",
            "kk",
            [("Aidabol", "village", None), ("Konysbai", "village", None)],
        ),
        (
            "Жоба Бөкей ордасы ауданының Хан Ордасы және Бисен ауылдарын қамтиды.",
            "kk",
            [
                ("Bokei Ordasy District", "district", None),
                ("Khan Ordasy", "village", None),
                ("Bisen", "village", None),
            ],
        ),
        (
            "Воду привезут в кишлаках Жом и Сазаган.",
            "ru",
            [("Zhom", "village", None), ("Sazagan", "village", None)],
        ),
    ],
)
def test_places_the_gazetteer_lacks_are_read_by_their_type_word(text, language, expected):
    assert places(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Партнёром выступил акимат Жанакорганского района.", "ru"),
        ("Отделы внутренней политики Жарминского и Кокпектинского районов помогут.", "ru"),
        ("Серіктестер: Нұра ауданының әкімдігі.", "kk"),
        ("Шығыс Қазақстан облысы Глубокое және Шемонаиха аудандарының әкімдіктері.", "kk"),
    ],
)
def test_an_offices_district_is_not_where_the_project_works(text, language):
    assert places(text, language) == []


def test_the_gazetteers_settlements_in_a_list_of_villages_are_places_too():
    found = places("Жоба Баянауыл, Майқайың, Торайғыр ауылдарының мектептерін қамтиды.", "kk")
    assert found == [
        ("Bayanaul", "town", "Pavlodar Region"),
        ("Maykain", "town", "Pavlodar Region"),
        ("Toraigyr", "village", None),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Теги: гранты, махалля\n\nПоделиться: Telegram | Facebook", "ru"),  # a new paragraph
        ("Centres open in villages of Turkistan Region.", "en"),  # a region, not a village
    ],
)
def test_a_type_word_names_no_village_across_a_paragraph_or_before_a_region(text, language):
    assert places(text, language) == []


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("Мұнайлы", "Munaily"),
        ("Айыртау", "Aiyrtau"),
        ("Ақ-Шоқы", "Ak-Shoky"),
        ("Қайыңды", "Kaiyndy"),
    ],
)
def test_names_are_romanised_as_kazakhstan_romanises_places(written, english):
    assert romanise(written) == english


def test_a_neighbours_region_is_in_its_country():
    doc = Document(
        text="Группы работают в Хатлонской области и в Нарынской области.",
        article="Группы работают в Хатлонской области и в Нарынской области.",
        language="ru",
    )
    found = find_unlisted_places(doc, Gazetteer.load(), [])
    assert [(place.name_en, place.country_code) for place in found] == [
        ("Khatlon Region", "TJ"),
        ("Naryn Region", "KG"),
    ]
