"""Latin letters for Russian and Kazakh names, for slugs of records created by the importer
(slugs are ASCII and made from the name: «Эхо» -> "ekho", «Қарағанды» -> "karagandy")."""

from django.utils.text import slugify

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip


def transliterate(text: str) -> str:
    return "".join(_LETTERS.get(char, char) for char in text.casefold())


def ascii_slug(text: str, max_length: int = 80) -> str:
    slug = slugify(transliterate(text))[:max_length].strip("-")
    return slug or "untitled"
