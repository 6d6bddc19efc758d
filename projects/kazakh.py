"""Kazakh suffix rules: one table of the case, plural and possessive endings, and the two ways
the registry strips them.

A Kazakh noun is a base followed by at most a plural, a possessive and a case ending, in that
order: "жоба-лар-ы-ның" (of their projects), "Павлодар-дағы" (in Pavlodar), "құқық-тар-ы-н"
(their rights, accusative). Each ending has several written forms, chosen by the last letter
of what precedes it (a vowel, a voiced or a voiceless consonant; after the third person
possessive -ы/-і the case endings take an н: "қала-сы-нда") and by vowel harmony (back а о ұ ы,
front ә е ө ү і).

- `stems(word)`: every stem left by stripping up to four endings of the table, whatever letter
  precedes them. For looking a word up in a closed list (the gazetteer's place names), where a
  wrong stem finds nothing: "облысының" -> {"облысы", "облыс", "облысын", ...}.
- `stem(word)`: one key per word, for the search index and for comparing organisation names.
  Every case, possessive and plural form of a noun and the noun itself give the same key
  ("Павлодардағы", "Павлодарға" -> "павлодар"; "одағының", "Одақтың" -> "одақ"). An ending is
  stripped only after the letters that written form follows: "Өскеменде" is "Өскемен-де" (not
  "Өскеме-нде"), "Павлодар" keeps its "-дар". Vowel harmony is not checked: loanwords and
  names break it ("банк-тің", "педагог-тер", "Тоқаев-тың"). A base's own last letters go too
  when they read as an ending, in every form alike, so the forms still meet but the key is not
  always a word ("Алматы" -> "алмат", "аудан" -> "ауда").

Not stripped, by design:
- Derivational suffixes, which make another word: -лық/-лік/-дық/-дік/-тық/-тік ("қоғамдық"
  public, "азаматтық" civil: not "қоғам" society, "азамат" citizen), -шы/-ші (agent), -лы/-лі
  (having), -ғы/-гі ("жылғы").
- The first and second person singular possessive (-м/-ым/-ім, -ң/-ың/-ің): rare in press
  releases and not to be told from the last letters of common bases ("адам", "қоғам", "ұйым",
  "білім", "заң", "мың"); nor the dative -а/-е, which follows only them.
- The similative -дай/-дей/-тай/-тей ("сондай", "қандай", "Алтай") and -ша/-ше.

Known limits of `stem`: bases of two letters keep their endings ("ел", "елде", "елдер" are three
keys); a few forms read two ways meet another word ("маман" specialist and "мама", "теңге" and
"тең", "Қарағанды" and "қара"); rare possessives of bases that end like an ending miss their
base ("Өскемені", "мүгедегі", "Алматысы").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------------------------------------
# Letters

# "у" is not among the vowels: in Kazakh spelling it is mostly a glide, and the endings after
# it are those after a consonant ("даму-ы", "даму-ға", "даму-дың").
VOWELS = "аәеиоөұүыіэюя"
SONORANTS = "лрйуь"
NASALS = "мнң"
VOICED = "жз"
# A final б в г д is a loanword's ("мониторинг-тің", "клуб-тың"); ғ г б also stand for the
# қ к п of a base before a vowel ending ("одағ-ы" is "одақ" + -ы).
VOICELESS = "кқпстфхцчшщһбвгдғ"
CONSONANTS = SONORANTS + NASALS + VOICED + VOICELESS
POSSESSIVE = "ыі"  # the third person possessive, after which case endings take an н
# The letters Kazakh has and Russian has not, and the Russian ones people type for them.
KAZAKH_ONLY = "әғқңөұүһі"
_FOLD = str.maketrans(KAZAKH_ONLY + "ё", "агкноуухи" + "е")


def has_letters(word: str) -> bool:
    """Whether a lower-case word has a letter only Kazakh uses ("қала" has, "жоба" has not)."""
    return any(letter in KAZAKH_ONLY for letter in word)


def fold(text: str) -> str:
    """Kazakh-only letters (and ё) as the Russian ones typed for them: "Шығыс" -> "шыгыс"
    when lower-cased first."""
    return text.translate(_FOLD)


def _any(*letters: str) -> str:
    return "[" + "".join(letters) + "]"


# ---------------------------------------------------------------------------------------------
# The endings


@dataclass(frozen=True)
class Ending:
    text: str
    function: str
    # What the rest of the word ends with when this written form follows it (a regular
    # expression, checked by `stem`), or None when `stem` does not strip this form by itself.
    # `stems` strips every ending after anything.
    after: str | None


def _endings(function: str, *forms: tuple[str, str | None]) -> tuple[Ending, ...]:
    return tuple(Ending(text, function, after) for texts, after in forms for text in texts.split())


_AFTER_VOICED = _any(VOWELS, SONORANTS, NASALS, VOICED)
_NO_VELARS = str.maketrans("", "", "қкғг")

ENDINGS: tuple[Ending, ...] = (
    # Case endings
    *_endings(
        "genitive",  # жоба-ның, қоғам-ның, Павлодар-дың, Одақ-тың
        ("ның нің", _any(VOWELS, NASALS)),
        ("дың дің", _any(SONORANTS, VOICED)),
        ("тың тің", _any(VOICELESS)),
    ),
    *_endings(
        "dative",  # Павлодар-ға, кәсіпкер-ге, ақпарат-қа, жобасы-на
        ("ға ге", _AFTER_VOICED),
        ("қа ке", _any(VOICELESS)),
        ("на не", _any(POSSESSIVE)),
        ("а е", None),  # after the first/second person possessive only: жоба-м-а
    ),
    *_endings(
        "accusative",  # жоба-ны, ұйым-ды, азамат-ты, құқықтары-н
        ("ны ні", _any(VOWELS)),
        ("ды ді", _any(SONORANTS, NASALS, VOICED)),
        ("ты ті", _any(VOICELESS)),
        ("н", _any(POSSESSIVE)),
    ),
    *_endings(
        "locative",  # Павлодар-да, Өскемен-де, Шымкент-те, облысы-нда
        ("да де", _AFTER_VOICED),
        ("та те", _any(VOICELESS)),
        ("нда нде", _any(POSSESSIVE)),
    ),
    *_endings(
        "ablative",  # Павлодар-дан, адам-нан, облысы-нан, Шымкент-тен
        ("дан ден", _any(VOWELS, SONORANTS, VOICED)),
        ("нан нен", _any(NASALS, POSSESSIVE)),
        ("тан тен", _any(VOICELESS)),
    ),
    *_endings(
        "instrumental",  # жоба-мен, қоры-мен, сөз-бен, әкімдік-пен, қолдау-ы-мен
        ("мен менен", _any(VOWELS, SONORANTS, NASALS)),
        ("бен бенен", _any(VOICED, NASALS)),
        ("пен пенен", _any(VOICELESS)),
        ("ымен імен", None),  # -ы + -мен: `stem` strips them one at a time
    ),
    *_endings(
        "locative-attributive",  # Павлодар-дағы, Шымкент-тегі, ауданы-ндағы
        ("дағы дегі", _AFTER_VOICED),
        ("тағы тегі", _any(VOICELESS)),
        ("ндағы ндегі", _any(POSSESSIVE)),
    ),
    # Plural
    *_endings(
        "plural",  # жоба-лар, кәсіпкер-лер, ұйым-дар, әйел-дер, азамат-тар
        ("лар лер", _any(VOWELS, "рйу")),
        ("дар дер", _any("л", NASALS, VOICED)),
        ("тар тер", _any(VOICELESS)),
    ),
    # Possessive endings
    *_endings(
        "possessive 3rd person",  # ұйым-ы, құқығ-ы, жоба-сы, мәселе-сі
        # After a consonant, but a consonant and қ к ғ г before -ы/-і are mostly the adjective
        # suffix -ғы/-гі/-қы/-кі ("жыл-ғы", "іш-кі", "сырт-қы"), not stripped; after н, р, у
        # they are more often a loanword's ("мониторинг-і", "банк-і", "округ-і"; "бүгін-гі").
        ("ы і", _any(CONSONANTS.translate(_NO_VELARS)) + "|" + _any(VOWELS, "нру") + "[қкғг]"),
        # After ы/і only in agent nouns ("басшы-сы"); elsewhere the с is the base's and -ы the
        # ending ("облыс-ы", "жұмыс-ы", "шығыс-ы").
        ("сы сі", _any(VOWELS.replace("ы", "").replace("і", "")) + "|ш[ыі]"),
        ("ын ін", None),  # -ы + accusative -н: құқықтар-ы-н
    ),
    *_endings(
        "possessive 1st person plural",  # жоба-мыз, ел-іміз
        ("мыз міз", _any(VOWELS)),
        ("ымыз іміз", None),  # -ы + -мыз
    ),
    *_endings(
        "possessive 2nd person polite",  # жоба-ңыз, ұйым-ыңыз
        ("ңыз ңіз", _any(VOWELS)),
        ("ыңыз іңіз", None),  # -ы + -ңыз
    ),
)

SUFFIXES: tuple[str, ...] = tuple(
    sorted({ending.text for ending in ENDINGS}, key=lambda text: (-len(text), text))
)  # every written form, longest first

MIN_STEM = 3  # letters a stem keeps at least; shorter words are kept whole


def _by_last_letter(items, text_of) -> dict[str, tuple]:
    table: dict[str, tuple] = {}
    for item in items:
        last = text_of(item)[-1]
        table[last] = (*table.get(last, ()), item)
    return table


_SUFFIXES_BY_LAST = _by_last_letter(SUFFIXES, lambda text: text)
# For `stem`: (text, what precedes it), longest first.
_STEM_ENDINGS = _by_last_letter(
    [
        (ending.text, re.compile(f"(?:{ending.after})$"))
        for ending in sorted(ENDINGS, key=lambda ending: -len(ending.text))
        if ending.after
    ],
    lambda item: item[0],
)
_FINAL_ALTERNATION = {"ғ": "қ", "г": "к", "б": "п"}


# ---------------------------------------------------------------------------------------------
# Every candidate stem


@lru_cache(maxsize=100_000)
def _stems(word: str) -> frozenset[str]:
    stems: set[str] = set()
    frontier = [word]
    for _ in range(4):
        found = []
        for form in frontier:
            for suffix in _SUFFIXES_BY_LAST.get(form[-1:], ()):
                if form.endswith(suffix) and len(form) - len(suffix) >= MIN_STEM:
                    stem = form[: -len(suffix)].rstrip("-")
                    if stem not in stems:
                        stems.add(stem)
                        found.append(stem)
        if not found:
            break
        frontier = found
    return frozenset(stems)


def stems(word: str) -> set[str]:
    """Every stem of three letters or more left by stripping up to four endings of the table
    from a lower-cased word, whatever precedes them ("облысының" -> "облысы", "облыс", ...)."""
    return set(_stems(word))


# ---------------------------------------------------------------------------------------------
# One key per word


@lru_cache(maxsize=10_000)
def only_endings(text: str) -> bool:
    """Whether a lower-cased text is one or more endings of the table and nothing else ("ның",
    "лардың"): what Kazakh writes after a hyphen behind an abbreviation or a number."""
    return bool(text) and any(
        text == suffix or (text.endswith(suffix) and only_endings(text[: -len(suffix)]))
        for suffix in SUFFIXES
    )


def _strip_one(word: str) -> str | None:
    """The word without its last ending (the longest its letters allow), or None."""
    last_part = word.rsplit("-", 1)[-1]
    for text, after in _STEM_ENDINGS.get(word[-1], ()):
        if word.endswith(text) and len(last_part) - len(text) >= MIN_STEM:
            rest = word[: -len(text)]
            if after.search(rest):
                return rest
    # "-ны" after a vowel and "-ы" after н read alike ("жоба-ны", "аудан-ы"), and so do "-сы"
    # after a vowel and "-ы" after с ("жоба-сы", "кеңес-і"). The longest reading wins ("ауда-ны",
    # "кеңе-сі"), so the base's own н or с after a vowel is dropped as well ("аудан" -> "ауда",
    # "кеңес" -> "кеңе") and both readings give one key. Not the с after ы/і: see "-сы" above.
    dropped = word[-1] == "н" or (word[-1] == "с" and word[-2] not in POSSESSIVE)
    if dropped and word[-2] in VOWELS and len(last_part) > MIN_STEM:
        return word[:-1]
    return None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The one key of all the case, possessive and plural forms of a word: "Павлодардағы",
    "Павлодарға" and "Павлодар" -> "павлодар"; "құқығы", "құқықтарының", "құқық" -> "құқық".

    Endings are stripped, longest first, for as long as what precedes them allows (see the
    module's docstring), leaving at least three letters; a word of three letters or fewer
    ("ео", "ақш") comes back whole. Endings after a hyphen go with it ("ЕО-ның" -> "ео",
    "300-ден" -> "300"). A final ғ, г or б becomes қ, к or п, the form the base has before a
    consonant and at the end ("одағ-ы" -> "одақ"). Case is folded and ё read as е; a word in
    another script comes back as it is.
    """
    word = word.lower().replace("ё", "е")
    head, hyphen, tail = word.rpartition("-")
    if hyphen and head and only_endings(tail):
        word = head
    if len(word) <= MIN_STEM:
        return word
    while (shorter := _strip_one(word)) is not None:
        word = shorter
    if word[-1] in _FINAL_ALTERNATION:
        word = word[:-1] + _FINAL_ALTERNATION[word[-1]]
    return word
