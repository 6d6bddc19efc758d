"""Dates in a press release: when it was published, and when the project runs.

Dates are partial ISO strings whose length is their precision ("2014-04-01", "2016-09", "2017").
A year is never guessed: "6 апреля" alone gives nothing. Event dates ("8-9 апреля 2014 г. ...
была проведена встреча") and history ("создана в 1994г.") are not the project's period: a
period needs a range with month and year on both sides, a start word ("стартовал", "launched")
next to a date, or a label ("Сроки реализации:", "Duration:", "Ұзақтығы").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from projects.ingest.result import DateFound, Document, Evidence
from projects.ingest.sentences import sentence_span

_I = re.IGNORECASE

_MONTHS = (
    r"январ[ьяюе]м?|january|jan\.?|қаңтар\w*",
    r"феврал[ьяюе]м?|february|feb\.?|ақпан\w*",
    r"март(?:а|е|у|ом)?|march|mar\.?|наурыз\w*",
    r"апрел[ьяюе]м?|april|apr\.?|сәу[іi]р\w*",
    r"ма(?:й|я|е|ю|ем)|may|мамыр\w*",
    r"июн[ьяюе]м?|june|jun\.?|маусым\w*",
    r"июл[ьяюе]м?|july|jul\.?|шілде\w*",
    r"август(?:а|е|у|ом)?|august|aug\.?|тамыз\w*",
    r"сентябр[ьяюеё]м?|september|sept?\.?|қыркүйе[кг]\w*",
    r"октябр[ьяюеё]м?|october|oct\.?|қазан\w*",
    r"ноябр[ьяюеё]м?|november|nov\.?|қараша\w*",
    r"декабр[ьяюеё]м?|december|dec\.?|желтоқсан\w*",
)
_MONTH_NUMBERS = [re.compile(rf"(?:{pattern})$", _I) for pattern in _MONTHS]
_MONTH = rf"(?:{'|'.join(_MONTHS)})(?!\w)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_YEAR_WORD = r"(?:\s*(?:гг?\.?|года?|году|ж\.|жыл(?:ы|ғы|дың)?)(?!\w))?"
_KK_YEAR_WORD = r"(?:\s*(?:жылғы|жылдың|жылы|ж\.))?"
_DAY = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])"

_DATE_PATTERNS = [
    re.compile(p, _I)
    for p in (
        rf"(?P<d>{_DAY})(?:-?(?:го|е|ші|шы|і|ы))?\s+(?P<m>{_MONTH})\s*,?\s+(?P<y>{_YEAR}){_YEAR_WORD}",
        rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})",
        rf"(?P<y>{_YEAR}){_KK_YEAR_WORD}\s+(?P<d>{_DAY})(?:-?(?:ші|шы|і|ы))?\s+(?P<m>{_MONTH})",
        rf"(?P<d>{_DAY})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})(?!\.?\d)",
        rf"(?<!\d)(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)",
        rf"(?P<m>{_MONTH})\s*,?\s+(?P<y>{_YEAR}){_YEAR_WORD}",
        rf"(?P<y>{_YEAR}){_KK_YEAR_WORD}\s+(?P<m>{_MONTH})",
        rf"(?<![\d.])(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})(?!\.?\d)",
    )
]
_YEAR_ONLY = re.compile(rf"(?<![\d.])(?P<y>{_YEAR}){_YEAR_WORD}")
_MONTH_ONLY = re.compile(rf"(?<![\w-])(?P<m>{_MONTH})", _I)

# Between the two ends of a range.
_RANGE_LINK = re.compile(
    r"\s*(?:[-–—‒−]|по|до|to|until|till|through|thru|бастап)?\s*"
    r"(?:(?:по|до|to|until)\s+)?$",
    _I,
)
_BETWEEN_AND = re.compile(r"\s+(?:and|и)\s+$", _I)
_BETWEEN = re.compile(r"(?:between|между)\s+$", _I)
_KK_UNTIL = re.compile(r"\s*(?:дейін|шейін)", _I)
_KK_FROM = re.compile(r"(?:нан|нен|дан|ден|тан|тен)$", _I)

_PERIOD_LABEL = re.compile(
    r"(?<!\w)(?:(?:срок(?:и|ом)?|период|продолжительность|длительность|даты)"
    r"(?:\s+(?:реализации|проведения|выполнения|осуществления|действия))?(?:\s+проекта)?"
    r"|(?:project|implementation)\s+(?:duration|period|dates|timeframe)|duration|timeframe"
    r"|(?:жобаның\s+)?(?:ұзақтығы|мерзімі|кезеңі)"
    r"|(?:іске|жүзеге)\s+асыру\s+(?:мерзімі|кезеңі))(?!\w)",
    _I,
)
_LABEL_GAP = re.compile(r"[\s:–—\-]*")
_START_LABEL = re.compile(
    r"(?:дата\s+начала|начало\s+проекта|start\s+date|басталу\s+(?:күні|мерзімі)|басталуы)\s*:\s*",
    _I,
)
_END_LABEL = re.compile(
    r"(?:дата\s+(?:окончания|завершения)|окончание\s+проекта|end\s+date"
    r"|аяқталу\s+(?:күні|мерзімі)|аяқталуы)\s*:\s*",
    _I,
)

_START_VERB_RU = r"стартова\w*|стартует|начал(?:ся|ась|ось|ись)|начн[её]тся|начнутся"
# "с 1 апреля по 30 ноября 2024 года", "from March to December 2025", "2022 жылғы 1 маусым
# мен 15 желтоқсан аралығында": one year for both ends.
_SHARED_YEAR_RANGES = [
    re.compile(p, _I)
    for p in (
        rf"(?P<d1>{_DAY})?\s*(?P<m1>{_MONTH})\s*(?:[-–—]|по|до|to|until|till|through)\s*"
        rf"(?P<d2>{_DAY})?\s*(?P<m2>{_MONTH})\s*,?\s+(?P<y>{_YEAR})",
        rf"(?P<y>{_YEAR}){_KK_YEAR_WORD}\s+(?P<d1>{_DAY})?\s*(?P<m1>{_MONTH})\s*"
        rf"(?:мен|бен|пен|[-–—])\s*(?P<d2>{_DAY})?\s*(?P<m2>{_MONTH})\s+"
        r"(?:аралығында|аралығы|дейін|айларында|айлары)",
        # "2025 жылғы 1 наурыздан 30 қарашаға дейін", "2025 жылғы мамыр айынан қазан айына
        # дейін": from (ablative) ... until (dative)
        rf"(?P<y>{_YEAR}){_KK_YEAR_WORD}\s+(?P<d1>{_DAY})?\s*(?P<m1>{_MONTH})"
        r"(?:(?<=нан|нен|дан|ден|тан|тен)|\s+айынан)\s+"
        rf"(?P<d2>{_DAY})?\s*(?P<m2>{_MONTH})(?:\s+айына)?\s+(?:дейін|шейін)",
        # "стартовал в апреле и продлится до конца ноября 2025 года", "работы начнутся в
        # апреле и завершатся в декабре 2025 года"
        rf"(?:{_START_VERB_RU})\s+в\s+(?P<m1>{_MONTH})\s+и\s+(?:продлится|продлятся|"
        r"завершится|завершатся|закончится|закончатся)\s+(?:до\s+(?:конца\s+)?|в\s+)"
        rf"(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})",
    )
]
# "2025 жылдың қазан айынан 2026 жылдың наурызына дейін": each end with its own year
_KK_TWO_YEAR_RANGE = re.compile(
    rf"(?P<y1>{_YEAR}){_KK_YEAR_WORD}\s+(?P<m1>{_MONTH})(?:(?<=нан|нен|дан|ден|тан|тен)|\s+айынан)"
    rf"\s+(?P<y2>{_YEAR}){_KK_YEAR_WORD}\s+(?P<m2>{_MONTH})(?:\s+айына)?\s+(?:дейін|шейін)",
    _I,
)
# "стартовал в мае 2025 года и продлится до конца года", "2025 жылғы сәуірден бастап жыл
# соңына дейін", "launched in February 2025, runs until the end of the year": the end is the
# end of the year the sentence has just named
_TO_YEAR_END = re.compile(
    rf"(?P<y>{_YEAR})\b[^.;\n]{{0,60}}?(?:до\s+конца\s+года|жыл\s+соңына\s+дейін|"
    r"until\s+the\s+end\s+of\s+the\s+year|by\s+the\s+end\s+of\s+the\s+year)",
    _I,
)
# "Работы планируется завершить до конца 2025 года", "to be completed by the end of 2025".
_END_BY_YEAR = re.compile(
    rf"(?:заверш\w+|окончен\w+|закончи\w+|продлится|продлятся|продолжится|completed|finished|"
    rf"аяқта\w+)\s+"
    rf"(?:до\s+конца|by\s+the\s+end\s+of|until\s+the\s+end\s+of)\s+(?P<y>{_YEAR})"
    rf"|(?P<kk>{_YEAR}){_KK_YEAR_WORD}\s+соңына\s+дейін\s+аяқта",
    _I,
)
# "Проект рассчитан на 2024–2027 годы", "2023–2025 жылдары", "from 2025 to 2028".
_YEAR_RANGE = re.compile(
    rf"(?<![\d.])(?P<y1>{_YEAR})\s*(?:[-–—]|to|по|до)\s*(?P<y2>{_YEAR})"
    r"(?:\s*(?:гг\.?|годы|годах|годов|жылдар\w*|жж\.?|оқу\s+жылы\w*|учебн\w+\s+год\w*))?",
    _I,
)
_PROGRAMME_WORD = re.compile(r"программ\w*|programme|program\b|бағдарлама\w*|стратеги\w*", _I)
# The project's own nouns, apart from a programme's (_PROJECT_WORD counts both).
_PROJECT_ONLY = re.compile(
    r"проект|project|жоба|инициатив|initiative|работы|жұмыс(?:тар)?\b|\baction\b", _I
)  # "the Action": the EU's word for a project it funds
_PROJECT_WORD = re.compile(
    r"проект|project|жоба|программ|programme|program|инициатив|\baction\b", _I
)
_START_VERB = (
    r"стартова\w*|стартует|стартуют|\bстарт\b|начал(?:ся|ась|ось|ись|и|а)?\b|начн[её]тся"
    r"|начнутся|приступ(?:ил|ят|ит)\w*"
    r"|запущен\w*|launched|started|starts|began|begins|begun|commenced|kicked\s+off"
    r"|will\s+(?:start|begin|be\s+launched)|басталды|басталған|басталады|бастады"
    r"|іске\s+қосылды|қолға\s+алынды"
)
_START_CUE = re.compile(_START_VERB, _I)
# "Проект стартует в марте 2019 года": the project itself starts, so a month is enough
_PROJECT_STARTS = re.compile(
    rf"(?:проект|project|жоба|работ[аы]|action)\w*\s+(?:[\w-]+\s+){{0,2}}?(?:{_START_VERB})", _I
)
_END_CUE = re.compile(
    r"(?:продлится|продлятся|завершится|завершатся|закончится|закончатся"
    r"|будет\s+(?:длиться|реализовываться|осуществляться)"
    r"|рассчитан\w*|will\s+(?:run|last|continue|end)|runs?|ends?)\s+(?:до|по|until|till|in|в)\s+$"
    r"|\b(?:be\s+)?(?:completed|finished)\s+(?:by|in)\s+$",
    _I,
)
# "2025 жылғы маусымда басталады", "2023 жылғы қазаннан бастап": the start word after the date
_KK_START_AFTER = re.compile(r"\s*(?:бастап|басталады|басталды|басталмақ|іске\s+қосылады)\b", _I)
_KK_END_CUE = re.compile(r"\s*(?:дейін|шейін)\s+(?:жалғасады|созылады|іске|жүзеге)", _I)

# Durations: "Длительность проекта 24 месяца", "36-month project", "жоба 2 жылға арналған".
_NUMBER_WORDS = {
    "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "полтора": 1.5, "полутора": 1.5,
    "шесть": 6, "шести": 6, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "двенадцать": 12, "двенадцати": 12, "восемнадцать": 18, "восемнадцати": 18,
    "двадцать четыре": 24, "двадцати четырех": 24, "тридцать": 30, "тридцати": 30,
    "тридцать шесть": 36,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "ten": 10,
    "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty": 30, "thirty-six": 36,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "тоғыз": 9, "он": 10,
    "он екі": 12, "он сегіз": 18, "жиырма төрт": 24, "отыз": 30, "отыз алты": 36,
}  # fmt: skip
_COUNT = rf"\d{{1,3}}(?:[.,]5)?|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))}"
_MONTH_UNIT = r"месяц\w*|мес\.|months?|ай(?:ға|лық|дық|ды)?"
_YEAR_UNIT = r"год(?:а|ов)?|лет|years?|жыл(?:ға|дық|ды)?"
_SPAN = rf"(?P<n>{_COUNT})[\s-]*(?:(?P<month>{_MONTH_UNIT})|(?P<year>{_YEAR_UNIT}))(?!\w)"
_ADJECTIVE_SPAN = (
    rf"(?P<n>{_COUNT})[\s-]*(?:(?P<month>month|месячн\w*|айлық)"
    rf"|(?P<year>year|летн\w*|годичн\w*|жылдық))(?!\w)"
)
_DURATIONS = [
    re.compile(p, _I)
    for p in (
        r"(?:длительность|продолжительность|срок(?:и|ом)?(?:\s+реализации|\s+выполнения)?"
        rf"|duration|ұзақтығы|мерзімі)[^\d.\n]{{0,30}}?(?<!\w){_SPAN}",
        rf"(?<!\w){_ADJECTIVE_SPAN}[\s-]*(?:long\s+)?"
        r"(?:проект|project|programme|program|жоба|initiative|инициатив|action)",
        r"(?:проект\w*|жоба\w*)\s+(?:[\w-]+\s+){0,2}?рассчитан\w*\s+на\s+(?P<one>год)\b",
        # "стартует в июле 2025 года и продлится год", "в течение полугода"
        r"(?:продлится|продлятся|будет\s+длиться)\s+(?P<one>год)\b",
        r"(?:в\s+течение|на\s+срок|на)\s+(?P<half>полугода|полгода)\b",
        rf"(?:рассчитан\w*\s+на|на\s+срок|на\s+период|(?:a\s+)?period\s+of|will\s+last"
        rf"|will\s+run\s+for|lasts|runs\s+for|is\s+designed\s+for|продлится|продолжится"
        rf"|будет\s+длиться|займ[её]т)\s+{_SPAN}",
        rf"(?<!\w){_SPAN}\s+(?:арналған|созылады|жоспарланған|есептелген)",
        r"(?P<w>одно|двух|трех|трёх|четырех|пяти|полуторо?)(?:летн|годичн)\w*\s+"
        r"(?:проект|программ)",
    )
]
# Only in a sentence about the project: "в течение 12 месяцев", Kazakh "12 ай ішінде".
_PROJECT_DURATIONS = (
    re.compile(rf"(?:в\s+течение|over|for|during|within|ішінде)\s+{_SPAN}", _I),
    re.compile(rf"(?<!\w){_SPAN}\s+(?:ішінде|бойы)(?!\w)", _I),
)
_ADJECTIVE_YEARS = {"одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "пяти": 5}

_PUBLISHED_LABEL = re.compile(
    r"(?<!\w)(?:дата(?:\s+публикации)?|опубликовано|published|posted|date|жарияланды|жарияланған"
    r"(?:\s+күні)?)\s*:?\s*$",
    _I,
)
_DATELINE_PREFIX = re.compile(r"[*_#>\s]*(?:[^\W\d][\w.\-]*(?:[ ,]+[\w.\-]+){0,3})?[\s,.:–—\-]*$")
_PREPOSITION = re.compile(r"(?:^|\s)(?:с|со|от|до|по|в|во|на|from|since|until|by|on|in)\s*$", _I)
_DATELINE_END = re.compile(r"\s*(?:[,.:–—\-*]|$)")
_LINE_FILLER = re.compile(r"[\W_]+")
# Words a line holding only the release's date may also carry ("ПРЕСС-РЕЛИЗ от 5 ноября 2012").
_HEADER_WORD = re.compile(
    r"г|года|ж|жыл|жылғы|year|от|of|on|dated|пресс|релиз|пост|press|release|news|новости"
    r"|баспасөз|хабарламасы|жаңалықтар",
    _I,
)


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass
class _Candidate:
    iso: str
    rank: int  # a label beats a range, which beats a start or end word
    evidence: list[Evidence]


def find_published(doc: Document) -> DateFound | None:
    """The release's own date, stated at the top (a line of its own, a label or a dateline)."""
    text = doc.article
    for line_start, line_end in _top_lines(text):
        for date in _dates(text, line_start, line_end):
            if date.day and _is_published(text, date, line_start, line_end):
                return DateFound(date.iso, [doc.evidence(date.start, date.end)])
    return None


