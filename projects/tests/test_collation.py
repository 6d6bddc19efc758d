"""Lists follow each language's alphabet, on both databases and in Python sorts."""

import re

import pytest

from projects import collation
from projects.models import Organization, Place

# Real names, as the registry's pages list them.
KAZAKH_NAMES = [
    "Түрікменстан", "Тәжікстан", "Қазақстан", "Ізенді ауылдық округі", "Ақмешіт ауылдық округі",
    "Өскемен", "Орал", "Ұлытау", "Үржар", "Ыбырай", "Ертіс", "Ёлкин", "Жезқазған", "Ғалым",
    "Гүлдер", "Нұра", "Ңғ", "Һ", "Хан", "Шымкент", "Яссауи", "Әділет", "Алматы", "Ақтөбе",
    "Ақтау", "Ақ-Бұлақ", "Nota Bene", "USAID",
]  # fmt: skip
KAZAKH_ORDER = [
    "Ақ-Бұлақ", "Ақмешіт ауылдық округі", "Ақтау", "Ақтөбе", "Алматы", "Әділет", "Гүлдер", "Ғалым",
    "Ертіс", "Ёлкин", "Жезқазған", "Қазақстан", "Нұра", "Ңғ", "Орал", "Өскемен", "Тәжікстан",
    "Түрікменстан", "Ұлытау", "Үржар", "Хан", "Һ", "Шымкент", "Ыбырай", "Ізенді ауылдық округі",
    "Яссауи", "Nota Bene", "USAID",
]  # fmt: skip


def test_kazakh_names_sort_in_the_kazakh_alphabet():
    assert sorted(KAZAKH_NAMES, key=lambda name: collation.sort_key(name, "kk")) == KAZAKH_ORDER


def test_russian_sorts_yo_beside_ye_and_cyrillic_before_latin():
    names = ["Ёлка", "Ель", "Елка", "Яблоко", "Жук", "Nota Bene", "Алматы", "Ёж"]
    ordered = sorted(names, key=lambda name: collation.sort_key(name, "ru"))
    assert ordered == ["Алматы", "Ёж", "Елка", "Ёлка", "Ель", "Жук", "Яблоко", "Nota Bene"]


def test_english_sorts_latin_first_ignoring_accents_and_case_before_other_letters():
    names = ["Öskemen", "oskemen", "Almaty", "Казахстан", "Zhezkazgan", "almaty", "Oral"]
    ordered = sorted(names, key=lambda name: collation.sort_key(name, "en"))
    assert ordered == ["almaty", "Almaty", "Oral", "oskemen", "Öskemen", "Zhezkazgan", "Казахстан"]


def test_the_active_language_chooses_the_alphabet(settings):
    from django.utils import translation

    names = ["Ілияс", "Иван", "Ыбырай"]
    with translation.override("kk"):
        assert sorted(names, key=collation.sort_key) == ["Иван", "Ыбырай", "Ілияс"]
    with translation.override("ru"):
        assert sorted(names, key=collation.sort_key) == ["Иван", "Ілияс", "Ыбырай"]


TRICKY_NAMES = [
    *KAZAKH_NAMES, "Ёлка", "Елка", "ёлка", "Ель", "Ålesund", "almaty", "Almaty", "ALMATY",
    "Öskemen", "Oskemen", "«Бота»", '"Bota"', "Бота", "бота", "а б", "аб", "а-б", "Ақбұлақ",
    "№ 5", "No 5", "Straße", "Strasse", "Café", "Cafe", "Çağlar", "Şymkent", "Shymkent", "ı",
    "Їжак", "Іван", "Ivan", "Йошкар", "Иван", "Ўзбек", "Ґанок", "2012", "12", "1 000", "Эко",
    "ЭКО", "O'Neil", "Oneil", "Oʻzbekiston", "Œuvre", "oeuvre", "São Paulo", "Ыбырай",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_database_orders_as_python_does(seeded_db, language):
    """The SQL path (ICU on PostgreSQL, the registered collation on SQLite) and the Python
    path give the same order, for every name of the gazetteer and the seeds and for names
    with accents, case, punctuation, digits and expansions."""
    column = f"name_{language}"
    names = {*TRICKY_NAMES, *Place.objects.values_list(column, flat=True)}
    names |= set(Organization.objects.values_list(column, flat=True))
    names.discard(None)
    Organization.objects.bulk_create(
        Organization(slug=f"collation-{index}", kind="ngo", **{column: name})
        for index, name in enumerate(sorted(names))
    )
    rows = Organization.objects.filter(slug__startswith="collation-")
    in_database = list(
        rows.order_by(collation.collated(column, language), "pk").values_list(column, flat=True)
    )
    assert len(in_database) > 200, "the gazetteer's names take part"
    assert in_database == sorted(names, key=lambda name: collation.sort_key(name, language))


@pytest.mark.django_db
def test_the_kazakh_place_filter_lists_places_in_kazakh_order(client, seeded_db):
    html = client.get("/kk/projects/").content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', html, re.S)
    assert len(groups) >= 3
    for label, options in groups:
        names = [
            re.sub(r" \(\d+\)$", "", name) for name in re.findall(r">([^<]+)</option>", options)
        ]
        assert names == sorted(names, key=lambda name: collation.sort_key(name, "kk")), label
    countries = [name for name in re.findall(r">([^<(]+) \(\d+\)</option>", groups[0][1])]
    assert countries == ["Қазақстан", "Тәжікстан", "Түрікменстан"]
    assert html.index(">Өскемен (") > html.index(">Орал (")
    assert html.index(">Ізенді ауылдық округі (") > html.index(">Ақмешіт ауылдық округі (")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_list_sorted_by_title_follows_the_alphabet(client, seeded_db, language):
    html = client.get(f"/{language}/projects/?sort=title").content.decode()
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert len(titles) == 5
    assert titles == sorted(titles, key=lambda title: collation.sort_key(title, language))


@pytest.mark.django_db
def test_the_home_page_lists_places_with_as_many_projects_in_kazakh_order(client, seeded_db):
    html = client.get("/kk/").content.decode()
    twos = re.findall(r">([^<>]+)</a> <span class=\"count\">\(2\)</span>", html)
    assert len(twos) >= 3
    assert twos == sorted(twos, key=lambda name: collation.sort_key(name, "kk"))
