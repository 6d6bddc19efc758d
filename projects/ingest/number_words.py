"""Numbers written in words, in Russian, Kazakh and English: "девять миллионов восемьсот тысяч",
"двухсот пятидесяти тысяч", "бес жүз мың", "two hundred and fifty thousand".

Russian numerals decline ("двухсот", "пятисот"); pymorphy3 brings each word back to its
dictionary form. Kazakh numerals before a noun do not change, and English ones never do.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from projects.ingest.morphology import morph

_RU = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
_KK = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}  # fmt: skip
_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_HUNDRED = {"hundred", "жүз"}
_SCALES = {
    "тысяча": 10**3, "миллион": 10**6, "миллиард": 10**9,  # Kazakh writes the last two alike
    "мың": 10**3,
    "thousand": 10**3, "million": 10**6, "billion": 10**9,
}  # fmt: skip
_JOINERS = {"and", "a", "с"}  # "two hundred and fifty", "and a half", "два с половиной"
_HALVES = {"половиной", "жарым", "half"}  # "два с половиной миллиона", "бір жарым", "and a half"

# A word that may be part of a number: letters and hyphens ("twenty-five").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@lru_cache(maxsize=4096)  # each word is asked for while reading the run and again to sum it
def word_value(word: str) -> int | str | None:
    """A number word's value, "hundred" or "scale:N" for the multipliers, "and" for the
    English joiner, else None."""
    lower = word.casefold().replace("ё", "е")
    if lower in _JOINERS:
        return "and"
    if lower in _HALVES:
        return "half"
    if "-" in lower:  # "twenty-five"
        tens, _, unit = lower.partition("-")
        if _EN.get(tens, 0) >= 20 and 0 < _EN.get(unit, 0) < 10:
            return _EN[tens] + _EN[unit]
        return None
    if lower in _HUNDRED:
        return "hundred"
    for table in (_EN, _KK):
        if lower in table:
            return table[lower]
    if lower in _SCALES:
        return f"scale:{_SCALES[lower]}"
    if not re.fullmatch(r"[а-я]+", lower):
        return None
    for parse in morph().parse(lower):
        normal = parse.normal_form.replace("ё", "е")
        if normal in _RU and parse.tag.POS in ("NUMR", "ADJF", None):
            return _RU[normal]
        if normal in _SCALES and parse.tag.POS == "NOUN":
            return f"scale:{_SCALES[normal]}"
    return None


def number_from_words(words: list[str]) -> Decimal | None:
    """The number the words spell, or None when they do not spell one number
    ("пять миллионов двести тысяч" -> 5200000; "тысяча" alone -> 1000)."""
    total, current, seen = Decimal(0), Decimal(0), False
    for word in words:
        value = word_value(word)
        if value is None:
            return None
        if value == "and":
            if not seen:
                return None
            continue
        if value == "half":
            if not current:
                return None
            current += Decimal("0.5")
            continue
        seen = True
        if value == "hundred":
            current = (current or 1) * 100
        elif isinstance(value, str):  # a scale: thousand, million, billion
            total += (current or 1) * int(value.removeprefix("scale:"))
            current = 0
        else:
            current += value
    if not seen:
        return None
    value = total + current
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def words_before(text: str, end: int, limit: int = 10) -> tuple[int, Decimal] | None:
    """The run of number words just before `end`, separated from it and from each other by
    spaces only, as (start, value); None when there is none."""
    window_start = max(0, end - 250)
    tokens = list(WORD.finditer(text, window_start, end))
    run: list[re.Match] = []
    boundary = end
    for token in reversed(tokens):
        if len(run) == limit or not _only_spaces(text[token.end() : boundary]):
            break
        if word_value(token.group()) is None:
            break
        run.insert(0, token)
        boundary = token.start()
    while run and word_value(run[0].group()) in ("and", "half"):
        run.pop(0)
    if not run or _NUMBER_BEFORE.search(text, max(0, run[0].start() - 20), run[0].start()):
        return None  # "5 миллионов", "полтора миллиона": the figure is read with its digits
    value = number_from_words([token.group() for token in run])
    return (run[0].start(), value) if value is not None else None


_NUMBER_BEFORE = re.compile(r"(?:\d|полтора|полторы|жарым|half\s+a)[ \t\u00a0]*$", re.IGNORECASE)


def _only_spaces(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \t\u00a0")
