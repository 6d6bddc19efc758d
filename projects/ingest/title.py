"""The press release's headline."""

import re

from .result import Document, ValueFound

# Labels that name the kind of document, not its subject.
_GENERIC_LABEL = re.compile(
    r"^(?:пресс|пост|post|press|media|news)\s*-?\s*(?:релиз|release|advisory)\.?$"
    r"|^(?:баспасөз|бұқаралық ақпарат)\s+(?:релизі|хабарламасы)$"
    r"|^(?:сообщение для (?:сми|прессы)|хабарландыру|анонс|announcement)$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^(?:[^\W\d][\w -]{1,30},\s*)?"  # a dateline's place: "Астана, 15 сентября 2021 года"
    r"(?:\d{1,2}[ .][\w.]+[ .]\d{4}\s*(?:г\.?|года|ж\.?)?|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2})?$"  # a site's time of posting: "14 марта 2025 11:42"
)
# A line ending as a sentence, with the paragraph going on below it, is the body's first line.
_SENTENCE_END = re.compile(r"[^.\s][.;,](?:[»”\"])?$")
_MAX_TITLE_LENGTH = 250
_MIN_TITLE_WORDS = 3


def is_label_or_date(line: str) -> bool:
    """A line that only says what the document is ("ПРЕСС-РЕЛИЗ") or when it was posted
    (a date, with a dateline's place or a time): nothing about the project."""
    line = line.strip()
    return bool(_GENERIC_LABEL.match(line) or _DATE_LINE.match(line))


def find_title(doc: Document) -> ValueFound | None:
    """The first line of the article that reads as a headline: not a label such as
    "ПРЕСС-РЕЛИЗ", not a date, not a long paragraph."""
    offset = 0
    lines = doc.article.split("\n")
    for index, line in enumerate(lines):
        start, candidate = offset, line.strip()
        offset += len(line) + 1
        if not candidate:
            continue
        if is_label_or_date(candidate):
            continue
        next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if (
            len(candidate) > _MAX_TITLE_LENGTH
            or len(candidate.split()) < _MIN_TITLE_WORDS
            or (next_line and _SENTENCE_END.search(candidate))
        ):
            return None  # the article starts with its body: it has no headline
        begin = start + line.index(candidate)
        return ValueFound(candidate, [doc.evidence(begin, begin + len(candidate))])
    return None
