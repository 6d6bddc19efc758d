"""Money in a press release: the figure, its currency, what it is and whose it is.

An amount needs a currency ("213 793 евро", "€ 470,000", "$1,5 млн", "300 мың АҚШ доллары");
a bare number, even with a multiplier ("2,5 млрд"), is not money. Each amount gets a kind:
"total" (the project's overall budget, or one figure given by several donors together),
"donor_contribution" (what one donor gives) or "other" (money the project passes on, etc.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry

from projects.ingest.number_words import words_before
from projects.ingest.result import AmountFound, Document, Evidence, OrganizationFound
from projects.ingest.sentences import sentence_span

_I = re.IGNORECASE
_SP = r"[ \t\u00a0\u2009\u202f]"  # spaces inside a line (never a line break)

# Longer alternatives first: "1 234 567,89", "470,000", "1.234.567", then a plain "1,5".
_NUMBER = (
    rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d])(?:[.,]\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?![\d])(?:,\d+)?"
    r"|\d+(?:[.,]\d+)?"
)

_MULTIPLIERS = (
    (10**9, r"млрд\.?|миллиард\w*|billions?\b|bn\b|bln\b"),
    (10**6, r"млн\.?|миллион\w*|millions?\b|mln\.?|mn\b"),
    (10**3, r"тыс\.?|тысяч\w*|мың\w*|thousands?\b"),
)
_MULTIPLIER = "|".join(pattern for _, pattern in _MULTIPLIERS)
_LETTER_MULTIPLIER = r"[mMkK]\b|bn\b"  # only glued to a number after a currency sign: "€1.2m"

# A currency sign after a number belongs to it only if no number follows ("2019 € 500 000").
# Any other ISO 4217 code, in capitals ("SEK 500 000", "200 000 AZN"); checked against the list.
_ISO_CODE = r"(?-i:[A-Z]{3})\b"
ISO_CURRENCIES = frozenset(currency.alpha_3 for currency in pycountry.currencies)

_CURRENCIES = (
    ("EUR", r"евро\b|еуро(?!п)\w*|euros?\b|EUR\b|€(?!\s*\d)"),
    ("USD", r"долл\.(?:\s*США)?|доллар\w*(?:\s+(?:США|АҚШ)\b)?|АҚШ\s+доллар\w*"),
    ("USD", r"(?:U\.?S\.?\s+|American\s+)?dollars?\b|USD\b|US\$|\$(?!\s*\d)"),
    ("KZT", r"тенге\b|теңге\w*|тг\b\.?|KZT\b|₸(?!\s*\d)|tenge\b"),
    ("RUB", r"руб\.|рубл\w*|₽(?!\s*\d)|RUB\b|(?:roubles?|rubles?)\b"),
    ("TJS", r"сомони\w*|TJS\b|somoni\b"),
    ("KGS", r"сом(?:ов|а|ы)?\b|KGS\b|soms?\b"),
    ("UZS", r"сум(?:ов|а|ы)?\b|сўм\b|UZS\b|so[u']?ms?\b"),
    ("TMT", r"манат\w*|TMT\b|manats?\b"),
    ("GBP", r"£(?!\s*\d)|GBP\b|фунт\w*\s+стерлинг\w*|pounds?(?:\s+sterling)?\b"),
    ("CHF", r"CHF\b|швейцарск\w+\s+франк\w*|Swiss\s+francs?\b"),
    ("JPY", r"JPY\b|¥|иен\w*|йен\w*|yen\b"),
    ("CNY", r"CNY\b|юан\w*|yuan\b"),
    ("CAD", r"CAD\b|канадск\w+\s+доллар\w*|Canadian\s+dollars?\b"),
    ("AUD", r"AUD\b|австралийск\w+\s+доллар\w*|Australian\s+dollars?\b"),
    ("KRW", r"KRW\b|южнокорейск\w+\s+вон\w*|Korean\s+won\b"),
    ("TRY", r"TRY\b|турецк\w+\s+лир\w*|Turkish\s+lir[as]\b"),
    ("SEK", r"SEK\b|шведск\w+\s+крон\w*|Swedish\s+kron(?:a|or)\b"),
    ("NOK", r"NOK\b|норвежск\w+\s+крон\w*|Norwegian\s+kron(?:e|er)\b"),
    ("PLN", r"PLN\b|злот\w*|zlot(?:y|ys)\b|zł"),
    ("CZK", r"CZK\b|чешск\w+\s+крон\w*|Czech\s+korun(?:a|y)\b|Kč"),
    ("ISO", _ISO_CODE),
)
_PREFIX_CURRENCIES = (
    ("EUR", r"€|EUR\b"),
    ("USD", r"US\$|\$|USD\b"),
    ("KZT", r"₸|KZT\b"),
    ("RUB", r"₽|RUB\b"),
    ("GBP", r"£|GBP\b"),
    ("CHF", r"CHF\b"),
    ("KGS", r"KGS\b"),
    ("TJS", r"TJS\b"),
    ("UZS", r"UZS\b"),
    ("TMT", r"TMT\b"),
    ("JPY", r"JPY\b"),
    ("CNY", r"CNY\b"),
    ("CAD", r"CAD\b|C\$"),
    ("AUD", r"AUD\b|A\$"),
    ("KRW", r"KRW\b|₩"),
    ("TRY", r"TRY\b|₺"),
    ("SEK", r"SEK\b"),
    ("NOK", r"NOK\b"),
    ("PLN", r"PLN\b"),
    ("CZK", r"CZK\b"),
    ("ISO", _ISO_CODE),
)
_CURRENCY = "|".join(pattern for _, pattern in _CURRENCIES)
_PREFIX_CURRENCY = "|".join(pattern for _, pattern in _PREFIX_CURRENCIES)

# "полтора миллиона тенге", "one and a half million euros", "бір жарым миллион теңге"
_HALF = r"полтора|полторы|one\s+and\s+a\s+half|бір\s+жарым"
# A hard-wrapped line may break between a figure and its currency ("86 950\nАҚШ доллары").
_GAP = rf"{_SP}*(?:\n{_SP}*)?"
_AMOUNT = re.compile(
    rf"(?<![/\w])(?P<pcur>{_PREFIX_CURRENCY}){_SP}*(?P<pnum>{_NUMBER})"
    rf"(?:{_SP}*(?P<pmult>{_MULTIPLIER})|(?P<pletter>{_LETTER_MULTIPLIER}))?"
    rf"|(?<![\w$€£₸₽.,])(?P<num>{_NUMBER}|{_HALF})(?:{_GAP}(?P<mult>{_MULTIPLIER}))?"
    rf"(?:{_SP}*\([^()\d\n]{{1,80}}\))?{_GAP}(?P<cur>{_CURRENCY})",
    _I,
)
_CURRENCY_CODES = [(re.compile(pattern, _I), code) for code, pattern in _CURRENCIES]
_PREFIX_CODES = [(re.compile(pattern, _I), code) for code, pattern in _PREFIX_CURRENCIES]
_MULTIPLIER_VALUES = [(re.compile(pattern, _I), value) for value, pattern in _MULTIPLIERS]

_QUALIFIERS_BEFORE = (
    # "не более" before "более", "not more than" before "more than"
    (
        "up_to",
        r"до|не\s+более(?:\s+чем)?|не\s+больше|не\s+свыше|максимум|up\s+to|no\s+more\s+than"
        r"|not\s+more\s+than|not\s+exceeding|(?:a\s+)?maximum\s+of|as\s+much\s+as|ең\s+көбі",
    ),
    (
        "more_than",
        r"более(?:\s+чем)?|свыше|больше(?:\s+чем)?|не\s+менее(?:\s+чем)?|не\s+меньше|от"
        r"|more\s+than|over|in\s+excess\s+of|at\s+least|exceeding|upwards\s+of|кемінде",
    ),
    (
        "about",
        r"около|примерно|приблизительно|порядка|почти|ориентировочно|about|approximately"
        r"|approx\.|around|some|nearly|almost|roughly|circa|~|шамамен|шамасы",
    ),
)
_QUALIFIER_BEFORE = [
    (kind, re.compile(rf"(?<!\w)(?:{pattern})\s*$", _I)) for kind, pattern in _QUALIFIERS_BEFORE
]
# Kazakh puts the qualifier after the amount ("1 млн теңгеден астам", "800 мың долларға дейін").
_QUALIFIERS_AFTER = (
    ("more_than", r"астам|артық|асатын|кем\s+емес|и\s+более|с\s+лишним|or\s+more"),
    ("up_to", r"дейін\w*|шейін\w*|аспайтын|at\s+most"),
    ("about", r"шамасында\w*|жуық\w*|or\s+so"),
)
_QUALIFIER_AFTER = [
    (kind, re.compile(rf"(?:-?[^\W\d]+)?{_SP}+(?:{pattern})(?!\w)", _I))
    for kind, pattern in _QUALIFIERS_AFTER
]

# What an amount is, read from the words around it.
_TOTAL_STRONG = re.compile(
    r"общ\w+\s+(?:бюджет|сумм|стоимост|объ[её]м)\w*|бюджет\w*\s+проект\w*|полн\w+\s+стоимост\w*"
    r"|итого|\btotal\b|\boverall\b|project\s+budget|жалпы|жоба\w*\s+(?:бюджет|құн)\w*",
    _I,
)
# "the €1.2 million project", "50 млн теңгелік жоба": the figure is the project's size
_SIZE_OF_PROJECT = re.compile(rf"(?:{_SP}|-)*(?:project|programme)\b|(?<=лік|лық){_SP}+жоба", _I)
_TOTAL_WEAK = re.compile(r"бюджет\w*|budget\w*|стоимост\w*|\bcosts?\b|смет\w*|құны", _I)
_CONTRIBUTION = re.compile(
    r"вклад\w*|взнос\w*|жарна\w*|үлес\w*|contribut\w*|co-?funding|provided\s+by|funded\s+by", _I
)
# Money handed on to beneficiaries (grants, support to entrepreneurs) is not the project's.
_PASSED_ON = re.compile(
    r"грант(?:ов|ы|ам|ами)\b|субгрант\w*|мини-?грант\w*|sub-?grants?|small\s+grants"
    r"|выдан\w*|распредел\w*|awarded\s+to|distributed|disbursed\s+to|кәсіпкер\w*"
    r"|предпринимател\w*|entrepreneurs?|бенефициар\w*|beneficiar\w*",
    _I,
)

# Figures about a programme, a fund or a donor's whole record rather than this project: a
# record over the years, a sum over many projects, a portfolio, a ceiling or range per grant.
# Read in the words before the figure (from the sentence's start or the previous figure).
_NUMBER_WORDS = (
    r"\d[\d\s]*|более|свыше|около|порядка|сотн\w+|десят\w+|нескольк\w+|двух|тр[её]х|четыр\w+"
    r"|пят\w+|шест\w+|сем\w+|восьм\w+|девят\w+|more\s+than|over|some|hundreds\s+of|dozens\s+of"
    r"|several|two|three|four|five|six|seven|eight|nine|ten|екі|үш|төрт|бес|алты|жеті|сегіз"
    r"|тоғыз|астам"
)
_MANY = (
    rf"(?:{_NUMBER_WORDS}){_SP}+(?:[^\W\d]+{_SP}+)?"
    r"(?:проект(?:ов|ам|ами|а)\b|грант(?:ов|ам|ами|а)\b|организаци(?:й|ям|ями)\b|инициатив\b"
    r"|projects\b|grants\b|initiatives\b|organi[sz]ations\b|жоба(?:лар)?\w*|грант(?:тар)?\w*)"
)
_PROGRAMME_WIDE_BEFORE = re.compile(
    "|".join(
        (
            _MANY,
            r"\bс\s+\d{4}\s+года\b|\bс\s+момента\s+(?:запуска|создания|начала|основания)"
            r"|\bза\s+(?:вс[её]|это|эти|все)\s+(?:время|годы)|\bза\s+(?:последние\s+)?(?:\d+|[а-яё]+(?:\s+[а-яё]+)?)\s+(?:лет|года)\b"
            r"|\bежегодно\b|\bв\s+год\b|портфел\w+",
            r"\bsince\s+(?:\d{4}|its\s+(?:launch|start|creation|inception))|\bto\s+date\b"
            r"|\bover\s+the\s+(?:past|last)\s+\w+\s+(?:years|decades)|\bannual(?:ly)?\b"
            r"|\beach\s+year\b|\bportfolio\b|\bcommitted\s+to\b",
            r"\d{4}\s+жылдан\s+(?:бері|бастап)|\bжыл\s+сайын\b|\bосы\s+уақыт(?:\s+ішінде)?|портфел\w*",
            # a ceiling or range per grant, the size of a call
            r"не\s+превыша\w*|\bмаксимальн\w+\s+(?:сумм|размер)\w*|\bразмер\w*\s+(?:одного\s+)?гранта?\b"
            r"|\bна\s+(?:один|каждый)\s+проект\b|\bper\s+(?:project|grant)\b|\beach\s+grant\b"
            r"|\bgrants?\s+of\s+up\s+to\b|\bceiling\b|\bmaximum\b|\bбір\s+жобаға\b|\bаспауы\s+тиіс",
            # the upper end of a range: "от 5 до 10 тыс. долларов", "from $5,000 to $10,000"
            r"\bот\s+\d[\d\s.,]*(?:(?:тыс|млн|млрд)\w*\.?\s*)?до\s*$|\bfrom\s+\S*\d[\d.,]*\s*"
            r"(?:thousand|million|k)?\s+to\s*$|\bbetween\s+\S*\d[\d.,]*\s+and\s*$|ranging\s+from",
        )
    ),
    _I,
)
_PROGRAMME_WIDE_AFTER = re.compile(
    r"^\W{0,3}(?:на\s+(?:один|каждый)\s+проект\b|per\s+(?:project|grant|year)\b|в\s+год\b"
    r"|each\b|бір\s+жобаға\b|жыл\s+сайын\b|a\s+year\b|since\s+(?:\d{4}|its)\b"
    r"|с\s+\d{4}\s+года|за\s+(?:вс[её]|эти|все)\s+(?:время|годы))",
    _I,
)
# Later in the clause: "$14 billion ... to the country since 1995", "412 млн тенге, из
# бюджета будут профинансированы 96 проектов", "$243,900 to nine organisations".
_RECORD_AFTER = re.compile(
    rf"\bsince\s+\d{{4}}|\bс\s+\d{{4}}\s+года|\d{{4}}\s+жылдан\s+бері|{_MANY}", _I
)
# "программа общим бюджетом 20 млн евро": a total whose nearest noun is a programme or a fund.
_PROGRAMME_NOUN = re.compile(
    r"программ\w*|трастов\w+\s+фонд\w*|programme\w*|program\b|programs\b|\bfund\b|\bfund's"
    r"|facility|бағдарлама\w*",
    _I,
)
_PROJECT_NOUN = re.compile(r"проект\w*|project\w*|жоба\w*|грант\w*|grant\w*", _I)
_TOTAL_WORD = re.compile(r"общ\w+|совокупн\w+|всего|в\s+целом|total\w*|overall|жалпы|барлығы", _I)

# A donor named beside a figure gives it only if the sentence is about funding (not trade).
_FUNDING = re.compile(
    r"выдел\w*|предостав\w*|финанс\w*|направ\w*|поддерж\w*|грант\w*|бюджет\w*|средств\w*"
    r"|проект\w*|программ\w*|инициатив\w*|allocat\w*|provid\w*|fund\w*|grant\w*|support\w*"
    r"|budget\w*|award\w*|project\w*|programme\w*|initiative\w*|бөл\w*|қаржы\w*|қолда\w*"
    r"|жоба\w*|бағдарлама\w*|үлес\w*",
    _I,
)

# Other ways texts name well-known donors ("ЕО жарнасы", "госдепа"); keys are normalised names.
_KNOWN_DONORS = {
    "European Union": re.compile(
        r"(?i:европейск\w*\s+(?:союз|комисси)\w*|евросоюз\w*|еврокомисси\w*"
        r"|european\s+(?:union|commission)|еуропалық\s+(?:одақ|комиссия)\w*|еуроодақ\w*)"
        r"|\b(?:ЕС|ЕО|EU)\b"
    ),
    "USAID": re.compile(
        r"\bUSAID\b|(?i:юсаид|агентств\w*\s+(?:сша\s+)?по\s+международному\s+развитию"
        r"|agency\s+for\s+international\s+development|халықаралық\s+даму\s+(?:жөніндегі\s+)?"
        r"агентт\w*)"
    ),
    "U.S. Department of State": re.compile(
        r"(?i:госдеп\w*|государственн\w+\s+департамент\w*|state\s+department"
        r"|department\s+of\s+state|мемлекеттік\s+департамент\w*|мемдеп\w*)"
    ),
}

# Generic references: "агентство готово выделить", "the Embassy", "инициатива США".
_AGENCY_WORD = re.compile(r"агентств\w*|агентті\w*|агенттік\w*|\bthe\s+agency\b", _I)
_AGENCY_DONOR = re.compile(
    r"agency|агентств|агентті|агенттік|\b(?:USAID|JICA|KOICA|Sida|TIKA|AFD|SDC|GIZ|ADA|CIDA)\b", _I
)
_EMBASSY_WORD = re.compile(r"посольств\w*|елшілі\w*|\bthe\s+embassy\b", _I)
_EMBASSY_DONOR = re.compile(r"embassy|посольств|елшілі", _I)
_COUNTRIES = (
    (
        r"США|АҚШ|\bU\.S\.(?:A\.)?|\bUSA?\b|(?i:united\s+states|америк\w*|американск\w*|american)",
        r"\bU\.?S\.?\b|\bUSA?\b|USAID|(?i:united\s+states|americ|сша|ақш|американ|state\s+department"
        r"|department\s+of\s+state|госдеп|millennium\s+challenge|peace\s+corps)",
    ),
    (r"(?i:япони\w*|жапони\w*|japan\w*|японск\w*)", r"JICA|(?i:japan|япон|жапон)"),
    (r"(?i:германи\w*|german\w*|немецк\w*)", r"GIZ|KfW|(?i:german|герман|немец)"),
    (
        r"\bUK\b|(?i:великобритани\w*|британск\w*|ұлыбритани\w*|united\s+kingdom|british)",
        r"\bUK\b|DFID|FCDO|(?i:british|united\s+kingdom|британ|великобрит|ұлыбритан)",
    ),
    (r"(?i:коре\w*|korea\w*)", r"KOICA|(?i:korea|коре)"),
    (r"(?i:швейцари\w*|switzerland|swiss)", r"\bSDC\b|(?i:swiss|switzerland|швейцар)"),
)
_COUNTRY_PATTERNS = [(re.compile(word), re.compile(donor)) for word, donor in _COUNTRIES]


@dataclass
class _Mention:
    start: int
    end: int
    donor: str


@dataclass
class _Found:
    amount: Decimal
    currency: str
    kind: str
    qualifier: str
    donor: str | None
    strong: bool  # the kind was read from an explicit word, not guessed
    evidence: list[Evidence] = field(default_factory=list)


def find_amounts(doc: Document, donors: list[OrganizationFound]) -> list[AmountFound]:
    """Every money amount in the article, deduplicated, in order of first mention."""
    text = doc.article
    matches = _figures(text)
    mentions = _donor_mentions(text, donors)
    found: list[_Found] = []
    for index, (match_start, match_end, (amount, currency)) in enumerate(matches):
        start, end, qualifier = _qualifier(text, match_start, match_end)
        if index and _a_conversion(text, matches[index - 1], start, currency):
            continue
        sentence_start, sentence_end = sentence_span(text, match_start, match_end)
        previous_end = matches[index - 1][1] if index else 0
        next_start = matches[index + 1][0] if index + 1 < len(matches) else len(text)
        limit = max(previous_end, text.rfind(";", 0, start) + 1)
        before = (_label_start(text, max(sentence_start, limit), start, limit), start)
        after = (match_end, min(sentence_end, next_start))
        kind, donor, strong = _classify(text, before, after, mentions, donors)
        if _programme_wide(text, (max(sentence_start, previous_end), start), after):
            kind = "programme"
        evidence = [doc.evidence(start, end)]
        _add(found, _Found(amount, currency, kind, qualifier, donor, strong, evidence))
    for figure in _out_of_scale([f for f in found if f.kind != "programme"]):
        figure.kind = "programme"
    return [
        AmountFound(f.amount, f.currency, f.kind, f.qualifier, f.donor, f.evidence) for f in found
    ]


def _figures(text: str) -> list[tuple[int, int, tuple[Decimal, str]]]:
    """(start, end, (amount, currency)) of every sum of money, in order: in figures
    ("14 200 000 тенге", "$45K") and in words ("девять миллионов восемьсот тысяч тенге")."""
    figures = [(m.start(), m.end(), value) for m in _AMOUNT.finditer(text) if (value := _value(m))]
    taken = [(start, end) for start, end, _value in figures]
    for currency in _WORD_CURRENCY.finditer(text):
        if any(start <= currency.start() < end for start, end in taken):
            continue
        spelled = words_before(text, currency.start())
        if spelled and _a_sum_in_words(text[spelled[0] : currency.start()], spelled[1]):
            code = _code(currency.group(), _CURRENCY_CODES)
            if code is None:
                continue
            figures.append((spelled[0], currency.end(), (spelled[1], code)))
    return sorted(figures, key=lambda figure: figure[0])


def _a_conversion(text: str, previous: tuple, start: int, currency: str) -> bool:
    """ "CZK 520,000 (approximately USD 22,600)": the figure in brackets right after a sum in
    another currency restates it for the reader; it is no second sum."""
    previous_end, previous_currency = previous[1], previous[2][1]
    return currency != previous_currency and bool(
        _OPENING_BRACKET.fullmatch(text, previous_end, start)
    )


_OPENING_BRACKET = re.compile(r"\s*[(\[]\s*(?:[≈~]\s*)?")


def _a_sum_in_words(words: str, value: Decimal) -> bool:
    """ "десять евро" is no grant, nor is "әр мың теңгенің" ("every thousand tenge"): a sum in
    words is at least a thousand, and a lone word at least a million ("миллион долларов")."""
    return value >= 10**6 or (value >= 1000 and len(words.split()) > 1)


_WORD_CURRENCY = re.compile(rf"(?<![\w$€£₸₽])(?:{_CURRENCY})", _I)


# A sum a thousand times another of the release in its currency is a programme's, a portfolio's
# or a budget's ("ADB's USD 14 billion in Uzbekistan" beside a USD 2 million grant).
OUT_OF_SCALE = 1000


def _out_of_scale(amounts: list[_Found]) -> list[_Found]:
    """Sums out of scale with the release's others in the same currency: no project's own.
    (A release announcing several grants may also give their total, outside every grant's
    part; taking such sums out was measured, and on releases never seen it took a project's
    own sum too: they stay.)"""
    outside = []
    for amount in amounts:
        smaller = [
            other.amount
            for other in amounts
            if other.currency == amount.currency and other is not amount
        ]
        if smaller and amount.amount >= OUT_OF_SCALE * min(smaller):
            outside.append(amount)
    return outside


def _programme_wide(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether the figure is a programme's, a fund's or a donor's whole (not this project's
    funding): said by the words before it, or by "per project" right after it."""
    words_before = text[before[0] : before[1]]
    if _PROGRAMME_WIDE_BEFORE.search(words_before):
        return True
    words_after = text[after[0] : after[1]]
    if _PROGRAMME_WIDE_AFTER.search(words_after) or _RECORD_AFTER.search(words_after):
        return True
    programmes = list(_PROGRAMME_NOUN.finditer(words_before))
    projects = list(_PROJECT_NOUN.finditer(words_before))
    nearest_is_programme = programmes and (
        not projects or programmes[-1].start() > projects[-1].start()
    )
    return bool(nearest_is_programme and _TOTAL_WORD.search(words_before))


