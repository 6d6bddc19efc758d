"""Districts, villages and the neighbours' regions a release names that the gazetteer lacks.

The gazetteer holds the region's cities, towns and larger villages; a release about a rural
project names its district ("Бурлинский район", "Бейнеу ауданы", "Burabay District") and its
villages ("в селе Бурыл", "Қайыңды ауылында", "the village of Kenesary"). Such a name is read by
its type word: a district named after its centre is the centre's district ("Бурлинский" ->
Бурлин -> "Burlin District", with the centre's region); any other gets its name romanised as
Kazakhstan romanises place names ("Мұнайлы" -> "Munaily"). Regions of Kyrgyzstan, Tajikistan,
Uzbekistan and Turkmenistan are listed here (NEIGHBOUR_REGIONS) in English, Russian and Kazakh.
These places have no slug: the importer lists them for the editor to add to the gazetteer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import kazakh
from .places import Gazetteer
from .result import Document, Evidence, PlaceFound
from .words import LATIN_LETTERS

_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "а-яёәғқңөұүһі"
_CYR_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?"
# A name with a lower-case word of its own: "Айтеке би", "Қабанбай батыр", "Бөкей ордасы".
_CYR_PLACE = rf"{_CYR_NAME}(?:\s+(?:би|батыр|ордасы))?"
# The space between a word and the name it introduces: a hard-wrapped line, not a paragraph.
_GAP = r"(?=\s)[^\S\n]*\n?[^\S\n]*"
_LAT_NAME = r"[A-Z][a-z']+(?:-[A-Za-z][a-z']+)?"

# "Бурлинского района", "Сауранский и Отрарский районы"
_RU_DISTRICT_ADJECTIVE = re.compile(
    rf"\b(?P<stem>{_CYR_NAME}?)(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ое|ие|их|ими)\b"
)
_RU_DISTRICT_WORD = re.compile(r"\s*район(?:а|е|у|ом|ы|ов|ах|ам|ами)?\b")
# "Бейнеу ауданы", "Ғабит Мүсірепов атындағы аудан", "Бейнеу және Түпқараған аудандарында"
_KK_NAME = rf"(?:{_CYR_NAME}\s+{_CYR_NAME}\s+атындағы|{_CYR_PLACE})"
_KK_VILLAGE_NAME = rf"(?:{_CYR_NAME}\s+(?=[{_UPPER}]))?{_KK_NAME}"  # "Хан Ордасы ауылы"
_KK_DISTRICT = re.compile(
    rf"(?P<names>{_KK_NAME}(?:(?:,\s*|\s+(?:және|мен|бен|пен)\s+){_KK_NAME})*)"
    rf"\s+аудан(?:ы|ында|ының|ына|ынан|дары|дарында|дарының|дарына)?\b"
)
# "Burabay District", "Merke and Zhualy districts", "the districts of Vose and Dusti"
_EN_DISTRICT = re.compile(
    rf"(?P<names>{_LAT_NAME}(?:\s+{_LAT_NAME})?(?:(?:,\s*|\s+and\s+){_LAT_NAME}(?:\s+{_LAT_NAME})?)*)"
    r"\s+[Dd]istricts?\b"
    rf"|\b[Dd]istricts?\s+of\s+(?P<after>{_LAT_NAME}(?:(?:,\s*|\s+and\s+){_LAT_NAME})*)\b"
    r"(?!\s+(?:Region|Province|Oblast|oblast|region))"  # "three districts of Khatlon Region"
)
# "в селе Бурыл", "сёла Жом, Сазаган и Пайшанба", "аул Сунаката", "в кишлаках Жом и Сазаган"
_RU_VILLAGE = re.compile(
    rf"\b(?:сел[оаеу]|с[её]л(?:ах|ам|ами)?|аул[аеу]?|аулах|пос[её]л(?:ок|к[аеиу]|ком|ках|кам)|"
    rf"поселени\w+|пос\.|с\.|деревн\w+|кишлак\w*|махалл\w*)"
    rf"{_GAP}(?P<names>{_CYR_PLACE}(?:(?:,\s*|\s+и\s+){_CYR_PLACE})*)"
)
# "Қайыңды ауылында", "Ақермен және Қайыңды ауылдарында", "Айдабол және Қонысбай ауылдарын"
_KK_VILLAGE = re.compile(
    rf"(?P<names>{_KK_VILLAGE_NAME}(?:(?:,\s*|\s+(?:және|мен|бен|пен)\s+){_KK_VILLAGE_NAME})*)"
    r"\s+(?:ауыл(?:ы|ын|ында|ының|ына|ынан|дары|дарын|дарында|дарының|дарына|дарынан)"
    r"|кент(?:і|ін|інде|інің|іне|тері|терін|терінде))\b"
)
# "the village of Kenesary", "the villages of Jom and Sazagan", "Ak-Muz village"
_EN_VILLAGE = re.compile(
    rf"\bvillages?\s+of\s+(?P<after>{_LAT_NAME}(?:(?:,\s*|\s+and\s+){_LAT_NAME})*)\b"
    r"(?!\s+(?:Region|Province|Oblast|District|region|province|oblast|district))"
    rf"|(?P<names>{_LAT_NAME})\s+village\b"
)
HOME_COUNTRY = "KZ"
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:и|және|мен|бен|пен|and)\s+")
_KK_ENDINGS = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")

# Kazakhstan's romanisation of place names (as on its road signs and maps) differs from the
# slugs' in one letter: й is i ("Мұнайлы" -> "Munaily", "Айыртау" -> "Aiyrtau").
_LETTERS = {**LATIN_LETTERS, "й": "i"}


def romanise(name: str) -> str:
    """ "Мұнайлы" -> "Munaily", "Ғабит Мүсірепов" -> "Gabit Musirepov"."""
    words = []
    for word in name.split():
        latin = "".join(_LETTERS.get(char, char) for char in word.lower())
        words.append("-".join(part[:1].upper() + part[1:] for part in latin.split("-")))
    return " ".join(words)


def find_unlisted_places(doc: Document, gazetteer: Gazetteer, found: list[PlaceFound]):
    """Districts, villages and neighbours' regions the release names, in order of mention,
    that are not among the gazetteer's places already found."""
    names = _Names(gazetteer)
    known = {place.name_en.casefold() for place in found}
    places: dict[str, PlaceFound] = {}
    text = doc.article
    for kind, name_en, slug, start, end in sorted(_mentions(text, names), key=lambda m: m[3]):
        if name_en.casefold() in known:
            continue
        evidence = Evidence.of(doc.text, start, end)
        if name_en in places:
            places[name_en].evidence.append(evidence)
            continue
        if kind == "listed":  # a settlement of the gazetteer, named as a village
            places[name_en] = gazetteer.found(slug, [evidence])
            continue
        listed = names.listed(name_en, kind)
        if listed:  # a district the gazetteer has, named by its centre's adjective
            places[name_en] = gazetteer.found(listed, [evidence])
            continue
        region = gazetteer.region_en(slug) if slug else None
        country = gazetteer.places[slug].country_code if slug else names.country_of(name_en)
        places[name_en] = PlaceFound("", name_en, kind, region, country, [evidence])
    return list(places.values())


