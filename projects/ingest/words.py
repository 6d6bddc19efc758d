"""The word core of the extractor: letters, quotes, tidying, and the forms of Russian and
Kazakh words (pymorphy3 lemmas, Kazakh suffix rules from projects.kazakh), shared by the
readers of organisations, donors, contacts and places.
"""

from __future__ import annotations

import re
from functools import lru_cache

from projects import kazakh
from projects.ingest.morphology import morph

KK_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
LETTER = UPPER + LOWER

WORD_RE = re.compile(rf"[{LETTER}0-9]+(?:[-‐'’][{LETTER}0-9]+)*")


def has_kazakh(text: str) -> bool:
    return any(ch in KK_LETTERS for ch in text)


def is_latin(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&.'’-]+", word))


def _quote_kind(text: str, i: int) -> str | None:
    ch = text[i]
    if ch in "«„":
        return "open"
    if ch == "»":
        return "close"
    if ch not in '"“”':
        return None
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev_open = prev.isspace() or prev in '([{«„“-–—/:;*"' or i == 0
    next_space = nxt.isspace() or nxt in ".,;:!?)]}»”*"
    if ch == "“":
        return "close" if (not prev_open and next_space) else "open"
    if ch == "”":
        return "open" if (prev_open and not next_space) else "close"
    return "open" if (prev_open and not nxt.isspace()) else "close"


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level quoted segments (quote characters included); nested quotes are inside them.

    A quotation never crosses a blank line and is at most 300 characters long.
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    i = 0
    while i < len(text):
        if text[i] == "\n" and _BLANK_LINE.match(text, i):
            stack.clear()
        kind = _quote_kind(text, i)
        if kind == "open":
            stack.append(i)
        elif kind == "close" and stack:
            start = stack.pop()
            if not stack and i + 1 - start <= 300:
                spans.append((start, i + 1))
        i += 1
    return spans


def quoted_core(name: str) -> str | None:
    """The words inside a name's outermost quotes, case-folded ("фонд «Адал»" and "Фонду
    «Адал»" give "адал"), or None when the name quotes nothing."""
    for start, end in quote_spans(name):
        core = " ".join(WORD_RE.findall(name[start + 1 : end - 1])).casefold()
        if core:
            return core
    return None


def mask_quotes(text: str) -> str:
    """The text with quoted segments and parentheses replaced by placeholders of equal length,
    so separators inside them are not seen."""
    chars = list(text)
    for start, end in quote_spans(text):
        for k in range(start + 1, end - 1):
            chars[k] = "_" if chars[k] != "\n" else "\n"
    depth = 0
    for k, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth and chars[k] != "\n":
            chars[k] = "_"
    return "".join(chars)


def strip_parentheses(text: str) -> str:
    """Remove parenthesised notes, "(Алматы)", outside quotes."""
    out = text
    for _ in range(3):
        new = re.sub(r"\s*\([^()]*\)", "", out)
        if new == out:
            break
        out = new
    out = re.sub(r"\s*\([^()]*$", "", out)  # a note cut off by the end of the span
    return out.strip()


def tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_EDGE_PUNCT = " \t\n\r,.;:!?-–—•*·_/\\|[]{}<>'"


def strip_edges(text: str) -> str:
    """Surrounding punctuation off; quotes and brackets only when unbalanced."""
    text = text.strip(_EDGE_PUNCT)
    for _ in range(3):
        changed = False
        if text.endswith(")") and text.count("(") < text.count(")"):
            text, changed = text[:-1].rstrip(_EDGE_PUNCT), True
        if text.startswith("(") and text.count("(") > text.count(")"):
            text, changed = text[1:].lstrip(_EDGE_PUNCT), True
        opens = text.count("«") - text.count("»")
        if opens > 0 and text.startswith("«"):
            text, changed = text[1:].lstrip(), True
        elif opens < 0 and text.endswith("»"):
            text, changed = text[:-1].rstrip(), True
        if text.count('"') % 2 == 1:
            if text.startswith('"'):
                text, changed = text[1:].lstrip(), True
            elif text.endswith('"'):
                text, changed = text[:-1].rstrip(), True
        if not changed:
            break
    return text.strip(_EDGE_PUNCT.replace("-", ""))


# ---------------------------------------------------------------------------------------------
# Morphology
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=50000)
def parses(word: str) -> tuple:
    return tuple(morph().parse(word.lower()))


def match_case(original: str, new: str) -> str:
    if "ё" not in original.lower():
        new = new.replace("ё", "е").replace("Ё", "Е")
    if len(original) > 1 and original.isupper():
        return new.upper()
    if original[:1].isupper():
        parts = new.split("-")
        orig_parts = original.split("-")
        if len(parts) == len(orig_parts):
            return "-".join(
                p[:1].upper() + p[1:] if o[:1].isupper() else p
                for p, o in zip(parts, orig_parts, strict=True)
            )
        return new[:1].upper() + new[1:]
    return new