def _value(match: re.Match) -> tuple[Decimal, str] | None:
    number = match.group("pnum") or match.group("num")
    multiplier_text = match.group("pmult") or match.group("mult") or match.group("pletter")
    multiplier = _multiplier(multiplier_text) if multiplier_text else 1
    if re.fullmatch(_HALF, number, _I):
        if multiplier == 1:
            return None  # "полтора тенге" is no grant
        amount = Decimal("1.5")
    else:
        amount = parse_number(number, decimal_only=multiplier != 1)
    if amount is None or amount == 0:
        return None
    if match.group("pcur"):
        currency = _code(match.group("pcur"), _PREFIX_CODES, whole=True)
    else:
        currency = _code(match.group("cur"), _CURRENCY_CODES)
    if currency is None:
        return None
    value = amount * multiplier
    return value.quantize(Decimal(1)) if value == value.to_integral() else value, currency


def _code(written: str, codes: list[tuple[re.Pattern, str]], whole: bool = False) -> str | None:
    """The ISO code of a currency as written ("долл. США" -> USD); None for three capitals
    that are no currency ("NGO")."""
    for rx, code in codes:
        if rx.fullmatch(written) if whole else rx.match(written):
            if code != "ISO":
                return code
            return written if written in ISO_CURRENCIES else None
    return None


