"""The places a project works in, read from a press release and matched to the gazetteer.

`find_places(doc)` returns the gazetteer places (`seeds/gazetteer.json`) that the text names as
places of the project, each once, with every mention as evidence, in order of first mention.

Matching. Every gazetteer name and alias is split into its core ("Павлодар", "Карагандинская",
"К. Мыңбаев атындағы") and an optional type phrase ("облысы", "область", "ауылдық округ",
"Region"), and indexed by the keys of the core's first token. A token of the text has several
keys: its surface form, every pymorphy3 normal form (Russian: "Павлодаре" -> "павлодар";
all parses, the first one is often wrong for Kazakh names), every stem left by stripping
Kazakh case, possessive and plural suffixes (`kazakh.stems`: "Павлодар облысының" -> "облыс"),
the English form without a possessive 's, and a folded spelling without Kazakh letters
("Карағанды" -> "караганды"). A core whose name carried a type phrase matches only next to a
type word (before or after it, or after a list closed by a plural type word: "Глубокое және
Белоусовка кенттері"); the type word also chooses between places of the same name (the
settlement Glubokoye or Glubokoye District; Pavlodar or Pavlodar Region).

Not every place named is a place of the project. Left out: datelines ("АСТАНА –"), postal
addresses and their blocks, places that only locate an organisation ("ОО «Эхо» (Алматы)",
"Алматы қаласының «...» қоғамдық қоры", "Нұра ауданының әкімдігі", "Делегация Европейского
Союза в Казахстане"), regions and districts that only qualify the places listed after them
("ШҚО: Глубокое ..."), and a country when a more specific place in it is found. Villages,
settlements and rural districts named without a type word need their district or region
nearby; names that are also ordinary words or people's names ("Семей", "Абай") need a type
word, their region nearby or a list of other places around them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import kazakh
from .morphology import morph
from .result import Document, Evidence, PlaceFound

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "seeds" / "gazetteer.json"

KINDS = ("country", "city", "town", "region", "district", "settlement", "village", "rural_district")
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
# Kinds that a type word admits, best first (a village type word falls back to the rural
# district named after the village when the gazetteer has no such village).
_TYPE_KINDS = {
    "city": ("city", "town"),
    "town": ("town", "city"),
    "region": ("region",),
    "district": ("district",),
    "settlement": ("settlement", "town", "village"),
    "village": ("village", "settlement", "rural_district"),
    "rural_district": ("rural_district", "village"),
}
_LOCAL_KINDS = {"village", "settlement", "rural_district"}
NEARBY = 300  # characters: how close a village's district or region must be named

# --------------------------------------------------------------------------------------------
# Words and their keys

_WORD = re.compile(r"с/о|[^\W\d_]+(?:[-‐‑'’ʻ`][^\W\d_]+)*", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
_LATIN = re.compile(r"[a-z]")
_RUSSIAN_ONLY = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_HOMOGLYPHS = str.maketrans("aceopxyki", "асеорхукі")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "’": "'", "ʻ": "'", "`": "'"})


def _words(text: str) -> list[str]:
    return text.split()


_PERSON_TAGS = {"Name", "Surn", "Patr"}
# Kazakh and English forms of place names that are also ordinary words or people's names.
_COMMON_WORDS = frozenset(
    _words(
        "жақсы үлкен достық қоғам бірлестік жарық темір шар құлан атамекен алға жем абай жамбыл "
        "махамбет құрманғазы әуезов сәтбаев қонаев чапаев курчатов жәнібек шақан амангелді "
        "zhaksy ulken dostyk kogam birlestik zharyk temir shar kulan atameken alga zhem abay abai "
        "zhambyl makhambet kurmangazy auezov satpayev satbayev konaev konayev chapayev kurchatov "
        "mary oral rudny конаев сатпаев курчатов чапаев махамбет жамбыл амангельды"
    )
)


def _norm(word: str) -> str:
    word = word.lower().replace("ё", "е").translate(_DASHES)
    if _CYRILLIC.search(word) and _LATIN.search(word):
        word = word.translate(_HOMOGLYPHS)  # "Жетicу": Latin letters typed in a Cyrillic word
    return word


@lru_cache(maxsize=100_000)
def _parses(word: str) -> tuple:
    return tuple(morph().parse(word))


@lru_cache(maxsize=200_000)
def _text_keys(word: str, lemmatise: bool) -> frozenset[str]:
    """The forms under which a word of the text may match a name."""
    w = _norm(word)
    keys = {w}
    if _CYRILLIC.search(w):
        if lemmatise and _RUSSIAN_ONLY.fullmatch(w):
            keys.update(p.normal_form.replace("ё", "е") for p in _parses(w))
        keys.update(kazakh.stems(w))
        keys.update([kazakh.fold(key) for key in keys])
    elif w.endswith("'s"):
        keys.add(w[:-2])
    return frozenset(keys)


def _name_keys(word: str) -> frozenset[str]:
    """The forms of a word of a gazetteer name (nominative): surface, folded, normal form."""
    w = _norm(word)
    keys = {w, kazakh.fold(w)}
    if _RUSSIAN_ONLY.fullmatch(w) and len(w) > 2:
        keys.update(
            p.normal_form.replace("ё", "е") for p in _parses(w) if "nomn" in p.tag and p.score > 0
        )
    return frozenset(keys)


def _is_weak_word(word: str) -> bool:
    """An ordinary word or a person's name as well as a place name ("Семей", "Абай")."""
    w = _norm(word)
    if w in _COMMON_WORDS or (kazakh.has_letters(w) and kazakh.stems(w) & _COMMON_WORDS):
        return True
    if not _RUSSIAN_ONLY.fullmatch(w) or not morph().word_is_known(w):
        return False
    parses = _parses(w)
    if _PERSON_TAGS & set(parses[0].tag.grammemes):
        return True
    if any("Geox" in p.tag for p in parses):
        return False
    return any(not (_PERSON_TAGS & set(p.tag.grammemes)) for p in parses)