def find_period(
    doc: Document,
) -> tuple[DateFound | None, DateFound | None, int | None, list[Evidence]]:
    """The project's (start, end, duration in months, duration evidence)."""
    starts: list[_Candidate] = []
    ends: list[_Candidate] = []
    _labelled(doc, starts, ends)
    _ranges(doc, starts, ends)
    _shared_year_ranges(doc, starts, ends)
    _kazakh_two_year_ranges(doc, starts, ends)
    _year_ranges(doc, starts, ends)
    _ends_by_year(doc, ends)
    published = find_published(doc)
    # the dateline ("ASTANA, 12 March 2019 – ... today launched") dates the release, not the start
    skip = {e.start for e in published.evidence} if published else set()
    _cued(doc, starts, ends, skip)
    months, evidence = _duration(doc)
    return _best(starts), _best(ends), months, evidence


def _dates(text: str, start: int = 0, end: int | None = None) -> list[_Date]:
    """All dates in text[start:end], longest first where they overlap, in text order."""
    end = len(text) if end is None else end
    found = []
    for rx in _DATE_PATTERNS:
        for match in rx.finditer(text, start, end):
            date = _date(match)
            if date:
                found.append(date)
    found.sort(key=lambda date: (date.start, -(date.end - date.start)))
    kept: list[_Date] = []
    for date in found:
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
        elif date.end - date.start > kept[-1].end - kept[-1].start:
            kept[-1] = date
    return kept