def _multiplier(text: str) -> int:
    if text in ("m", "M"):
        return 10**6
    if text in ("k", "K"):
        return 10**3
    return next(value for rx, value in _MULTIPLIER_VALUES if rx.fullmatch(text))


def parse_number(text: str, decimal_only: bool = False) -> Decimal | None:
    """ "213 793" -> 213793, "470,000" -> 470000, "1,5" -> 1.5, "1.234.567,89" -> 1234567.89.

    A lone comma or dot before exactly three digits is a thousands separator, unless a
    multiplier follows (decimal_only): "1,250 млн" is 1.25 million.
    """
    digits = re.sub(r"[ \t\u00a0\u2009\u202f]", "", text)
    separators = [i for i, char in enumerate(digits) if char in ".,"]
    if separators:
        last = separators[-1]
        decimals = len(digits) - last - 1
        grouped = (
            len(separators) > 1 and decimals == 3 and len(set(digits[i] for i in separators)) == 1
        )
        if (decimals == 3 and not decimal_only) or grouped:
            digits = digits.replace(",", "").replace(".", "")
        else:
            digits = digits[:last].replace(",", "").replace(".", "") + "." + digits[last + 1 :]
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _qualifier(text: str, start: int, end: int) -> tuple[int, int, str]:
    """(start, end, qualifier) of the amount phrase, qualifier words included."""
    before = text[max(0, start - 40) : start]
    for kind, rx in _QUALIFIER_BEFORE:
        found = rx.search(before)
        if found:
            return start - len(before) + found.start(), end, kind
    for kind, rx in _QUALIFIER_AFTER:
        found = rx.match(text, end)
        if found:
            return start, found.end(), kind
    return start, end, "exact"