@lru_cache(maxsize=50000)
def ru_lemma(word: str) -> str:
    """Dictionary form of a Russian word, preferring noun and adjective readings."""
    lower = word.lower()
    candidates = parses(lower)
    if not candidates:
        return lower
    for parse in candidates:
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return parse.normal_form.replace("ё", "е")
    return candidates[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=50000)
def kazakh_stem(word: str) -> str:
    """A Kazakh word without its case, possessive and plural endings (a key, not a word):
    `kazakh.stem`, after a short word's hyphenated tail is cut ("ҮЕҰ-лар" -> "үеұ")."""
    word = re.sub(r"^([a-zа-яёәғқңөұүһі]{2,6})-[а-яәғқңөұүһі]{1,5}$", r"\1", word.lower())
    return kazakh.stem(word)


def word_key(word: str) -> str:
    """The comparison key of one word: Latin lowercased, acronyms kept, Kazakh stemmed,
    Russian lemmatised."""
    word = word.strip(".'’\"«»“”„")
    if not word:
        return ""
    if is_latin(word):
        return word.lower().replace(".", "").replace("’", "'")
    acronym = re.fullmatch(rf"([{UPPER}]{{2,7}})(?:-[{LOWER}]{{1,5}})?", word)
    if acronym:
        return acronym.group(1).lower()
    if has_kazakh(word):
        return kazakh_stem(word)
    if "-" in word:
        return "-".join(ru_lemma(part) if part else part for part in word.split("-"))
    return ru_lemma(word)


def kazakh_head_nominative(word: str) -> str:
    """A Kazakh name's head noun without its case ending: "қорының", "қорына" -> "қоры",
    "бірлестігіне" -> "бірлестігі", "орталығын" -> "орталығы", "ЖШС-мен" -> "ЖШС"."""
    word = strip_kazakh_instrumental(word)
    match = re.fullmatch(r"(.{2,}?[ыі])(?:ның|нің|на|не|нан|нен|нда|нде|н)", word)
    if match and has_kazakh(word) or match and len(match.group(1)) >= 5:
        return match.group(1)
    match = re.fullmatch(
        rf"([{UPPER}]{{2,7}})-(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|"
        r"нан|нен|дан|ден|тан|тен|да|де|та|те)",
        word,
    )
    return match.group(1) if match else word


_KK_PLURAL_POSSESSIVE = re.compile(r"(?<=[а-яәғқңөұүһі]{3})(?:лар|лер|дар|дер|тар|тер)[ыі]$")
_KK_BACK_VOWELS, _KK_VOWELS = set("аоұыяу"), set("аоұыяуәөүіеиэю")
_KK_VOICED = {"к": "г", "қ": "ғ", "п": "б"}


def kazakh_singular_possessive(word: str) -> str | None:
    """The one of a Kazakh plural possessive: "әкімдіктері" -> "әкімдігі", "бөлімдері" ->
    "бөлімі", "басқармалары" -> "басқармасы", "орталықтары" -> "орталығы"; None for a word
    that is not one."""
    match = _KK_PLURAL_POSSESSIVE.search(word)
    if not match:
        return None
    stem = word[: match.start()]
    vowels = [letter for letter in stem.lower() if letter in _KK_VOWELS]
    back = bool(vowels) and vowels[-1] in _KK_BACK_VOWELS
    if stem[-1].lower() in _KK_VOWELS:
        return stem + ("сы" if back else "сі")
    return stem[:-1] + _KK_VOICED.get(stem[-1], stem[-1]) + ("ы" if back else "і")


def strip_kazakh_instrumental(word: str) -> str:
    """ "институтымен" -> "институты", "делегациясымен" -> "делегациясы", "ЕО-мен" -> "ЕО"."""
    match = re.fullmatch(r"(.+?[ыі])мен", word)
    if match and len(match.group(1)) >= 3:
        return match.group(1)
    match = re.fullmatch(r"(.{2,}?)-?(?:мен|бен|пен)", word)
    if match and (has_kazakh(word) or re.fullmatch(rf"[{UPPER}]{{2,7}}", match.group(1))):
        return match.group(1)
    return word


# ---------------------------------------------------------------------------------------------
# Russian nominative
# ---------------------------------------------------------------------------------------------

_CYR_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def unquoted(name: str) -> str:
    """The name without its quoted parts: the words whose language and case decide its form
    (a Kazakh proper name in quotes does not make "объединению «Жаңа қадам»" Kazakh)."""
    pieces, position = [], 0
    for start, end in quote_spans(name):
        pieces.append(name[position:start])
        position = end
    return "".join(pieces) + name[position:]


