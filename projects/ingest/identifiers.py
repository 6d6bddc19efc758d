"""The project's contract or grant number ("CSO-LA/2016/382-029", "AID-115-A-13-00001").

A number after a label ("Келісім-шарт нөмірі", "Contract No.", "Договор №") is taken first;
without a label only the shapes the EU and USAID give their contracts are trusted, so phone
numbers, postcodes and dates are never mistaken for one.
"""

from __future__ import annotations

import re

from projects.ingest.result import Document, ValueFound
from projects.ingest.sentences import sentence_span

_I = re.IGNORECASE

# EU: "CSO-LA/2016/382-029", "DCI-NSAPVD/2013/330-123", "ENI/2018/400-123", "IcSP/2017/388-123".
_EU = r"[A-Za-z]{2,}(?:-[A-Za-z]{2,})*/(?:19|20)\d\d/\d{3}-\d{3}"
# USAID: "AID-115-A-13-00001", "AID-OAA-A-12-00001", "72011519CA00003", "72011520FA00001".
_USAID = (
    r"AID-(?:\d{3}|[A-Z]{3})-[A-Z]{1,3}-\d{2}-\d{5}(?:-\d{2})?"
    r"|72\d{6}(?:CA|C|LA|IO|FA|GR|RFA)\d{5}"
)
# ADB: "TA 10547-UZB", "Loan 3456-KAZ", "Grant 0789-KGZ"; World Bank trust funds: "TF0C5183".
_BANKS = r"(?:TA|Loan|Grant)\s\d{4,5}-[A-Z]{3}|TF0[A-Z0-9]{5}"
_STRONG = re.compile(rf"(?<![\w/-])(?:{_EU}|{_USAID}|{_BANKS})(?![\w/])")

_LABEL_WORD = (
    r"контракт\w*|договор\w*|грант\w*|соглашени\w*|келісім(?:-?шарт)?\w*|contract|agreement"
    r"|award|grant"
)
_MARKER = r"№|#|No\b\.?|Nr\b\.?|number|номер|нөмірі|нөмір"
_ID_CHARS = r"A-Za-zА-Яа-яЁёӘҒҚҢӨҰҮҺІәғқңөұүһі0-9"
_IDENTIFIER = rf"(?P<id>[{_ID_CHARS}][{_ID_CHARS}/\-.]*\d[{_ID_CHARS}/\-.]*)"
_LABELLED = (
    # "Contract No. X", "Договор о предоставлении гранта № X", "Келісім-шарт нөмірі\nX"
    re.compile(
        rf"(?<!\w)(?:{_LABEL_WORD})(?:[ \t]+[^\s\d№#:]+){{0,3}}?[ \t]*(?:{_MARKER})"
        rf"[ \t]*:?\s*{_IDENTIFIER}",
        _I,
    ),
    # "№ договора: X", "Номер контракта – X"
    re.compile(
        rf"(?<!\w)(?:{_MARKER})[ \t]+(?:{_LABEL_WORD})[ \t]*[:–—-]?\s*{_IDENTIFIER}",
        _I,
    ),
    # "Контракт: X" with no marker: only an identifier-like token (letters, digits and / or -)
    re.compile(rf"(?<!\w)(?:{_LABEL_WORD})[ \t]*:\s*{_IDENTIFIER}", _I),
)
# "Грант шартына 2022 жылғы 27 мамырда қол қойылған (№ 2022-МГ-0147)": a number marked "№" in
# a sentence about the contract, letters and digits joined by "-" or "/".
_MARKED_IN_SENTENCE = re.compile(rf"(?<!\w)№[ \t]*{_IDENTIFIER}")
_SENTENCE_LABEL = re.compile(rf"(?:{_LABEL_WORD}|шарт\w*)", _I)
_JOINED = re.compile(r"[^\W\d].*[-/]|[-/].*[^\W\d]")  # letters and digits joined by - or /
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?")
_ID_LIKE = re.compile(r"[A-Za-zА-Яа-яЁё]+.*\d|\d.*[/-].*\d")


def find_contract_number(doc: Document) -> ValueFound | None:
    """The contract / grant agreement number, after a label or in an EU / USAID shape."""
    text = doc.article
    for index, rx in enumerate(_LABELLED):
        for match in rx.finditer(text):
            value = match.group("id").rstrip(".-/")
            if _acceptable(value, marked=index < 2):
                start = match.start("id")
                return ValueFound(value, [doc.evidence(start, start + len(value))])
    match = _STRONG.search(text)
    if match:
        return ValueFound(match.group(), [doc.evidence(match.start(), match.end())])
    for match in _MARKED_IN_SENTENCE.finditer(text):
        value = match.group("id").rstrip(".-/")
        sentence_start, _end = sentence_span(text, match.start(), match.end())
        if _SENTENCE_LABEL.search(text, sentence_start, match.start()) and _JOINED.search(value):
            start = match.start("id")
            return ValueFound(value, [doc.evidence(start, start + len(value))])
    return None


def _acceptable(value: str, marked: bool) -> bool:
    if len(value) < (2 if marked else 3) or _DATE_LIKE.fullmatch(value):
        return False
    if _STRONG.fullmatch(value):
        return True
    return marked or bool(_ID_LIKE.fullmatch(value))