def _date(match: re.Match) -> _Date | None:
    groups = match.groupdict()
    month_text = groups.get("m")
    month = int(month_text) if month_text and month_text.isdigit() else _month(month_text)
    day = int(groups["d"]) if groups.get("d") else None
    if month is None or (day is not None and day > 31):
        return None
    return _Date(match.start(), match.end(), int(groups["y"]), month, day)


def _month(word: str | None) -> int | None:
    if not word:
        return None
    return next((n for n, rx in enumerate(_MONTH_NUMBERS, 1) if rx.match(word)), None)


def _top_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines at the top, down to the first real paragraph."""
    position = 0
    count = 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        if not line.strip():
            continue
        count += 1
        yield start, start + len(line.rstrip("\r\n"))
        if len(line.strip()) >= 200 or count >= 12:
            return


def _is_published(text: str, date: _Date, line_start: int, line_end: int) -> bool:
    before = text[line_start : date.start]
    after = text[date.end : line_end]
    if _PUBLISHED_LABEL.search(before):
        return True
    rest = _LINE_FILLER.sub(" ", before + " " + after).split()
    rest = [word for word in rest if not _HEADER_WORD.fullmatch(word)]
    alone = len(rest) <= 3 and all(word[0].isupper() for word in rest)
    if alone and len(_dates(text, line_start, line_end)) == 1:
        return True
    # A dateline: "АСТАНА, 5 ноября 2012 г. – ...", "Almaty, March 5, 2019 —".
    place = _LINE_FILLER.sub(" ", before).split()
    return (
        len(before) <= 40
        and bool(_DATELINE_PREFIX.fullmatch(before))
        and all(word[0].isupper() for word in place)
        and not _PREPOSITION.search(before)
        and bool(_DATELINE_END.match(after))
    )


def _add(candidates: list[_Candidate], date: _Date | None, rank: int, doc: Document) -> None:
    if date and date.year:
        candidates.append(_Candidate(date.iso, rank, [doc.evidence(date.start, date.end)]))


def _labelled(doc: Document, starts: list[_Candidate], ends: list[_Candidate]) -> None:
    """ "Сроки реализации: 2017–2019", "Ұзақтығы\\nАқпан 2017 – Қаңтар 2020", "Start date: ..." """
    text = doc.article
    for label in _PERIOD_LABEL.finditer(text):
        value_start = _LABEL_GAP.match(text, label.end()).end()
        line_end = _line_end(text, value_start)
        first, second = _range_at(text, value_start, line_end, labelled=True)
        if first:
            _add(starts, first, 3, doc)
            _add(ends, second, 3, doc)
            return
    for rx, target in ((_START_LABEL, starts), (_END_LABEL, ends)):
        for label in rx.finditer(text):
            dates = _dates(text, label.end(), _line_end(text, label.end()))
            if dates and dates[0].start == label.end():
                _add(target, dates[0], 3, doc)
                break


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _range_at(text: str, start: int, end: int, labelled: bool) -> tuple[_Date | None, _Date | None]:
    """A range starting at `start`: two dates (or years, for a label) and what links them."""
    dates = _dates(text, start, end)
    if dates and dates[0].start == start:
        first = dates[0]
        if len(dates) > 1 and _linked(text, first, dates[1]):
            return first, dates[1]
        return (first, None) if labelled else (None, None)
    if not labelled:
        return None, None
    years = list(_YEAR_ONLY.finditer(text, start, end))
    month = _MONTH_ONLY.match(text, start)
    if month and dates and _linked(text, _Date(month.start(), month.end(), None), dates[0]):
        # "апрель – декабрь 2016": the first month shares the second one's year
        shared = _Date(month.start(), month.end(), dates[0].year, _month(month.group("m")))
        return shared, dates[0]
    if years and years[0].start() == start:
        first = _Date(years[0].start(), years[0].end(), int(years[0].group("y")))
        if len(years) > 1:
            second = _Date(years[1].start(), years[1].end(), int(years[1].group("y")))
            if _linked(text, first, second):
                return first, second
        return first, None
    return None, None


def _in_order(first: _Date, second: _Date) -> bool:
    return (first.year or 0, first.month or 0) < (second.year or 0, second.month or 0)


def _linked(text: str, first: _Date, second: _Date) -> bool:
    between = text[first.end : second.start]
    if _BETWEEN_AND.match(between):
        return bool(_BETWEEN.search(text, max(0, first.start - 12), first.start))
    if not _RANGE_LINK.match(between):
        return False
    if between.strip() in ("", "бастап"):
        # Kazakh: "2017 жылғы ақпаннан 2020 жылғы қаңтарға дейін"
        ablative = _KK_FROM.search(text[first.start : first.end])
        return bool(ablative) or bool(_KK_UNTIL.match(text, second.end))
    return True


def _ranges(doc: Document, starts: list[_Candidate], ends: list[_Candidate]) -> None:
    """The first range with month and year on both sides: "с апреля 2014 г. по сентябрь 2016 г."."""
    text = doc.article
    dates = _dates(text)
    for first, second in zip(dates, dates[1:], strict=False):
        if (
            first.month
            and second.month
            and _in_order(first, second)
            and _linked(text, first, second)
        ):
            _add(starts, first, 2, doc)
            _add(ends, second, 2, doc)
            return


def _shared_year_ranges(doc: Document, starts: list[_Candidate], ends: list[_Candidate]) -> None:
    """The first range whose ends share one year; months alone only about the project."""
    text = doc.article
    for pattern in _SHARED_YEAR_RANGES:
        for match in pattern.finditer(text):
            year = int(match.group("y"))
            first_month, second_month = _month(match.group("m1")), _month(match.group("m2"))
            if not first_month or not second_month or first_month >= second_month:
                continue
            days = (match.groupdict().get("d1"), match.groupdict().get("d2"))
            if not all(days) and not _about_the_project(text, match.start(), match.end()):
                continue
            first = _Date(match.start(), match.end(), year, first_month, _day(days[0]))
            second = _Date(match.start(), match.end(), year, second_month, _day(days[1]))
            _add(starts, first, 2, doc)
            _add(ends, second, 2, doc)
            return


def _kazakh_two_year_ranges(doc: Document, starts: list[_Candidate], ends: list[_Candidate]):
    match = _KK_TWO_YEAR_RANGE.search(doc.article)
    if not match:
        return
    first = _Date(match.start(), match.end(), int(match.group("y1")), _month(match.group("m1")))
    second = _Date(match.start(), match.end(), int(match.group("y2")), _month(match.group("m2")))
    if first.month and second.month and _in_order(first, second):
        _add(starts, first, 2, doc)
        _add(ends, second, 2, doc)


def _year_ranges(doc: Document, starts: list[_Candidate], ends: list[_Candidate]) -> None:
    """Years alone ("на 2024–2027 годы") in a sentence about the project, whose nearest noun
    is the project's, not a programme's: the weakest reading of a period."""
    text = doc.article
    for match in _YEAR_RANGE.finditer(text):
        first, second = int(match.group("y1")), int(match.group("y2"))
        if not first < second <= first + 10 or not _about_the_project(
            text, match.start(), match.end()
        ):
            continue
        _add(starts, _Date(match.start(), match.end(), first), 0, doc)
        _add(ends, _Date(match.start(), match.end(), second), 0, doc)
        return


def _ends_by_year(doc: Document, ends: list[_Candidate]) -> None:
    """ "планируется завершить до конца 2025 года": the end's year, the weakest reading."""
    match = _END_BY_YEAR.search(doc.article)
    if match:
        group = "y" if match.group("y") else "kk"
        year = _Date(match.start(group), match.end(group), int(match.group(group)))
        _add(ends, year, 0, doc)
        return
    match = _TO_YEAR_END.search(doc.article)
    if match and _about_the_project(doc.article, match.start(), match.end()):
        _add(ends, _Date(match.start(), match.end(), int(match.group("y"))), 0, doc)