def _label_start(text: str, start: int, end: int, limit: int) -> int:
    """A figure alone on its line takes the short label on the line above ("Бюджет\\n€ 1")."""
    line_start = text.rfind("\n", 0, end) + 1
    if line_start <= limit or re.search(r"\w", text[max(start, line_start) : end]):
        return start
    label_end = len(text[:line_start].rstrip())
    label_start = max(limit, text.rfind("\n", 0, label_end) + 1)
    label = text[label_start:label_end].strip()
    return label_start if label and len(label) <= 60 else start


def _donor_mentions(text: str, donors: list[OrganizationFound]) -> list[_Mention]:
    """Where each donor is named: its evidence, its written name and its known other names."""
    mentions = []
    for donor in donors:
        key = donor.normalized or donor.name
        mentions += [_Mention(e.start, e.end, key) for e in donor.evidence]
        patterns = [re.compile(re.escape(donor.name), _I)] if donor.name else []
        patterns += [rx for name, rx in _KNOWN_DONORS.items() if _is_known(donor, name, rx)]
        for rx in patterns:
            mentions += [_Mention(m.start(), m.end(), key) for m in rx.finditer(text)]
    return sorted(mentions, key=lambda mention: mention.start)


def _is_known(donor: OrganizationFound, name: str, rx: re.Pattern) -> bool:
    if donor.normalized and donor.normalized.casefold() == name.casefold():
        return True
    return bool(rx.search(donor.name or "") or rx.search(donor.normalized or ""))


