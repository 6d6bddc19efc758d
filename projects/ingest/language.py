"""Which language a press release is written in: Russian, Kazakh or English."""

import re

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Frequent Kazakh words written without Kazakh-only letters, for texts that avoid them.
KAZAKH_WORDS = {
    "және", "мен", "бен", "пен", "үшін", "бойынша", "жоба", "жобасы", "жобаны", "облысы",
    "қаласы", "бұл", "деп", "арқылы", "жылы", "туралы", "болып", "табылады",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """ "kk" for Cyrillic text with Kazakh letters or words, "ru" for other Cyrillic text,
    "en" for Latin text."""
    cyrillic = latin = kazakh = 0
    for char in text:
        if char in KAZAKH_LETTERS:
            kazakh += 1
            cyrillic += 1
        elif "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    if cyrillic <= latin:
        return "en"
    words = [word.casefold() for word in _WORD.findall(text)]
    kazakh_words = sum(1 for word in words if word in KAZAKH_WORDS)
    if kazakh / cyrillic > 0.01 or kazakh_words >= max(3, len(words) // 50):
        return "kk"
    return "ru"
