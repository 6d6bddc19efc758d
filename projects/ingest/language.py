"""Which language a press release is written in: Russian, Kazakh or English.

Read from the article (segment.article_mask: the page's noise blanked), so an address line, a
site menu or a list of other news cannot decide it. Latin against Cyrillic letters tells English;
between Kazakh and Russian, the little words each language cannot write without decide: a
Russian release names Kazakh places and organisations (letters ә, қ, ұ...), a Kazakh one
quotes Russian names, but neither writes the other's conjunctions and postpositions.
"""

import re

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Frequent Kazakh function words and forms; none is a Russian word.
KAZAKH_WORDS = {
    "және", "мен", "бен", "пен", "үшін", "бойынша", "жоба", "жобасы", "жобаны", "облысы",
    "қаласы", "бұл", "деп", "арқылы", "жылы", "туралы", "болып", "табылады", "жылғы", "бастап",
    "дейін", "сондай-ақ", "шеңберінде", "ретінде", "тарапынан", "бірге", "осы", "оның", "олар",
    "еді", "болды", "жатыр", "жоқ", "алды", "берді", "атты", "кезінде", "қатысты",
}  # fmt: skip
# Frequent Russian function words; none is a Kazakh word.
RUSSIAN_WORDS = {
    "и", "в", "во", "на", "с", "со", "по", "для", "что", "это", "от", "из", "к", "о", "об",
    "при", "также", "который", "которая", "которые", "года", "году", "не", "как", "будет",
    "был", "была", "были", "его", "их", "этого", "этом", "она",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def detect_language(text: str) -> str:
    """ "en" for Latin text, else "kk" or "ru" by their function words (by Kazakh letters
    when the text has too few words to tell)."""
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
    russian_words = sum(1 for word in words if word in RUSSIAN_WORDS)
    if kazakh_words + russian_words >= 3:
        return "kk" if kazakh_words > russian_words else "ru"
    return "kk" if kazakh / cyrillic > 0.01 or kazakh_words else "ru"