def _about_the_project(text: str, start: int, end: int) -> bool:
    """The sentence speaks of the project, and the nearest such noun around the span is the
    project's, not a programme's or a strategy's (Kazakh names the programme after its years:
    "2021–2025 жылдарға арналған ел бағдарламасы")."""
    sentence_start, sentence_end = sentence_span(text, start, end)
    following = re.search(
        f"{_PROJECT_ONLY.pattern}|{_PROGRAMME_WORD.pattern}",
        text[end : min(sentence_end, end + 50)],
        _I,
    )
    if following and _PROGRAMME_WORD.fullmatch(following.group()):
        return False
    before = text[sentence_start:start]
    projects = [m.start() for m in _PROJECT_ONLY.finditer(before)]
    programmes = [m.start() for m in _PROGRAMME_WORD.finditer(before)]
    if not projects:
        return False
    return not programmes or projects[-1] > programmes[-1]


def _day(text: str | None) -> int | None:
    return int(text) if text else None


def _cued(doc: Document, starts: list[_Candidate], ends: list[_Candidate], skip: set[int]) -> None:
    """A date next to a start or end word in a sentence about the project."""
    text = doc.article
    for date in _dates(text):
        if not date.month or date.start in skip:
            continue
        sentence_start, sentence_end = sentence_span(text, date.start, date.end)
        sentence = text[sentence_start:sentence_end]
        project_starts = _PROJECT_STARTS.search(sentence)
        if not (project_starts or _PROJECT_WORD.search(sentence)):
            continue
        before = text[max(sentence_start, date.start - 60) : date.start]
        if _END_CUE.search(before) or _KK_END_CUE.match(text, date.end):
            _add(ends, date, 1, doc)
        elif (
            (date.day and _START_CUE.search(sentence))
            or project_starts
            or _START_CUE.search(before)  # "и стартуют в марте 2021 года"
            or _KK_START_AFTER.match(text, date.end)
        ):
            _add(starts, date, 1, doc)


