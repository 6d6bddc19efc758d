"""Latin letters for Russian and Kazakh names, for slugs of records created by the importer
(slugs are ASCII and made from the name: «Эхо» -> "ekho", «Қарағанды» -> "karagandy")."""

from django.utils.text import slugify

from .ingest.words import LATIN_LETTERS


def transliterate(text: str) -> str:
    return "".join(LATIN_LETTERS.get(char, char) for char in text.casefold())


def ascii_slug(text: str, max_length: int = 80) -> str:
    slug = slugify(transliterate(text))[:max_length].strip("-")
    return slug or "untitled"