def _mentions(text: str, names: _Names):
    """(kind, English name, slug of the centre or "", start, end) of each mention, except
    those naming an organisation's seat ("акимат Жанакорганского района")."""
    for kind, name_en, slug, start, end, list_end in _all_mentions(text, names):
        before = text[max(0, start - 60) : start]
        after = text[list_end : list_end + 40]
        if not (_OFFICE_BEFORE.search(before) or _OFFICE_AFTER.match(after)):
            yield kind, name_en, slug, start, end


# An office of a district or village ("акимат", "отдел образования", "әкімдігі", "akimat of"):
# the place names whose office it is, not where the project works.
_OFFICE_BEFORE = re.compile(
    r"(?:акимат\w*|аким\w*|аппарат\w*|отдел\w*|управлени\w*|маслихат\w*|администраци\w*|"
    r"хокимият\w*|департамент\w*|akimat|hokimiyat|administration|department|office|"
    r"of\s+the)(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)
_OFFICE_AFTER = re.compile(
    r"\s*(?:ауданы(?:ның)?\s+|аудандарының\s+)?(?:әкімдіг\w*|әкімі\w*|әкімдікт\w*|"
    r"мәслихат\w*|[а-яәғқңөұүһі]+\s+бөлімі\w*|akimat|administration|department)",
    re.IGNORECASE,
)
_NOT_A_SETTLEMENT = re.compile(
    r"(?:ского|ской|ских|ском|скому|ским|цкого|цкой|цких|ская|ский|ское|ские)$|"
    r"(?:Region|Oblast|Province|Republic|District)$"
)


def _all_mentions(text: str, names: _Names):
    for match in _RU_DISTRICT_ADJECTIVE.finditer(text):
        if _RU_DISTRICT_WORD.match(text, match.end()) or _listed_before_district(text, match):
            stem = match["stem"]
            centre = names.centre_of_adjective(stem)
            name_en = f"{centre[1] if centre else romanise(_noun_of(stem))} District"
            slug = centre[0] if centre else ""
            yield "district", name_en, slug, match.start(), match.end(), match.end()
    for pattern in (_KK_DISTRICT, _EN_DISTRICT):
        for match in pattern.finditer(text):
            for name, start, end in _listed(match):
                name = _KK_ENDINGS.sub("", name.removesuffix(" атындағы"))
                if _NOT_A_SETTLEMENT.search(name):
                    continue
                centre = names.place(name)
                name_en = f"{centre[1] if centre else _english(name)} District"
                yield "district", name_en, centre[0] if centre else "", start, end, match.end()
    for pattern in (_RU_VILLAGE, _KK_VILLAGE, _EN_VILLAGE):
        for match in pattern.finditer(text):
            for name, start, end in _listed(match):
                if _NOT_A_SETTLEMENT.search(name):
                    continue
                known = names.place(name)
                if known:  # "Баянауыл, Майқайың, Торайғыр ауылдарының": the word says village
                    yield "listed", known[1], known[0], start, end, match.end()
                    continue
                yield "village", _english(name), "", start, end, match.end()
    for match in names.neighbour_regions.finditer(text):
        name_en = names.region_name(match.group("name"))
        if name_en:
            yield "region", name_en, "", match.start(), match.end(), match.end()


def _listed(match: re.Match):
    """Each name of a list ("Бейнеу және Түпқараған") with its span; a word that opens the
    sentence ("The", "Жоба") is not part of a name."""
    group = "names" if match.group("names") else "after"
    base = match.start(group)
    position = 0
    value = match.group(group)
    for separator in [*_LIST_SEPARATOR.finditer(value), None]:
        end = separator.start() if separator else len(value)
        name = value[position:end].strip()
        first = name.split(" ", 1)
        if len(first) == 2 and first[0].lower() in _NOT_NAME_WORDS:
            position += len(first[0]) + 1
            name = first[1]
        if name and name.lower() not in _NOT_NAME_WORDS:
            yield name, base + position, base + end
        if separator:
            position = separator.end()


_NOT_NAME_WORDS = {
    "the", "in", "at", "and", "of", "a", "an", "from", "for", "with", "this", "its", "both",
    "жоба", "бұл", "осы", "жобаның", "облыстың",
}  # fmt: skip


def _listed_before_district(text: str, match: re.Match) -> bool:
    """ "Сауранский и Отрарский районы": an adjective joined to one before the word."""
    following = re.match(
        rf"\s*(?:,|и)\s*{_CYR_NAME}?(?:ск|цк)(?:ий|ого|ому|им|ом|ой|ие|их)\b", text[match.end() :]
    )
    return bool(following and _RU_DISTRICT_WORD.match(text, match.end() + following.end()))


def _noun_of(stem: str) -> str:
    """The name a Russian district adjective is made of: "Мунайлин" -> "Мунайлы"."""
    if stem.endswith("ин") and len(stem) > 5:
        return stem[:-2] + "ы"
    return stem.removesuffix("ь")


def _english(name: str) -> str:
    return name if re.match(r"[A-Za-z]", name) else romanise(name)


class _Names:
    """The gazetteer's places by their names as written, and the neighbours' regions."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.by_name = _by_name(gazetteer)
        self.neighbour_regions, self._regions = _neighbour_regions()

    def place(self, name: str) -> tuple[str, str] | None:
        """(slug, English name) of a settlement named so, the largest of several."""
        slugs = self.by_name.get(_fold(name), [])
        places = [self.gazetteer.places[slug] for slug in slugs]
        places = [p for p in places if p.kind in ("city", "town", "village", "settlement")]
        if not places:
            return None
        best = max(places, key=lambda place: place.population)
        return best.slug, best.name_en

    def centre_of_adjective(self, stem: str) -> tuple[str, str] | None:
        """The settlement a district adjective names: Бурлин-ский -> Бурлин, Денисов-ский ->
        Денисовка, Теректин-ский -> Теректы, Аулиеколь-ский -> Аулиеколь."""
        candidates = (stem, stem + "а", stem + "ка", stem + "о", stem + "ь", _noun_of(stem))
        for candidate in candidates:
            found = self.place(candidate)
            if found:
                return found
        return None

    def listed(self, name_en: str, kind: str) -> str | None:
        """The slug of the gazetteer's place of this English name and kind, if it has one."""
        slugs = self.by_name.get(_fold(name_en), [])
        return next((slug for slug in slugs if self.gazetteer.places[slug].kind == kind), None)

    def region_name(self, written: str) -> str | None:
        return self._regions.get(_fold(written))

    def country_of(self, name_en: str) -> str:
        """A neighbour's region's country; else the registry's own country, which a district
        or village without a centre in the gazetteer is taken to be in."""
        if name_en in NEIGHBOUR_REGIONS:
            return NEIGHBOUR_REGIONS[name_en][0]
        return HOME_COUNTRY


def _fold(name: str) -> str:
    return kazakh.fold(name.casefold().replace("ё", "е"))


@lru_cache(maxsize=4)
def _by_name(gazetteer: Gazetteer) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for place in gazetteer.places.values():
        for name in {place.name_ru, place.name_kk, place.name_en}:
            index.setdefault(_fold(name), []).append(place.slug)
    return index


# The regions of Kyrgyzstan, Tajikistan, Uzbekistan and Turkmenistan: English name, then the
# country and the nouns their Russian and Kazakh names are made of ("Нарын" in "Нарынской
# области", "Нарын облысы") with other English spellings.
NEIGHBOUR_REGIONS = {
    "Batken Region": ("KG", ("Баткен", "Batken")),
    "Chuy Region": ("KG", ("Чуй", "Шу", "Chuy", "Chui", "Chüy")),
    "Issyk-Kul Region": ("KG", ("Иссык-Куль", "Ыстықкөл", "Issyk-Kul", "Issyk Kul", "Ysyk-Kol")),
    "Jalal-Abad Region": ("KG", ("Джалал-Абад", "Жалалабад", "Jalal-Abad", "Jalalabad")),
    "Naryn Region": ("KG", ("Нарын", "Naryn")),
    "Osh Region": ("KG", ("Ош", "Osh")),
    "Talas Region": ("KG", ("Талас", "Talas")),
    "Khatlon Region": ("TJ", ("Хатлон", "Khatlon")),
    "Sughd Region": ("TJ", ("Согд", "Согды", "Sughd", "Sogd", "Soghd")),
    "Gorno-Badakhshan Autonomous Region": (
        "TJ", ("Горно-Бадахшан", "Таулы Бадахшан", "Gorno-Badakhshan"),
    ),
    "Andijan Region": ("UZ", ("Андижан", "Әндіжан", "Andijan", "Andizhan")),
    "Bukhara Region": ("UZ", ("Бухар", "Бұхара", "Bukhara")),
    "Fergana Region": ("UZ", ("Фергана", "Ферган", "Ферғана", "Fergana", "Ferghana")),
    "Jizzakh Region": ("UZ", ("Джизак", "Жызақ", "Jizzakh", "Jizzax")),
    "Kashkadarya Region": ("UZ", ("Кашкадарьин", "Қашқадария", "Kashkadarya", "Qashqadaryo")),
    "Namangan Region": ("UZ", ("Наманган", "Namangan")),
    "Navoiy Region": ("UZ", ("Навои", "Навоий", "Navoiy", "Navoi")),
    "Samarkand Region": ("UZ", ("Самарканд", "Самарқанд", "Samarkand", "Samarqand")),
    "Surkhandarya Region": ("UZ", ("Сурхандарьин", "Сурхандария", "Surkhandarya", "Surxondaryo")),
    "Syrdarya Region": ("UZ", ("Сырдарьин", "Syrdarya", "Sirdaryo")),
    "Tashkent Region": ("UZ", ("Ташкент", "Ташкен", "Tashkent", "Toshkent")),
    "Khorezm Region": ("UZ", ("Хорезм", "Khorezm", "Xorazm")),
    "Ahal Region": ("TM", ("Ахал", "Ahal", "Akhal")),
    "Balkan Region": ("TM", ("Балкан", "Balkan")),
    "Dashoguz Region": ("TM", ("Дашогуз", "Dashoguz", "Dashhowuz")),
    "Lebap Region": ("TM", ("Лебап", "Lebap")),
    "Mary Region": ("TM", ("Марый", "Мары", "Mary")),
}  # fmt: skip


@lru_cache(maxsize=1)
def _neighbour_regions() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern for the neighbours' regions named with their type word ("Naryn Region",
    "Хатлонской области", "Нарын облысы"), and their English names by folded noun."""
    names = {
        _fold(noun): english
        for english, (_country, nouns) in NEIGHBOUR_REGIONS.items()
        for noun in nouns
    }
    alternatives = "|".join(re.escape(noun) for noun in sorted(names, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])(?P<name>(?i:{alternatives}))(?:ская|ской|скую|ск(?:ая|ой|ую)|ая|ой|ую)?"
        r"\s+(?:област\w*|облыс\w*|вилоят\w*|велаят\w*|[Rr]egion|[Pp]rovince|oblast)\b"
    )
    return pattern, names