# --------------------------------------------------------------------------------------------
# Type words

_RU_TYPE_TABLE = (
    # (kind, pattern with the ending as group 1, plural endings, endings that may be either)
    ("region", r"област(ь|и|ей|ям|ях|ью|ями)", {"ей", "ям", "ях", "ями"}, {"и"}),
    ("district", r"район(|а|е|у|ом|ы|ов|ах|ам|ами)", {"ы", "ов", "ах", "ам", "ами"}, set()),
    ("city", r"город(|а|е|у|ом|ов|ах|ам|ами)", {"ов", "ах", "ам", "ами"}, {"а"}),
    ("settlement", r"пос[её]л(ок|ка|ке|ку|ком|ки|ков|ках|кам|ками)", {"ки", "ков", "ках"}, set()),
    ("village", r"с[её]л(о|е|у|ом|ах|ам|ами|)", {"ах", "ам", "ами", ""}, set()),
    ("village", r"с[её]л(а)", set(), {"а"}),
    ("village", r"аул(|а|е|у|ом|ы|ов|ах|ам)", {"ы", "ов", "ах", "ам"}, set()),
    ("village", r"деревн(я|и|е|ю|ей|ях)", {"ей", "ях"}, {"и"}),
)
_RU_TYPES = tuple(
    (kind, re.compile(pattern), plural, either) for kind, pattern, plural, either in _RU_TYPE_TABLE
)
_RU_ABBREVIATIONS = {
    "обл": "region",
    "р-н": "district",
    "г": "city",
    "гор": "city",
    "пос": "settlement",
    "пгт": "settlement",
    "с": "village",
}
_RU_RURAL_ADJ = re.compile(r"(сельск|аульн)(ий|ый|ого|ому|им|ом|ие|ые|их|ых|ими|ыми)")
_RU_OKRUG = re.compile(r"округ(|а|е|у|ом|ов|ах|ам|ами)")
_KK_TYPES = {
    "облыс": "region",
    "аудан": "district",
    "қала": "city",
    "кент": "settlement",
    "ауыл": "village",
}
_KK_PLURAL = re.compile(r"(облыс|аудан|қала|кент|ауыл|округ)(тар|тер|дар|дер|лар|лер)")
_EN_TYPES = {
    "region": "region",
    "oblast": "region",
    "province": "region",
    "oblysy": "region",
    "district": "district",
    "audany": "district",
    "city": "city",
    "qalasy": "city",
    "town": "town",
    "settlement": "settlement",
    "village": "village",
}
_EN_PLURALS = {
    "regions": "region",
    "oblasts": "region",
    "provinces": "region",
    "districts": "district",
    "cities": "city",
    "towns": "town",
    "settlements": "settlement",
    "villages": "village",
}
_ABBREVIATIONS = {"г", "обл", "пос", "с", "гор"}  # type words that need a full stop


@dataclass(frozen=True)
class _Type:
    kind: str
    start: int  # token indexes, end exclusive
    end: int
    plural: bool | None  # None: the form may be singular or plural ("области")
    before_ok: bool  # Russian and English type words also stand before the name


@lru_cache(maxsize=50_000)
def _word_type(word: str) -> tuple[str, bool | None, bool] | None:
    """(kind, plural, may stand before the name) of a one-word type word, else None."""
    w = _norm(word)
    if w == "с/о":
        return ("rural_district", None, True)
    if w in _RU_ABBREVIATIONS:
        return (_RU_ABBREVIATIONS[w], False, True)
    for kind, pattern, plural, either in _RU_TYPES:
        match = pattern.fullmatch(w)
        if match:
            ending = match.group(1)
            return (kind, None if ending in either else ending in plural, True)
    if w in _EN_TYPES:
        return (_EN_TYPES[w], False, True)
    if w in _EN_PLURALS:
        return (_EN_PLURALS[w], True, True)
    if _CYRILLIC.search(w):
        for stem in {w} | kazakh.stems(w):
            if stem in _KK_TYPES:
                return (_KK_TYPES[stem], bool(_KK_PLURAL.match(w)), False)
    return None


def _rural_head(word: str) -> bool:
    w = _norm(word)
    return bool(_RU_RURAL_ADJ.fullmatch(w)) or w in ("ауылдық", "rural", "village")


def _okrug(word: str) -> tuple[bool, bool | None] | None:
    """(is okrug, plural) for the second word of a rural-district type phrase."""
    w = _norm(word)
    match = _RU_OKRUG.fullmatch(w)
    if match:
        ending = match.group(1)
        return (True, None if ending == "а" else ending in ("ов", "ах", "ам", "ами"))
    if w in ("district", "okrug"):
        return (True, False)
    if w in ("districts", "okrugs"):
        return (True, True)
    if _CYRILLIC.search(w) and "округ" in ({w} | kazakh.stems(w)):
        return (True, bool(_KK_PLURAL.match(w)))
    return None


# --------------------------------------------------------------------------------------------
# The gazetteer


@dataclass(frozen=True)
class Place:
    slug: str
    kind: str
    parent: str | None
    country_code: str
    name_en: str
    name_ru: str
    name_kk: str
    population: int


@dataclass(frozen=True)
class _Entry:
    slug: str
    typed: bool  # the name carried a type phrase: match only next to a type word


@dataclass
class _Core:
    keys: tuple[frozenset[str], ...]  # per token
    cap: int | None  # index of the first token written with a capital letter in the name
    entries: dict[str, _Entry] = field(default_factory=dict)
    last_words: set[str] = field(default_factory=set)  # the names' last words (folded)


