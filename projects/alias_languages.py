"""An organisation's other names on a page in each language: the page's own first.

Aliases are stored without a language (the seed records list them as plain names); their
letters tell it (ingest.language: Kazakh letters, other Cyrillic, Latin). An acronym in Latin
capitals ("USAID", "EU") reads the same on every page. A Cyrillic acronym without Kazakh
letters ("ЕС") counts as Russian: its letters cannot tell.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .ingest.language import detect_language

_LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
LABELS = {
    "ru": _("in Russian"),
    "kk": _("in Kazakh"),
    "en": _("in English"),
}


@dataclass(frozen=True)
class OtherLanguage:
    language: str
    label: str
    names: list[str]


@dataclass(frozen=True)
class PageAliases:
    own: list[str]  # in the page's language, or in none
    others: list[OtherLanguage]

    def __bool__(self):
        return bool(self.own or self.others)


def alias_language(name: str) -> str | None:
    """ "ru", "kk" or "en"; None for a name that reads the same in each (a Latin acronym)."""
    if _LATIN_ACRONYM.match(name.strip()):
        return None
    return detect_language(name)


def aliases_for_page(aliases, language: str) -> PageAliases:
    """The names in the page's language and the language-neutral ones, then the others
    grouped by language, each group with its label."""
    by_language: dict[str | None, list[str]] = {}
    for alias in aliases:
        by_language.setdefault(alias_language(str(alias)), []).append(str(alias))
    own = by_language.pop(language, []) + by_language.pop(None, [])
    others = [
        OtherLanguage(code, str(LABELS[code]), by_language[code])
        for code in LABELS
        if code in by_language
    ]
    return PageAliases(own, others)