def _named(mentions: list[_Mention], start: int, end: int) -> list[str]:
    names = [m.donor for m in mentions if start <= m.start and m.end <= end]
    return list(dict.fromkeys(names))


def _classify(
    text: str,
    before: tuple[int, int],
    after: tuple[int, int],
    mentions: list[_Mention],
    donors: list[OrganizationFound],
) -> tuple[str, str | None, bool]:
    """(kind, donor, strong): read the words before the amount, else those after it."""
    if _SIZE_OF_PROJECT.match(text, after[0]):
        return "total", None, True
    result = _classify_span(text, *before, mentions, donors)
    if result == ("other", None, False):
        result = _classify_span(text, *after, mentions, donors)
    return result


def _classify_span(
    text: str,
    offset: int,
    end: int,
    mentions: list[_Mention],
    donors: list[OrganizationFound],
) -> tuple[str, str | None, bool]:
    span = text[offset:end]
    named = _named(mentions, offset, end)
    contribution = _CONTRIBUTION.search(span)
    if _TOTAL_STRONG.search(span):
        return "total", None, True
    if contribution and len(named) == 1:
        return "donor_contribution", named[0], True
    if _PASSED_ON.search(span):
        return "other", None, True
    if len(named) >= 2:
        return "total", None, True
    funding = _FUNDING.search(text, *sentence_span(text, offset, end))
    if named and funding:
        return "donor_contribution", named[0], False
    referred = funding and _referred(text, span, offset, mentions, donors)
    if referred == "several":
        return "total", None, False
    if referred:
        return "donor_contribution", referred, False
    if _TOTAL_WEAK.search(span):
        return "total", None, True
    if contribution:
        donor = _sole_donor(donors) or _known_donor(span)
        if donor:
            return "donor_contribution", donor, True
    return "other", None, False