def _tokens(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _split_type(words: list[str]) -> tuple[list[str], str | None]:
    """A name's core words and the kind of its type phrase ("Павлодар облысы")."""
    if len(words) >= 3 and _rural_head(words[-2]) and _okrug(words[-1]):
        return words[:-2], "rural_district"
    if len(words) >= 3 and _rural_head(words[0]) and _okrug(words[1]):
        return words[2:], "rural_district"
    if len(words) >= 2:
        last = _word_type(words[-1])
        if last:
            return words[:-1], last[0]
        first = _word_type(words[0])
        if first and first[2] and _norm(words[0]) not in _ABBREVIATIONS:
            return words[1:], first[0]
    return words, None


def _ordinary_alias(words: list[str]) -> bool:
    """A one-word alias that is a common word ("Верный" for Almaty) or too short to trust."""
    if len(words) != 1:
        return False
    word = words[0]
    letters = re.sub(r"\W", "", word)
    if len(letters) <= 3 and not word.isupper():
        return True
    w = _norm(word)
    if _RUSSIAN_ONLY.fullmatch(w) and morph().word_is_known(w):
        return not any("Geox" in p.tag for p in _parses(w))
    return False


class Gazetteer:
    """The places of `seeds/gazetteer.json`, indexed by the first word of their names."""

    def __init__(self, records: list[dict]):
        self.places: dict[str, Place] = {}
        self._cores: dict[tuple, _Core] = {}
        self._index: dict[str, list[_Core]] = {}
        for record in records:
            self.places[record["slug"]] = Place(
                slug=record["slug"],
                kind=record["kind"],
                parent=record["parent"],
                country_code=record["country_code"],
                name_en=record["name"]["en"],
                name_ru=record["name"]["ru"],
                name_kk=record["name"]["kk"],
                population=record.get("population") or 0,
            )
            names = [record["name"][lang] for lang in ("ru", "kk", "en")]
            for position, name in enumerate(names + list(record.get("aliases") or [])):
                self._add_name(record["slug"], name, alias=position >= len(names))
        for core in self._cores.values():
            for key in core.keys[0]:
                self._index.setdefault(key, []).append(core)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """The gazetteer at `path` (default: the project's seeds/gazetteer.json), built once."""
        return _load(str(Path(path or DEFAULT_PATH).resolve()))

    def _add_name(self, slug: str, name: str, alias: bool) -> None:
        words = [match.group() for match in _tokens(name)]
        if not words or (alias and _ordinary_alias(words)):
            return
        core_words, kind = _split_type(words)
        if not core_words:
            return
        letters = sum(len(re.sub(r"\W", "", word)) for word in core_words)
        if letters < 3:
            return
        keys = tuple(_name_keys(word) for word in core_words)
        cap = next((i for i, word in enumerate(core_words) if word[:1].isupper()), None)
        core = self._cores.setdefault((keys, cap), _Core(keys, cap))
        core.last_words.add(kazakh.fold(_norm(core_words[-1])))
        typed = kind is not None
        known = core.entries.get(slug)
        if known is None or (known.typed and not typed):
            core.entries[slug] = _Entry(slug, typed)

    def cores(self, keys: frozenset[str]) -> list[_Core]:
        found: dict[int, _Core] = {}
        for key in keys:
            for core in self._index.get(key, ()):
                found[id(core)] = core
        return list(found.values())

    def ancestors(self, slug: str) -> list[str]:
        """The slugs of the places containing `slug`, nearest first."""
        chain, parent = [], self.places[slug].parent
        while parent is not None and parent in self.places and parent not in chain:
            chain.append(parent)
            parent = self.places[parent].parent
        return chain

    def region_en(self, slug: str) -> str | None:
        for ancestor in self.ancestors(slug):
            if self.places[ancestor].kind == "region":
                return self.places[ancestor].name_en
        return None

    def found(self, slug: str, evidence: list[Evidence]) -> PlaceFound:
        place = self.places[slug]
        return PlaceFound(
            slug=slug,
            name_en=place.name_en,
            kind=place.kind,
            region_en=self.region_en(slug),
            country_code=place.country_code,
            evidence=evidence,
        )


@lru_cache(maxsize=8)
def _load(path: str) -> Gazetteer:
    with open(path, encoding="utf-8") as file:
        return Gazetteer(json.load(file)["places"])


# --------------------------------------------------------------------------------------------
# Context words

_PREPOSITIONS = {"в", "во", "из", "по", "до", "под", "над", "in", "from", "at", "near", "to"}
_CONJUNCTIONS = {"и", "және", "мен", "бен", "пен", "and", "или", "немесе", "or", "а", "также"}
_NAME_PARTS = {"атындағы", "имени", "им", "би", "батыр", "of"}
# Nouns that make an organisation of the words before them (Kazakh, Russian and English
# orders): "Нұра ауданының әкімдігі", "Карағанды Облыстық Экологиялық Орталығы".
_ORG_NOUN = re.compile(
    r"(әкімдіг|әкімдік|әкімшілі|орталығ|орталық|қоры|қорын|қорым|бірлестіг|қауымдастығ|"
    r"ассоциациясы|одағы|одағын|мектеб|академиясы|кеңсесі|басқармасы|департамент|өкілдіг|"
    r"делегациясы|елшіліг|палатасы|қызметі|акимат|маслихат|университет|институт|центр|фонд|"
    r"ассоциаци|объединени|союз|бюро|управлени|филиал|академи|колледж|школ|akimat|"
    r"university|institute|centre|center|foundation|fund|association|union|office|academy|"
    r"college|school|department|agency)",
    re.IGNORECASE,
)
# Bodies located in a country or city: "Делегация ЕС в Казахстане", "Қазақстандағы ЕО
# делегациясы", "Embassy of the USA in Kazakhstan".
_MISSION = re.compile(
    r"(делегаци|представительств|посольств|консульств|миссия|миссии|офис|бюро|"
    r"өкілдіг|делегациясы|елшіліг|елші|кеңсе|посол|delegation|embassy|ambassador|mission|"
    r"office|representation)",
    re.IGNORECASE,
)
_RU_ORG_BEFORE = re.compile(
    r"(акимат|маслихат|управлени|департамент|университет|филиал|представительств|"
    r"посольств|делегаци|администраци|akimat|university|embassy|delegation|foundation|"
    r"fund|centre|center|institute|association|agency|office|bureau|administration)",
    re.IGNORECASE,
)
_STREET_BEFORE = {
    "ул",
    "улица",
    "улицы",
    "улице",
    "пр",
    "просп",
    "проспект",
    "проспекта",
    "пр-т",
    "бульвар",
    "пер",
    "переулок",
    "мкр",
    "микрорайон",
    "им",
    "имени",
}
_STREET_AFTER = re.compile(
    r"(көшес\w*|даңғыл\w*|атындағы|атында\w*|street|avenue|ave|str|st|prospect|boulevard|"
    # a sea, lake, river or mountain of the same name
    r"теңіз\w*|көлі\w*|өзен\w*|тау[ыл]\w*|sea|lake|river|mountains?)",
    re.IGNORECASE,
)
_FEATURE_BEFORE = re.compile(r"(озер|озёр|рек[аиеуой]|мор[еяю]|гор[аыеу]?|lake|river|mount)$")
_LEGAL_FORMS = re.compile(
    r"(?:^|[\s(])(ОО|ОФ|ОЮЛ|РОО|ТОО|АО|ЧУ|КФ|ЧФ|МОО|ҚҚ|ҚБ|ЖШС|АҚ|NGO|PF|PA|LLP|JSC)\s*$"
)
_GENITIVE = re.compile(r"(ның|нің|дың|дің|тың|тің)$")
_LOCATIVE_ATTRIBUTE = re.compile(r"(дағы|дегі|тағы|тегі)$")
_POSTCODE = re.compile(r"(?<![\d+()\-])\b[01]\d{5}\b")
_ADDRESS = re.compile(
    r"(\bул\.|\bулица\b|\bпр\.|\bпросп|\bпр-т\b|\bмкр\b|\bмикрорайон|\bд\.\s*\d|көшесі|"
    r"даңғылы|шағын\s*аудан|\bstreet\b|\bstr\.|\bavenue\b|\bave\.|\bblvd\b|\bоф\.|\bофис\s*\d|"
    r"\bкаб\.|\bp\.?o\.? box\b|\bа/я\b|\bprospect\b|\bprosp\.|\bmicrodistrict\b)",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"(?:подписал\w*|подписан\w*|подписани\w+|церемони\w+|signed|signing|ceremony)"
    r"(?:\s+[^\s.;!?]+){0,3}?\s+(?:в|во|in|at)\s+$",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(
    r"[а-яәғқңөұүһі]*\s+(?:өткен|өтетін)\s+(?:салтанатты\s+)?(?:рәсім|шара)\w*"
    r"|[а-яәғқңөұүһі]*\s+(?:қол\s+қойылды|қол\s+қойды)",
    re.IGNORECASE,
)
_URL_OR_EMAIL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\S+\.(?:kz|com|org|net|ru)\S*")
_DATELINE_AFTER = re.compile(
    r"[ \t]*(?:[–—]|-(?=\s)|\.\s*\d{1,2}[\s.]|,\s*\d{1,2}[\s.]|,\s*[^\W\d_]+\s+\d{1,2}\b"
    r"|,\s*(?:19|20)\d\d\s+жыл)"  # Kazakh: "Ақтау, 2024 жылғы 5 наурыз."
)


def _inline_space(gap: str) -> bool:
    return bool(gap) and gap.isspace() and "\n" not in gap


@dataclass
class _Mention:
    start: int  # token indexes of the core, end exclusive
    end: int
    span: tuple[int, int]  # characters: the core and its own type word
    candidates: list[str]
    source: str | None  # where the type word is: "after", "before", "list", "list-before"
    tail: int  # token index after the core, its type word, or the list's type word
    lead: int  # token index of the first word of the mention (type word before it included)
    group: tuple[str, int] | None = None  # mentions sharing one type word (a list)
    weak: bool = False
    bare: bool = True  # written as in the gazetteer (nominative), not declined
    lowercase: bool = False  # an English name written in small letters
    slug: str | None = None
    excluded: str | None = None

    @property
    def typed(self) -> bool:
        return self.source is not None


class _Reader:
    """Finds the mentions of gazetteer places in one text."""

    def __init__(self, text: str, gazetteer: Gazetteer):
        self.text = _URL_OR_EMAIL.sub(lambda m: " " * len(m.group()), text)
        self.gaz = gazetteer
        self.tokens = _tokens(self.text)
        self.words = [match.group() for match in self.tokens]
        self.count = len(self.tokens)

    # -- tokens --------------------------------------------------------------------------
    def keys(self, i: int) -> frozenset[str]:
        word = self.words[i]
        return _text_keys(word, word[:1].isupper())

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        if not self.tokens:
            return self.text
        if i <= 0:
            return self.text[: self.tokens[0].start()]
        if i >= self.count:
            return self.text[self.tokens[-1].end() :]
        return self.text[self.tokens[i - 1].end() : self.tokens[i].start()]

    def cap(self, i: int) -> bool:
        return 0 <= i < self.count and self.words[i][:1].isupper()

    def norm(self, i: int) -> str:
        return _norm(self.words[i]) if 0 <= i < self.count else ""

    # -- type words ----------------------------------------------------------------------
    def type_at(self, i: int) -> _Type | None:
        if not 0 <= i < self.count:
            return None
        if i + 1 < self.count and _rural_head(self.words[i]) and _inline_space(self.gap(i + 1)):
            okrug = _okrug(self.words[i + 1])
            if okrug:
                plural = okrug[1]
                if _RU_RURAL_ADJ.fullmatch(self.norm(i)):
                    plural = self.norm(i).endswith(("ие", "ые", "их", "ых", "ими", "ыми"))
                return _Type("rural_district", i, i + 2, plural, True)
        if self.norm(i) in ("rural", "ауылдық"):
            return None
        found = _word_type(self.words[i])
        if found is None:
            return None
        kind, plural, before_ok = found
        if self.norm(i) in _ABBREVIATIONS and not self.gap(i + 1).startswith("."):
            return None
        return _Type(kind, i, i + 1, plural, before_ok)

    def type_after(self, j: int) -> _Type | None:
        if j >= self.count or not _inline_space(self.gap(j)):
            return None
        return self.type_at(j)

    def type_before(self, i: int) -> _Type | None:
        k = i
        if self.norm(k - 1) == "of":  # "the city of Almaty"
            k -= 1
        if k < 1:
            return None
        gap = self.gap(k)
        for start in (k - 2, k - 1):
            found = self.type_at(start) if start >= 0 else None
            if found and found.end == k and found.before_ok:
                if self.norm(k - 1) in _ABBREVIATIONS:
                    if re.fullmatch(r"\.[ \t\u00a0]*", gap):
                        return found
                elif _inline_space(gap):
                    return found
        return None

    # -- lists ---------------------------------------------------------------------------
    def item_token(self, k: int) -> bool:
        return 0 <= k < self.count and (self.cap(k) or self.norm(k) in _NAME_PARTS)

    def item_end(self, k: int) -> int:
        """The token after a list item (capitalised words) that starts at k."""
        k += 1
        while k < self.count and self.type_at(k) is None:
            gap = self.gap(k)
            initial = len(self.words[k - 1]) == 1 and re.fullmatch(r"\.[ \t\u00a0]*", gap)
            if not (self.item_token(k) and (_inline_space(gap) or initial)):
                break
            k += 1
        return k

    def item_start(self, e: int) -> int:
        """The first token of a list item whose last token is e."""
        s = e
        while s > 0 and self.item_token(s - 1) and self.type_at(s - 1) is None:
            gap = self.gap(s)
            initial = len(self.words[s - 1]) == 1 and re.fullmatch(r"\.[ \t\u00a0]*", gap)
            if not (_inline_space(gap) or initial):
                break
            s -= 1
        return s

    def plural_after(self, j: int) -> _Type | None:
        """The plural type word closing a list that goes on at token j ("Глубокое және
        Белоусовка кенттері", "Павлодарская и Карагандинская области")."""
        k = j
        for _ in range(16):
            if k >= self.count:
                return None
            gap = self.gap(k)
            if "\n" in gap:
                return None
            if k > j and _inline_space(gap):
                found = self.type_at(k)
                if found:
                    return found if found.plural is not False else None
            if gap.strip() == ",":
                if self.norm(k) in _CONJUNCTIONS and _inline_space(self.gap(k + 1)):
                    k += 1
            elif _inline_space(gap) and self.norm(k) in _CONJUNCTIONS:
                k += 1
                if k >= self.count or not _inline_space(self.gap(k)):
                    return None
            else:
                return None
            if not self.item_token(k) or self.type_at(k):
                return None
            k = self.item_end(k)
        return None

    def plural_before(self, i: int) -> _Type | None:
        """The plural type word (Russian, English) opening a list that goes on at token i
        ("в городах Алматы, Астана и Шымкент")."""
        k = i
        for _ in range(16):
            found = self.type_before(k)
            if found:
                return found if k != i and found.plural is not False else None
            gap = self.gap(k)
            if "\n" in gap or k < 1:
                return None
            if gap.strip() == ",":
                e = k - 1
            elif _inline_space(gap) and self.norm(k - 1) in _CONJUNCTIONS:
                if self.gap(k - 1).strip() not in ("", ",") or "\n" in self.gap(k - 1):
                    return None
                e = k - 2
            else:
                return None
            if e < 0 or not self.item_token(e) or self.type_at(e):
                return None
            k = self.item_start(e)
        return None

    # -- cores ---------------------------------------------------------------------------
    def cores_at(self, i: int) -> list[tuple[int, list[_Entry], bool]]:
        """(length, entries, written as in the gazetteer) of the gazetteer cores that start at
        token i, longest first."""
        by_length: dict[int, dict[str, _Entry]] = {}
        bare: dict[int, bool] = {}
        for core in self.gaz.cores(self.keys(i)):
            length = len(core.keys)
            if i + length > self.count or not self._core_fits(core, i):
                continue
            last = kazakh.fold(self.norm(i + length - 1))
            bare[length] = bare.get(length, False) or last in core.last_words
            entries = by_length.setdefault(length, {})
            for slug, entry in core.entries.items():
                if slug not in entries or (entries[slug].typed and not entry.typed):
                    entries[slug] = entry
        return [
            (length, list(by_length[length].values()), bare[length])
            for length in sorted(by_length)[::-1]
        ]

    def _core_fits(self, core: _Core, i: int) -> bool:
        for m in range(1, len(core.keys)):
            gap = self.gap(i + m)
            initial = len(self.words[i + m - 1]) == 1
            if not (gap.isspace() and gap.count("\n") <= 1) and not (
                initial and re.fullmatch(r"\.[ \t\u00a0]*", gap)
            ):
                return False
            if not (core.keys[m] & self.keys(i + m)):
                return False
        # Cyrillic names must be capitalised; English ones match in any case (_Judge.lowercase)
        if (
            core.cap is not None
            and not self.cap(i + core.cap)
            and _CYRILLIC.search(self.words[i + core.cap])
        ):
            return False
        letters = sum(len(re.sub(r"\W", "", self.words[i + m])) for m in range(len(core.keys)))
        return letters >= 3

    def mentions(self) -> list[_Mention]:
        found: list[_Mention] = []
        i = 0
        while i < self.count:
            mention = None
            for length, entries, bare in self.cores_at(i):
                mention = self._resolve(i, i + length, entries)
                if mention:
                    mention.bare = bare
                    mention.lowercase = not any(self.cap(k) for k in range(i, i + length))
                    break
            if mention is None:
                i += 1
                continue
            found.append(mention)
            i = mention.tail if mention.source == "after" else mention.end
        return found

    def _resolve(self, i: int, j: int, entries: list[_Entry]) -> _Mention | None:
        places = self.gaz.places
        start, end = self.tokens[i].start(), self.tokens[j - 1].end()
        has_untyped = any(not entry.typed for entry in entries)
        after = self.type_after(j)
        before = self.type_before(i)
        sources = [
            ("after", lambda: after),
            ("list", lambda: None if after else self.plural_after(j)),
            ("before", lambda: before),
            ("list-before", lambda: None if before else self.plural_before(i)),
        ]
        typed_as = None
        for source, get in sources:
            found = get()
            if found is None:
                continue
            if source.startswith("list") and found.plural is None and has_untyped:
                continue  # "Павлодар и ... области": the ending may be singular
            typed_as = typed_as or found.kind
            for kind in _TYPE_KINDS[found.kind]:
                chosen = [e.slug for e in entries if places[e.slug].kind == kind]
                if not chosen:
                    continue
                span, tail, lead = (start, end), j, i
                group = (
                    ("after", found.end) if source in ("after", "list") else ("before", found.start)
                )
                if source == "after":
                    span = (start, self.tokens[found.end - 1].end())
                    tail = found.end
                elif source == "list":
                    tail = found.end
                elif source == "before":
                    span = (self.tokens[found.start].start(), end)
                    lead = found.start
                chosen.sort(key=lambda slug: (-places[slug].population, slug))
                return _Mention(i, j, span, chosen, source, tail, lead, group)
        chosen = [e.slug for e in entries if not e.typed]
        if typed_as and not any(places[slug].kind == "country" for slug in chosen):
            return None  # "Сайрам ауданы": a district the gazetteer lacks, not the village
        if not chosen:
            return None
        chosen.sort(
            key=lambda slug: (_KIND_RANK[places[slug].kind], -places[slug].population, slug)
        )
        if j - i == 1:
            weak = _is_weak_word(self.words[i])
        else:
            weak = _is_person(self.words[i]) and self.words[i + 1][:1].isupper()
        return _Mention(i, j, (start, end), chosen, None, j, i, weak=weak)


# --------------------------------------------------------------------------------------------
# Which mentions are places of the project


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _block_lines(text: str, position: int) -> list[str]:
    """The lines of the paragraph (lines without a blank line between) around position."""
    start, end = _line_bounds(text, position)
    lines = [text[start:end]]
    cursor = start
    while cursor > 0:
        previous_start, _ = _line_bounds(text, cursor - 1)
        line = text[previous_start : cursor - 1]
        if not line.strip():
            break
        lines.insert(0, line)
        cursor = previous_start
    cursor = end
    while cursor < len(text):
        _, next_end = _line_bounds(text, cursor + 1)
        line = text[cursor + 1 : next_end]
        if not line.strip():
            break
        lines.append(line)
        cursor = next_end
    return lines


def _address_marks(line: str) -> list[int]:
    """Where a line shows a postcode or a street."""
    return [m.start() for m in _POSTCODE.finditer(line)] + [
        m.start() for m in _ADDRESS.finditer(line)
    ]


def _is_person(word: str) -> bool:
    w = _norm(word)
    if not _RUSSIAN_ONLY.fullmatch(w) or not morph().word_is_known(w):
        return False
    return bool(_PERSON_TAGS & set(_parses(w)[0].tag.grammemes))


class _Judge:
    """Decides which place each mention names and whether it is a place of the project."""

    def __init__(self, reader: _Reader, mentions: list[_Mention]):
        self.r = reader
        self.gaz = reader.gaz
        self.text = reader.text
        self.mentions = mentions
        self.starts = {m.lead for m in mentions} | {m.start for m in mentions}

    def run(self) -> None:
        self.choose()
        for index, mention in enumerate(self.mentions):
            if mention.slug is None:
                continue
            mention.excluded = (
                self.lowercase(mention)
                or self.dateline(mention)
                or self.venue(mention)
                or self.address(mention)
                or self.in_parentheses(mention)
                or self.organisation(mention)
                or self.mission(mention)
                or self.in_name(mention)
                or self.qualifier(index, mention)
            )
        # The items of a list share one type word, and so one organisation: "акиматы
        # Глубоковского и Шемонаихинского районов".
        groups = {m.group for m in self.mentions if m.group and m.excluded == "organisation"}
        for mention in self.mentions:
            if mention.group in groups and not mention.excluded:
                mention.excluded = "organisation"

    # -- choosing among places of the same name -------------------------------------------
    def choose(self) -> None:
        everywhere = {slug for other in self.mentions for slug in other.candidates}
        for index, mention in enumerate(self.mentions):
            nearby = self.nearby_slugs(index)
            ranked = sorted(
                mention.candidates,
                key=lambda slug: not (set(self.gaz.ancestors(slug)) & everywhere),
            )
            for slug in ranked:
                if self.context_ok(index, mention, slug, nearby):
                    mention.slug = slug
                    break

    def nearby_slugs(self, index: int) -> set[str]:
        mention = self.mentions[index]
        slugs: set[str] = set()
        for other_index, other in enumerate(self.mentions):
            if other_index != index and abs(other.span[0] - mention.span[0]) <= NEARBY:
                slugs.update(other.candidates)
        return slugs

    def context_ok(self, index: int, mention: _Mention, slug: str, nearby: set[str]) -> bool:
        place = self.gaz.places[slug]
        if mention.typed or not (place.kind in _LOCAL_KINDS or mention.weak):
            return True
        areas = {a for a in self.gaz.ancestors(slug) if self.gaz.places[a].kind != "country"}
        if areas & nearby:
            return True
        return place.kind not in _LOCAL_KINDS and self.in_list_of_places(index)

    def in_list_of_places(self, index: int) -> bool:
        """A neighbour mention, separated only by a comma or "and", is a sure place."""
        mention = self.mentions[index]
        for other_index in (index - 1, index + 1):
            if not 0 <= other_index < len(self.mentions):
                continue
            other = self.mentions[other_index]
            first, second = (other, mention) if other_index < index else (mention, other)
            between = self.text[first.span[1] : second.span[0]]
            if not other.weak and re.fullmatch(r"\s*(,|;|\s(и|және|мен|and))\s*", between):
                return True
        return False

    # -- the rules -----------------------------------------------------------------------
    def lowercase(self, mention: _Mention) -> str | None:
        """English in small letters: only countries, cities and regions, never a word that
        is also an ordinary word ("oral")."""
        kind = self.gaz.places[mention.slug].kind
        if mention.lowercase and (mention.weak or kind not in ("country", "city", "region")):
            return "lowercase"
        return None

    def dateline(self, mention: _Mention) -> str | None:
        """ "АСТАНА – в Казахстане ...", "Алматы. 6 апреля. ...": a line opening the story."""
        start, end = mention.span
        line_start, _ = _line_bounds(self.text, start)
        prefix = self.text[line_start:start].strip(" \t*_#>")
        if (
            prefix
            and not any(  # "ALMATY, Kazakhstan –": the country after the city
                m.span[0] >= line_start
                and m.excluded == "dateline"
                and re.fullmatch(r",\s*", self.text[m.span[1] : start])
                for m in self.mentions
            )
        ):
            return None
        if len(re.sub(r"\s", "", self.text[:line_start])) > 1500:
            return None
        word = self.r.words[mention.start]
        if _DATELINE_AFTER.match(self.text, end) or (
            word.isupper() and len(word) > 3 and re.match(r"[ \t]*[,.]", self.text[end:])
        ):
            return "dateline"
        return None

    def venue(self, mention: _Mention) -> str | None:
        """Where an agreement was signed or a ceremony held ("подписал в Душанбе соглашения",
        "at the signing ceremony in Bishkek", "Астанада өткен салтанатты рәсімде"): not, by
        that mention, a place of the project."""
        start, end = mention.span
        if _VENUE_BEFORE.search(self.text, max(0, start - 90), start):
            return "venue"
        if _VENUE_AFTER.match(self.text, end):
            return "venue"
        return None

    def address(self, mention: _Mention) -> str | None:
        """A place in a postal address or in the block of lines that holds one."""
        start, end = mention.span
        line_start, line_end = _line_bounds(self.text, start)
        line = self.text[line_start:line_end]
        at = start - line_start
        if any(abs(mark - at) <= 60 for mark in _address_marks(line)):
            return "address"
        if re.match(r",?[ \t]*\d{6}\b", self.text[end:]) or re.search(
            r"\b\d{6},?[ \t]*(г\.[ \t]*)?$", self.text[line_start:start]
        ):
            return "address"  # "Bishkek 720016", "050000, г. Алматы"
        if len(line.strip()) <= 80:
            block = _block_lines(self.text, start)
            if len(block) > 1 and any(_address_marks(other) for other in block):
                return "address"
        return None

    def in_parentheses(self, mention: _Mention) -> str | None:
        """ "ОО «Эхо» (Алматы)": a place in brackets after an organisation's name."""
        start, end = mention.span
        line_start, line_end = _line_bounds(self.text, start)
        opening = self.text.rfind("(", line_start, start)
        if opening < 0 or ")" in self.text[opening:start]:
            return None
        closing = self.text.find(")", end, line_end)
        if closing < 0:
            return None
        rest = self.text[opening + 1 : closing]
        inside = [m for m in self.mentions if opening < m.span[0] and m.span[1] <= closing]
        for other in sorted(inside, key=lambda m: -m.span[0]):
            a, b = other.span[0] - opening - 1, other.span[1] - opening - 1
            rest = rest[:a] + rest[b:]
        if re.sub(r"[\s,;.–—-]|\b(г|и|және|and)\b", "", rest, flags=re.IGNORECASE):
            return None
        before = self.text[line_start:opening].rstrip()
        if not before or any(m.span[1] == line_start + len(before) for m in self.mentions):
            return None  # "в регионах Казахстана (Алматы, ...)": a place before the brackets
        if before[-1] in "»\"”“')":
            return "organisation"
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before)
        if words and (words[-1][:1].isupper() or _ORG_NOUN.match(words[-1].lower())):
            return "organisation"
        return None

    def organisation(self, mention: _Mention) -> str | None:
        """A place that names where an organisation is: Kazakh genitive before the
        organisation ("Алматы қаласының «...» қоғамдық қоры", "Нұра ауданының әкімдігі"),
        an organisation noun before it ("акимат Нуринского района"), or inside the quotes
        of an organisation's name ("ОФ «Центр развития Павлодара»")."""
        r = self.r
        last = r.norm(mention.tail - 1)
        genitive = bool(_GENITIVE.search(last))
        if genitive and re.match(r"\s*[«\"“]", self.text[self.tail_end(mention) :]):
            return "organisation"
        k = mention.tail
        if k < r.count and r.gap(k).isspace():
            following = r.norm(k)
            if _ORG_NOUN.match(following) and (
                genitive
                or following.startswith(("әкімді", "әкімші", "акимат", "маслихат"))
                or (_LATIN.search(following) and r.cap(k))
            ):
                return "organisation"
            if genitive:  # "Павлодар облысының білім басқармасы"
                for m in range(k + 1, min(k + 3, r.count)):
                    if not r.gap(m).isspace():
                        break
                    if _ORG_NOUN.match(r.norm(m)):
                        return "organisation"
        k = mention.lead - 1
        if k >= 0 and r.norm(k) == "of":
            k -= 1
        if k >= 0 and r.gap(k + 1).isspace() and _RU_ORG_BEFORE.match(r.norm(k)):
            return "organisation"
        line_start, line_end = _line_bounds(self.text, mention.span[0])
        before = self.text[line_start : mention.span[0]]
        opening = before.rfind("«")
        if opening >= 0 and "»" not in before[opening:]:
            head = before[:opening]
            closing = self.text.find("»", mention.span[1], line_end)
            after = self.text[closing + 1 : closing + 60] if closing >= 0 else ""
            after_word = re.match(r"\s*([^\W\d_]+)", after)
            head_words = re.findall(r"[^\W\d_]+", head)
            if (
                _LEGAL_FORMS.search(head)
                or (after_word and _ORG_NOUN.match(after_word.group(1).lower()))
                or (head_words and _ORG_NOUN.match(head_words[-1].lower()))
            ):
                return "organisation"
        return None

    def tail_end(self, mention: _Mention) -> int:
        return self.r.tokens[mention.tail - 1].end()

    def mission(self, mention: _Mention) -> str | None:
        """ "Делегация Европейского Союза в Казахстане", "Қазақстандағы ЕО делегациясы"."""
        r = self.r
        if r.norm(mention.lead - 1) in ("в", "во", "in", "to"):
            sentence = self.text[max(0, mention.span[0] - 120) : mention.span[0]]
            sentence = re.split(r"[.!?;:\n]\s", sentence)[-1]
            words = re.findall(r"[^\W\d_]+", sentence)[-7:-1]
            if any(_MISSION.match(word) for word in words):
                return "organisation"
        if _LOCATIVE_ATTRIBUTE.search(r.norm(mention.tail - 1)):
            for k in range(mention.tail, min(mention.tail + 3, r.count)):
                if _MISSION.match(r.norm(k)):
                    return "organisation"
        return None

    def in_name(self, mention: _Mention) -> str | None:
        """A place inside a longer proper name: "Карағанды Облыстық Экологиялық Орталығы",
        "Абай Құнанбаев", "ул. Абая", "Абай даңғылы"."""
        r = self.r
        k = mention.end
        if (
            mention.source not in ("after", "list")
            and mention.bare
            and k < r.count
            and _inline_space(r.gap(k))
            and r.cap(k)
            and r.type_at(k) is None
            and r.norm(k) not in _CONJUNCTIONS
            and k not in self.starts
            and r.norm(mention.lead - 1) not in _PREPOSITIONS
            and not (r.words[k].isupper() and r.words[k - 1].isupper())  # a heading in capitals
        ):
            return "name"
        k = mention.tail
        if k < r.count and _inline_space(r.gap(k)) and _STREET_AFTER.fullmatch(r.norm(k)):
            return "street"
        lead = mention.lead
        if lead > 0 and not mention.typed and (_inline_space(r.gap(lead)) or r.gap(lead) == ". "):
            previous = r.norm(lead - 1)
            if previous in _STREET_BEFORE or _FEATURE_BEFORE.fullmatch(previous):
                return "street"
        if mention.weak and lead > 0:
            previous, gap = r.words[lead - 1], r.gap(lead)
            if len(previous) == 1 and previous.isupper() and re.fullmatch(r"\.\s?", gap):
                return "person"
            if previous[:1].isupper() and _inline_space(gap) and _is_person(previous):
                return "person"
        return None

    def qualifier(self, index: int, mention: _Mention) -> str | None:
        """ "ШҚО: Глубокое ...", "Қарағанды облысы Нұра ауданының": an area named only to
        place what follows it; "Нура, Карагандинская область": an area after its place."""
        if self.gaz.places[mention.slug].kind not in ("region", "district", "country"):
            return None
        if index + 1 < len(self.mentions):
            following = self.mentions[index + 1]
            between = self.text[mention.span[1] : following.span[0]]
            if (
                following.slug
                and mention.slug in self.gaz.ancestors(following.slug)
                and re.fullmatch(r"\s*[:,–—(-]?\s*(the\s+)?", between)
            ):
                return "qualifier"
        if index > 0:
            previous = self.mentions[index - 1]
            between = self.text[previous.span[1] : mention.span[0]]
            if (
                previous.slug
                and mention.slug in self.gaz.ancestors(previous.slug)
                and re.fullmatch(r"[ \t]*[,(]?\s*", between)
            ):
                following = self.mentions[index + 1] if index + 1 < len(self.mentions) else None
                after = self.text[mention.span[1] : following.span[0]] if following else "."
                if not re.fullmatch(r"\s*(,|\s(и|және|and))\s*", after):
                    return "qualifier"
        return None


# --------------------------------------------------------------------------------------------


def find_places(doc: Document, gazetteer: Gazetteer | None = None) -> list[PlaceFound]:
    """The places the project works in, each once, with every mention, in order of first
    mention."""
    gazetteer = gazetteer or Gazetteer.load()
    reader = _Reader(doc.article, gazetteer)
    mentions = reader.mentions()
    _Judge(reader, mentions).run()
    evidence: dict[str, list[Evidence]] = {}
    for mention in mentions:
        if mention.slug is not None and not mention.excluded:
            evidence.setdefault(mention.slug, []).append(doc.evidence(*mention.span))
    places = gazetteer.places
    # The registry links the most specific places: a country goes when a place in it is found.
    specific = {places[slug].country_code for slug in evidence if places[slug].kind != "country"}
    return [
        gazetteer.found(slug, spans)
        for slug, spans in evidence.items()
        if places[slug].kind != "country" or places[slug].country_code not in specific
    ]


def describe(doc: Document, gazetteer: Gazetteer | None = None) -> list[tuple[str, str, str]]:
    """Every mention found, as (text, slug, why left out or ""), for debugging rules."""
    gazetteer = gazetteer or Gazetteer.load()
    reader = _Reader(doc.article, gazetteer)
    mentions = reader.mentions()
    _Judge(reader, mentions).run()
    return [
        (doc.text[m.span[0] : m.span[1]], m.slug or "?" + ",".join(m.candidates), m.excluded or "")
        for m in mentions
    ]
