"""Lists in the order of each language's alphabet: Kazakh «Ақтау, Әділет, Қазақстан, Өскемен,
Түркістан, Ұлытау, Үржар, Ізенді», Russian with Ё beside Е, English A-Z.

PostgreSQL sorts with ICU's collations (`kk-x-icu`, `ru-x-icu`, `en-x-icu`, CLDR's rules for
each language), and the title order has an index in that collation. SQLite knows no ICU, so the
registry registers collations of the same names whose order comes from `sort_key`, and Python
sorts (facets, the place tree, the map) use `sort_key` too. Its tables were read from ICU 72's
collations; test_collation.py compares it with PostgreSQL's order on every name in the seeds
and the gazetteer, so the two paths cannot drift apart unnoticed.
"""

import functools
import unicodedata

from django.db.backends.signals import connection_created
from django.db.models.functions import Collate
from django.utils import translation

COLLATIONS = {"ru": "ru-x-icu", "kk": "kk-x-icu", "en": "en-x-icu"}

# Each group holds letters that differ at the secondary level only (Russian «е» and «ё»,
# «г» and Ukrainian «ґ»); groups are in ICU's primary order. Spaces and punctuation come
# before digits, and digits before letters, as in ICU's default ("non-ignorable").
_PUNCTUATION = " _ - – — , ; : ! ? . ' \" “ ” „ « » ( ) [ ] { } @ * / \\ & # % ` ^ + < = > | ~ $"
_DIGITS = "0 1 2 3 4 5 6 7 8 9"
_LATIN = "a b c d e f g h ʻ i ı j k l m n o p q r s t u v w x y z ʼ"
_CYRILLIC = {
    # Kazakh: Ё is a letter of its own after Е; Ұ before Ү; І after Ы.
    "kk": "а ә б в гґ ғ д е ё є ж җ з иӣ й к қ л м н ң о ө п р с ҫ т уўӯ ұ ү ф х ҳ һ ц ч ҷ "
    "ш щ ъ ы ії ь э ю я",
    # Russian (and English): Ё sorts as Е; other Cyrillic letters beside their base letters.
    "ru": "а ә б в гґ ғ д её є ж җ з иӣ ії й к қ л м н ң о ө п р с ҫ т уўӯ ү ұ ф х ҳ һ ц ч ҷ "
    "ш щ ъ ы ь э ю я",
}
_SCRIPT_ORDER = {
    "kk": (_PUNCTUATION, _DIGITS, _CYRILLIC["kk"], _LATIN),
    "ru": (_PUNCTUATION, _DIGITS, _CYRILLIC["ru"], _LATIN),
    "en": (_PUNCTUATION, _DIGITS, _LATIN, _CYRILLIC["ru"]),
}
# ICU reads these as more than one letter.
_EXPANSIONS = {"№": "no", "ß": "ss", "æ": "ae", "œ": "oe"}
_UNKNOWN = 10_000  # characters outside the tables sort after them, in code-point order


def _weights(groups: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """{character: (primary, secondary)} from the groups in order."""
    table = {}
    primary = 0
    for part in groups:
        for group in part.split(" ") if part != _PUNCTUATION else _punctuation_groups():
            primary += 1
            for secondary, character in enumerate(group):
                table[character] = (primary, secondary)
    return table


def _punctuation_groups() -> list[str]:
    # The space is a group of its own, so it cannot be split on.
    return [" ", *_PUNCTUATION[2:].split(" ")]


_TABLES = {language: _weights(groups) for language, groups in _SCRIPT_ORDER.items()}


def sort_key(text: str, language: str | None = None) -> tuple:
    """A key that orders strings as ICU's collation for `language` (the active language by
    default) does: letters first, then accents, then lower case before upper case."""
    language = language or translation.get_language() or "en"
    return _remembered_key(language if language in _TABLES else "en", text)


# The same names (donors, places, organisations) are sorted on page after page; a key costs
# tens of microseconds to build, and a search's facets sort hundreds of them.
@functools.lru_cache(maxsize=20_000)
def _remembered_key(language: str, text: str) -> tuple:
    return _key(_TABLES[language], text)


def _key(table: dict, text: str) -> tuple:
    primaries, secondaries, tertiaries = [], [], []
    for character in unicodedata.normalize("NFC", text):
        lower = character.lower()
        case = 0 if character == lower else 1
        expansion = _EXPANSIONS.get(lower)
        for letter in expansion or lower:
            primary, secondary = _weigh(table, letter)
            primaries.append(primary)
            secondaries.append(secondary)
            # "Strasse" before "Straße", "No" before "№": the expanded form comes second.
            tertiaries.append(case + 2 if expansion else case)
    return tuple(primaries), tuple(secondaries), tuple(tertiaries), text


def _weigh(table: dict, letter: str) -> tuple[int, tuple]:
    if letter.isspace():
        letter = " "
    found = table.get(letter)
    if found is not None:
        return found[0], (found[1],)
    base, *marks = unicodedata.normalize("NFD", letter)
    found = table.get(base)
    if found is not None and marks:
        return found[0], (found[1], *map(ord, marks))
    return _UNKNOWN + ord(letter), (0,)


def collated(expression, language: str | None = None) -> Collate:
    """`expression` in the language's collation, for order_by on either database."""
    language = language or translation.get_language()
    return Collate(expression, COLLATIONS.get(language, COLLATIONS["en"]))


def _compare(language: str, first: str, second: str) -> int:
    a, b = _remembered_key(language, first), _remembered_key(language, second)
    return (a > b) - (a < b)


def register_sqlite_collations(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        for language, name in COLLATIONS.items():
            compare = functools.partial(_compare, language)
            connection.connection.create_collation(name, compare)


def install():
    """Called once at start-up (ProjectsConfig.ready)."""
    connection_created.connect(register_sqlite_collations, dispatch_uid="registry-collations")