def _referred(
    text: str, span: str, offset: int, mentions: list[_Mention], donors: list[OrganizationFound]
) -> str | None:
    """The donor a generic word refers to: "агентство" (the last agency named), "США".

    Returns "several" when the word covers more than one donor and the text before does not
    single one out ("США выделят $1,5 млн" about both the State Department and USAID).
    """
    keys = {donor.normalized or donor.name: donor for donor in donors}
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    references = [(_AGENCY_WORD, _AGENCY_DONOR, False), (_EMBASSY_WORD, _EMBASSY_DONOR, False)]
    references += [(word, donor, True) for word, donor in _COUNTRY_PATTERNS]
    for word, donor_rx, collective in references:
        found = [m for m in word.finditer(span) if not _inside(m, spans)]
        if not found:
            continue
        candidates = {key for key, donor in keys.items() if _matches(donor_rx, donor)}
        if len(candidates) == 1:
            return candidates.pop()
        if not candidates:
            continue
        earlier = [m for m in mentions if m.end <= offset and m.donor in candidates]
        if not earlier:
            return "several" if collective else None
        last = earlier[-1]
        if not collective:
            return last.donor
        sentence = sentence_span(text, last.start, last.end)
        together = {m.donor for m in earlier if sentence[0] <= m.start < sentence[1]}
        return last.donor if len(together) == 1 else "several"
    return None


def _inside(match: re.Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def _matches(rx: re.Pattern, donor: OrganizationFound) -> bool:
    return bool(rx.search(donor.name or "") or rx.search(donor.normalized or ""))


def _sole_donor(donors: list[OrganizationFound]) -> str | None:
    keys = {donor.normalized or donor.name for donor in donors}
    return keys.pop() if len(keys) == 1 else None


def _known_donor(span: str) -> str | None:
    return next((name for name, rx in _KNOWN_DONORS.items() if rx.search(span)), None)


def _add(found: list[_Found], new: _Found) -> None:
    """Merge a repeated figure into its earlier mention; a guessed kind yields to a stated one."""
    for old in found:
        if (old.amount, old.currency) != (new.amount, new.currency):
            continue
        if old.donor and new.donor and old.donor != new.donor:
            continue
        if old.kind != new.kind and old.strong and new.strong:
            continue
        if new.strong and not old.strong:
            old.kind, old.donor, old.strong = new.kind, new.donor, True
        old.donor = old.donor or (new.donor if old.kind == new.kind else None)
        if old.qualifier == "exact":
            old.qualifier = new.qualifier
        old.evidence += new.evidence
        return
    found.append(new)
