"""Legal forms and organisation keys: how a name is reduced for comparison ("ОО «Эхо»",
"НПО «Эхо»" and "оо \"эхо\"" are one organisation), for the extractor and the importer.
"""

from __future__ import annotations

import re

from projects.ingest.words import (
    UPPER,
    WORD_RE,
    has_kazakh,
    strip_kazakh_instrumental,
    strip_parentheses,
    word_key,
)

LEGAL_ABBREVIATIONS = {
    "ОО", "ОФ", "НПО", "НКО", "ОЮЛ", "ТОО", "АО", "ЧУ", "РОО", "МОО", "РОФ", "МОФ", "КФ", "ЧФ",
    "ОБ", "НУО", "ҚҚ", "ҚБ", "ЖШС", "АҚ", "МҚ", "ҮЕҰ", "КЕАҚ", "КЕ", "PF", "PA", "NGO", "LLP",
    "PU", "CF",
    "OO", "OF", "ANO", "АНО", "ННО", "ГУ", "КГУ", "РГУ", "РГП", "ГККП", "ПК",
}  # fmt: skip

# legal forms written out: dropped from keys
LEGAL_PHRASES = re.compile(
    r"\b(?:обществен\w*\s+(?:объединени\w*|фонд\w*|организаци\w*)|"
    r"(?:негосударственн\w*\s+)?некоммерческ\w*\s+(?:организаци\w*|учреждени\w*)|"
    r"неправительственн\w*\s+организаци\w*|"
    r"корпоративн\w*\s+фонд\w*|частн\w*\s+(?:учреждени\w*|фонд\w*)|"
    r"объединени\w*\s+юридических\s+лиц|"
    r"қоғамдық\s+(?:қор\w*|бірлест\w*|ұйым\w*)|корпоративтік\s+қор\w*|"
    r"public\s+(?:foundation|association|fund|union)|non-?governmental\s+organi[sz]ation|"
    r"non-?profit\s+organi[sz]ation)",
    re.IGNORECASE,
)

# words that head an organisation's name (lowercase forms are allowed to start a name)
ORG_HEADS_RU = (
    "обществен", "фонд", "центр", "институт", "ассоциаци", "бюро", "союз", "объединени",
    "организаци", "агентств", "акимат", "министерств", "управлени", "департамент", "комитет",
    "маслихат", "посольств", "представительств", "делегаци", "программ", "коалици", "сеть",
    "клуб", "лиг", "палат", "университет", "академи", "школ", "колледж", "инициатив",
    "партнерств", "альянс", "движени", "служб", "пресс-служб", "офис", "отдел", "совет",
    "комиссия", "комисси", "учреждени", "компани", "федераци", "конфедераци", "корпораци",
    "некоммерческ", "неправительственн", "общество", "благотворительн", "правозащитн",
    "хокимият", "негосударствен", "аппарат", "мэри", "хукумат", "больниц", "поликлиник",
    "техникум", "лице", "гимнази", "библиотек", "музе", "радиостанци", "редакци",
    "интернет-издани", "телеканал",
)  # fmt: skip
ORG_HEADS_KK = (
    "қоры", "қор", "қоғамдық", "бірлестіг", "альянс", "ассоциация", "орталығ", "орталық",
    "институт",
    "бюро", "одағ", "одақ", "ұйым", "әкімдіг", "әкімдік", "министрліг", "басқарма", "департамент",
    "комитет", "мәслихат", "елшіліг", "өкілдіг", "делегация", "агенттіг", "қауымдастығ",
    "желі", "коалиция", "бастама", "серіктестіг", "университет", "академия", "кеңес",
    "бөлім", "аурухана", "емхана", "мектеб", "мектеп", "колледж", "кітапхана", "палата",
)  # fmt: skip
ORG_HEADS_EN = (
    "foundation", "fund", "centre", "center", "institute", "association", "bureau", "union",
    "organisation", "organization", "agency", "initiative", "partnership", "coalition",
    "network", "alliance", "council", "committee", "ministry", "akimat", "embassy", "office",
    "delegation", "programme", "program", "society", "league", "club", "university", "academy",
    "chamber", "trust", "mission", "commission", "forum", "movement", "group", "service",
    "department", "administration", "hokimiyat", "school", "hospital", "clinic", "library",
    "museum", "college", "cooperative", "lab", "laboratory",
)  # fmt: skip

ENGLISH_HEAD = re.compile(rf"\b(?:{'|'.join(ORG_HEADS_EN)})", re.IGNORECASE)
_KEY_DROP = {"the", "of", "for", "and", "по", "и", "в", "на", "для", "және", "жөніндегі"}


def _legal_free(name: str) -> str:
    text = strip_parentheses(name)
    text = LEGAL_PHRASES.sub(" ", text)
    words = [w for w in WORD_RE.findall(text) if w.upper() not in LEGAL_ABBREVIATIONS]
    return " ".join(words)


def org_key(name: str) -> str:
    """Comparison key: casefold, no quotes, no legal form, no notes, lemmas/stems."""
    words = WORD_RE.findall(_legal_free(name))
    keys = [word_key(strip_kazakh_instrumental(w) if has_kazakh(w) else w) for w in words]
    keys = [k.replace("ё", "е") for k in keys if k and k not in _KEY_DROP]
    if not keys:  # a name that is only a legal form
        keys = [w.lower() for w in WORD_RE.findall(name)]
    return " ".join(keys)


def initials(name: str) -> str:
    words = [w for w in WORD_RE.findall(_legal_free(name)) if w.lower() not in _KEY_DROP]
    return "".join(w[0] for w in words).casefold()


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(rf"[{UPPER}]{{2,8}}", text))