def is_kazakh_name(words_of_name: str) -> bool:
    """Kazakh by its leading words or most of its words: "управлением внутренней политики
    области Ұлытау" is Russian, with a Kazakh place name at the end."""
    words = words_of_name.split()
    kazakh = [has_kazakh(word) for word in words]
    return any(kazakh[:2]) or sum(kazakh) * 2 >= len(words) > 0


_PLACE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]+(?:ск|цк)(?:им|ой|ого|ому|ом|ую|ая|ий|ое|ие|их|ими)")


def _place_adjective_nominative(word: str, gender: str | None, number: str | None) -> str | None:
    """ "Аксуским" before a masculine noun -> "Аксуский"; None for a word of another shape."""
    match = re.fullmatch(r"([А-ЯЁ][а-яё]+(?:ск|цк))[а-яё]+", word)
    if not match or not _PLACE_ADJECTIVE.fullmatch(word):
        return None
    ending = "ие" if number == "plur" else {"femn": "ая", "neut": "ое"}.get(gender or "", "ий")
    return match.group(1) + ending


def nominative_head(name: str, case: str | None = None) -> str:
    """Bring the leading adjectives and head noun of a Russian name to the nominative.

    `case` is the case the context expects ("ablt" after "в партнерстве с"); None lets the head
    noun decide (a name with a nominative reading is left alone).
    """
    if not name or is_kazakh_name(unquoted(name)):
        return name  # a Kazakh name; a Kazakh proper name in quotes does not make one
    prefix = ""
    body = name
    if body[:1] in '«“"„':
        prefix, body = body[:1], body[1:]
    words: list[re.Match] = []
    pos = 0
    for match in _CYR_WORD.finditer(body):
        if body[pos : match.start()].strip() or len(words) >= 6:
            break
        words.append(match)
        pos = match.end()
    if not words:
        return name
    if words[0].group().isupper() and len(words[0].group()) > 1:
        return name  # a legal-form abbreviation or an acronym: nothing declines
    analysed = [parses(w.group()) for w in words]
    head_index = None
    for index, options in enumerate(analysed):
        nouns = [p for p in options if p.tag.POS == "NOUN"]
        adjectives = [p for p in options if p.tag.POS in ("ADJF", "PRTF")]
        if _PLACE_ADJECTIVE.fullmatch(words[index].group()) and index + 1 < len(words):
            continue  # "Аксуским колледжем": an adjective of a place the dictionary lacks
        if nouns and (not adjectives or nouns[0].score >= adjectives[0].score or index > 0):
            if adjectives and index == 0 and len(words) > 1:
                # "Общественным" can only be an adjective here if the next word is a noun
                nxt = analysed[1]
                if any(p.tag.POS == "NOUN" for p in nxt) and not any(
                    p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in nouns
                ):
                    continue
            head_index = index
            break
        if not adjectives:
            return name
    if head_index is None:
        return name
    head_options = [p for p in analysed[head_index] if p.tag.POS == "NOUN"]
    chosen_case = None
    if case and any(p.tag.case == case for p in head_options):
        chosen_case = case
    elif any(p.tag.case == "nomn" for p in head_options):
        return name
    else:
        chosen_case = max(head_options, key=lambda p: p.score).tag.case
    if chosen_case == "nomn":
        return name
    head = next(p for p in head_options if p.tag.case == chosen_case)
    gender, number = head.tag.gender, head.tag.number
    replacements: list[tuple[re.Match, str]] = []
    for index in range(head_index):
        options = [
            p
            for p in analysed[index]
            if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == chosen_case
        ]
        agreeing = [
            p
            for p in options
            if (number == "plur" and p.tag.number == "plur")
            or (number != "plur" and p.tag.gender in (gender, None) and p.tag.number != "plur")
        ]
        if not agreeing:
            guessed = _place_adjective_nominative(words[index].group(), gender, number)
            if guessed is None:
                return name
            replacements.append((words[index], guessed))
            continue
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", gender or "masc", "sing"}
        inflected = agreeing[0].inflect(grammemes) or agreeing[0].inflect({"nomn"})
        if inflected is None:
            return name
        replacements.append((words[index], match_case(words[index].group(), inflected.word)))
    inflected_head = head.inflect({"nomn"})
    if inflected_head is None:
        return name
    replacements.append(
        (words[head_index], match_case(words[head_index].group(), inflected_head.word))
    )
    out = body
    for match, new in reversed(replacements):
        out = out[: match.start()] + new + out[match.end() :]
    return prefix + out


# Latin letters for Russian and Kazakh ones (slugs, romanised place names).
LATIN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip
