"""Country names in the page's language, from the ISO 3166 translations that pycountry ships
(the iso-codes project's catalogues), not typed by hand: "KZ" -> "Қазақстан", "Казахстан",
"Kazakhstan"."""

import functools
import gettext

import pycountry
from django.utils import translation


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in `language` (default: the active one); the code itself for a code
    ISO 3166 does not know, the English name where the language has no catalogue."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return code or ""
    language = (language or translation.get_language() or "en").split("-")[0]
    return _catalogue(language).gettext(country.name)


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except FileNotFoundError:
        return gettext.NullTranslations()