def _best(candidates: list[_Candidate]) -> DateFound | None:
    """The highest-ranked date, made more precise by any lower-ranked one that agrees with it."""
    if not candidates:
        return None
    best = max(candidates, key=lambda candidate: candidate.rank)
    iso, evidence = best.iso, list(best.evidence)
    for other in candidates:
        if other.iso.startswith(iso) or iso.startswith(other.iso):
            iso = max(iso, other.iso, key=len)
            evidence += [e for e in other.evidence if e not in evidence]
    return DateFound(iso, evidence)


def _duration(doc: Document) -> tuple[int | None, list[Evidence]]:
    text = doc.article
    for rx in _DURATIONS:
        match = rx.search(text)
        if match:
            return _months(match), [doc.evidence(match.start(), match.end())]
    for rx in _PROJECT_DURATIONS:
        for match in rx.finditer(text):
            sentence_start, _ = sentence_span(text, match.start(), match.end())
            if _PROJECT_WORD.search(text[sentence_start : match.start()]):
                return _months(match), [doc.evidence(match.start(), match.end())]
    return None, []


def _months(match: re.Match) -> int:
    groups = match.groupdict()
    if groups.get("one"):
        return 12
    if groups.get("half"):
        return 6
    if groups.get("w"):
        return 18 if groups["w"].startswith("полутор") else 12 * _ADJECTIVE_YEARS[groups["w"]]
    count = groups["n"].lower()
    number = _NUMBER_WORDS.get(count) or float(count.replace(",", "."))
    return round(number * (12 if groups.get("year") else 1))
