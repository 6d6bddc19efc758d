"""Whom to contact: e-mail addresses, phone numbers, and the people (or offices) they belong to.

* `find_emails(doc)`: every address, lower-cased, once each, in order of appearance (also the
  target of a Markdown `[x](mailto:x)` link if one is left).
* `find_phones(doc)`: every phone or fax number as written, whitespace tidied to single spaces
  ("+7\\n 717 516 964" -> "+7 717 516 964"), once each by its digits (the first written form
  wins; "8 727 ..." and "+7 727 ..." are the same number, so are "(7172) ..." and "+7 7172 ...").
  A number is taken when it reads as one: an international "+..." form, an area code in
  brackets, a Kazakh "8 (7xx) ..." or "8 7xx ..." trunk form, or any other digit group right
  after a phone word ("тел.", "факс", "tel", "phone", "ұялы", ...) or right after another phone
  ("..., 395-49-98"). Postcodes, years, amounts, dates and contract numbers are not numbers
  written that way. The words "тел.", "факс", "fax" never enter the value.
* `find_contacts(doc)`: after a contact cue ("Для дальнейшей информации ... связаться с",
  "Контакты", "Байланыс ақпараты", "Қосымша ақпарат алу үшін ... хабарласыңыз", "For more
  information", "Contact:"), the text is read as a run of holders, each followed by its phones
  and e-mails. A holder is a person ("Павлом Лобачевым, директором ОО «Эхо»": name brought to the
  nominative with pymorphy3, position in the nominative, organisation as written) or, when no
  person is named, an office ("Қазақстандағы ЕО делегациясымен" -> "Қазақстандағы ЕО
  делегациясы"). Two names sharing one line of details share its phones and take its e-mails in
  order when there are as many e-mails as names. The run ends at an address block, at prose, or
  far from the last detail; a holder whose details repeat a contact already found (a footer) is
  not a new contact. Without a cue, only a person named right before a phone or e-mail is a
  contact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from projects.ingest.legal_forms import (
    LEGAL_ABBREVIATIONS,
    ORG_HEADS_EN,
    ORG_HEADS_KK,
    ORG_HEADS_RU,
    org_key,
)
from projects.ingest.result import ContactFound, Document, ValueFound
from projects.ingest.sentences import sentence_span
from projects.ingest.words import (
    LETTER,
    LOWER,
    UPPER,
    has_kazakh,
    is_latin,
    match_case,
    nominative_head,
    parses,
    quoted_core,
    strip_edges,
    strip_kazakh_instrumental,
    strip_parentheses,
    tidy,
)

# ---------------------------------------------------------------------------------------------
# E-mails
# ---------------------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)


@dataclass
class _Detail:
    kind: str  # "phone" | "email"
    value: str
    key: str
    start: int
    end: int


def _email_details(text: str) -> list[_Detail]:
    out = []
    for match in _EMAIL.finditer(text):
        value = match.group().lower()
        if value.startswith("mailto:"):
            value = value[7:]
        out.append(_Detail("email", value, value, match.start(), match.end()))
    return out


def find_emails(doc: Document) -> list[ValueFound]:
    """Every e-mail address in the article, lower-cased, once each, in order."""
    found: dict[str, ValueFound] = {}
    for detail in _email_details(doc.article):
        evidence = doc.evidence(detail.start, detail.end)
        if detail.value in found:
            found[detail.value].evidence.append(evidence)
        else:
            found[detail.value] = ValueFound(detail.value, [evidence])
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------------

# "+7" alone at the end of a line, the digits on the next one
_SP = " \t\u00a0\u2000-\u200a\u202f"  # spaces within a line
_LONE_CODE = re.compile(rf"(?<![\w/@.+-])(\+[{_SP}]?\d{{1,3}})[{_SP}]*\n[{_SP}]*(?=[\d(])")
_CANDIDATE = re.compile(
    rf"(?:(?<![\w+])\+[{_SP}]?|(?<![\w/@.,+-]))(?:\(\d{{1,5}}\)|\d)(?:[\d\-–(){_SP}]*\d)?"
)
_PHONE_WORD = re.compile(
    rf"(?<![{LETTER}])(?:тел(?:ефон\w*)?|tel(?:ephone)?|ph(?:one)?|факс|fax|моб(?:ильный)?|mob(?:ile)?|"
    r"сот(?:овый)?|ұялы|whats\s*app|вайбер|viber|т|call|hotline|горячая\s+линия|"
    r"байланыс\s+телефоны)\.?\s*(?:/\s*(?:факс|fax)\.?)?\s*(?:[:.№#-]\s*)?$",
    re.IGNORECASE,
)
_AFTER_NOT_PHONE = re.compile(
    r"^\s*(?:тенге|теңге|тг|евро|eur|€|\$|usd|kzt|долл|руб|сом|млн|млрд|тыс|million|billion|"
    r"thousand|%|процент|человек|адам|жыл|год|г\.|гг|лет|км|м2|кв|экз|шт"
    # a Kazakh ending on a number ("2024-те", "300-ден"), not a word ("телефоны", "тегін")
    r"|-?(?:га|дан|ден|нан|ге|ға|ке|қа|та|те|да|де)(?![а-яәғқңөұүһі]))",
    re.IGNORECASE,
)
_BEFORE_NOT_PHONE = re.compile(r"(?:[$€№#]|\bNo\.?|\bN)\s*$")


def _phone_key(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    plus = value.lstrip().startswith("+")
    if not plus and len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    elif not plus and len(digits) == 10 and digits.startswith("7"):
        digits = "7" + digits
    return digits


def _phone_details(text: str) -> list[_Detail]:
    # join "+7" with the digits on the next line, keeping offsets
    work = _LONE_CODE.sub(lambda m: m.group(0).replace("\n", " "), text)
    out: list[_Detail] = []
    for match in _CANDIDATE.finditer(work):
        start, end = match.start(), match.end()
        raw = work[start:end]
        # trailing unbalanced bracket or separators
        while raw and (
            raw[-1] in " \t\u00a0-–(" or (raw[-1] == ")" and raw.count(")") > raw.count("("))
        ):
            raw = raw[:-1]
        end = start + len(raw)
        if raw.startswith("(") and raw.count("(") > raw.count(")"):
            continue
        value = re.sub(r"\s+", " ", raw).strip()
        digits = re.sub(r"\D", "", value)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 12]
        if _AFTER_NOT_PHONE.match(after) or _BEFORE_NOT_PHONE.search(before):
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}|\d{1,2}-\d{1,2}", value):
            continue
        previous = out[-1] if out else None
        if _is_phone(value, digits, before, text, start, previous):
            out.append(_Detail("phone", value, _phone_key(value), start, end))
    return out


def _is_phone(value: str, digits: str, before: str, text: str, start: int, previous) -> bool:
    plus = value.startswith("+")
    if plus:
        return 8 <= len(digits) <= 15
    if value.startswith("("):
        inside = re.match(r"\((\d+)\)", value)
        rest = re.sub(r"\D", "", value[inside.end() :]) if inside else ""
        return 9 <= len(digits) <= 12 and len(rest) >= 5
    if digits.startswith("8") and len(digits) == 11:
        return bool(re.match(r"8[ \t-]?\(?\d{3,5}\)?[ \t-]?\d", value)) or value.isdigit()
    if not 5 <= len(digits) <= 12:
        return False
    if _PHONE_WORD.search(before):
        return True
    if previous is not None:
        gap = text[previous.end : start]
        if re.fullmatch(r"\s*(?:[,;/]|или|либо|or|немесе|және|and)\s*", gap) and (
            "-" in value or " " in value or len(digits) >= 6
        ):
            return True
    return False


def find_phones(doc: Document) -> list[ValueFound]:
    """Every phone and fax number in the article as written, once each by its digits."""
    found: dict[str, ValueFound] = {}
    for detail in _phone_details(doc.article):
        evidence = doc.evidence(detail.start, detail.end)
        key = _same_number(detail.key, found)
        if key is not None:
            found[key].evidence.append(evidence)
        else:
            found[detail.key] = ValueFound(detail.value, [evidence])
    return list(found.values())


def _same_number(key: str, found: dict) -> str | None:
    if key in found:
        return key
    for other in found:
        short, long = sorted((key, other), key=len)
        if len(short) >= 9 and long.endswith(short) and len(long) - len(short) <= 3:
            return other
    return None


# ---------------------------------------------------------------------------------------------
# Contacts
# ---------------------------------------------------------------------------------------------

_CONTACT_CUE = re.compile(
    r"(?:для|за)\s+(?:получения\s+)?(?:(?:дальнейшей|дополнительной|более\s+подробной|подробной)"
    r"\s+)?информаци\w*|дополнительн\w+\s+информаци\w+|"
    r"\bконтакт(?:ы|ная\s+информация|ное\s+лицо|ные\s+лица)\b|"
    r"(?:связаться|свяжитесь|обращаться|обращайтесь|обратиться|обратитесь)\s+(?:с|со|к|ко|в|во|по)\b|"
    r"для\s+(?:сми|справок|журналистов)\s*:|"
    r"\bбайланыс\s+(?:ақпараты|үшін|телефоны|телефондары|деректері|тұлғасы)|\bбайланыс\s*:|"
    r"\b(?:қосымша|толығырақ|толық)\s+ақпарат\w*(?:\s+алу\s+үшін)?|хабарласыңыз|"
    r"хабарласуға\s+болады|"
    r"(?:вопросы|запросы)\s+(?:можно\s+)?(?:направ\w+|задать)|"
    r"\bfor\s+(?:more|further|additional)\s+(?:information|details)|"
    r"\b(?:media|press)\s+contacts?|\bcontacts?\s*:|\bcontact\s+persons?|"
    r"\b(?:please|can|may)\s+contact|\bfor\s+(?:media\s+)?(?:inquiries|enquiries)",
    re.IGNORECASE,
)

_VERB_LEAD = re.compile(
    r"^.*?\b(?:связаться|свяжитесь|обращаться|обращайтесь|обратиться|обратитесь|звоните|"
    r"пишите|направ\w+|contact|reach|call|write\s+to)\b"
    r"(?:\s+(?:с|со|к|ко|в|во|with))?\s*",
    re.IGNORECASE | re.DOTALL,
)
_PUNCT = r"[\s,;.:/|*()\[\]\-–—]"
_KK_VERB_TAIL = re.compile(
    r"\s*(?:хабарласыңыз|хабарласуға\s+болады|хабарласу\w*|жүгініңіз|жазыңыз|қоңырау\s+шалыңыз)"
    r"[\s:.,]*$",
    re.IGNORECASE,
)
_LABEL = (
    r"(?:или|либо|а\s+также|and|or|немесе|және|"
    r"\]\(mailto:|mailto:|тел(?:ефон(?:у|ы|ам)?)?\.?|tel\.?|telephone|phone|факс|fax|"
    r"моб(?:ильный)?\.?|mob(?:ile)?\.?|сот\.?|e-?mail|эл\.\s*почта|электронн\w+\s+почт\w+|"
    r"почта|mail|ұялы|по\s+телефону|по\s+электронной\s+почте|т\.|ph\.?|whatsapp|по|"
    r"электрондық\s+пошта|пошта)"
)
_LEADING_LABELS = re.compile(rf"^(?:{_PUNCT}+|{_LABEL}(?={_PUNCT}|$))+", re.IGNORECASE)
_TRAILING_LABELS = re.compile(rf"(?:{_PUNCT}+|(?<={_PUNCT}){_LABEL}|^{_LABEL})+$", re.IGNORECASE)
_ADDRESS = re.compile(
    r"(?:\bул\.|\bулица\b|\bпр\.|\bпр-т|проспект|көшесі|даңғылы|\bstreet\b|\bstr\.|avenue|"
    r"\baddress|\bадрес|мекенжай|\bофис\s+\d|\bкаб\.|(?<!\d)\d{6}(?!\d)|почтовый|веб-сайт|"
    r"website|www\.|https?://|\d+-үй|\d+-қабат)",
    re.IGNORECASE,
)

_ROLE_RU = (
    r"директор\w*|руководител\w*|координатор\w*|менеджер\w*|специалист\w*|сотрудни\w*|"
    r"представител\w*|председател\w*|президент\w*|вице-президент\w*|эксперт\w*|юрист\w*|"
    r"консультант\w*|глав[аеуоы]\b|заместител\w*|пресс-секретар\w*|секретар\w*|ассистент\w*|"
    r"помощник\w*|аналитик\w*|начальник\w*|заведующ\w*|основател\w*|учредител\w*|советник\w*|"
    r"офицер\w*|атташе|посол\w*|тренер\w*|редактор\w*|исполнительн\w*|ответственн\w*|главн\w*|"
    r"ведущ\w*|старш\w*|пресс-атташе|куратор\w*|администратор\w*"
)
_ROLE_KK = (
    r"директоры?|жетекшісі|жетекші|үйлестірушісі|үйлестіруші|менеджері|маманы|төрағасы|"
    r"хатшысы|өкілі|сарапшысы|басшысы|қызметкері|орынбасары|кеңесшісі|президенті"
)
_ROLE_EN = (
    r"director|manager|coordinator|officer|head|chair(?:man|person|woman)?|president|specialist|"
    r"expert|assistant|advis[eo]r|consultant|attach[eé]|ambassador|representative|"
    r"spokes(?:person|man|woman)|executive|founder|secretary|analyst|lead|"
    r"senior|junior|associate|deputy|chief|principal"  # a title's first word: "Senior ... Officer"
)
_ROLE = re.compile(rf"(?<![{LETTER}])(?:{_ROLE_RU}|{_ROLE_KK}|{_ROLE_EN})(?![{LETTER}])", re.I)

_NAME_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}'’]+)?"
_INITIALS = rf"[{UPPER}]\.(?:\s?[{UPPER}]\.)?"
_NAME_RUN = re.compile(
    rf"(?<![{LETTER}«\"“])(?:{_INITIALS}\s?{_NAME_WORD}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    rf"(?![{LETTER}»\"”])"
)
_TITLES = re.compile(r"^(?:г-н|г-жа|mr|mrs|ms|dr|prof|проф)\.?\s+", re.IGNORECASE)

_NOT_NAME_WORDS = {
    "для", "по", "тел", "телефон", "контакты", "контакт", "пресс", "проект", "проекта", "email",
    "mail", "факс", "fax", "phone", "tel", "for", "more", "information", "contact", "contacts",
    "media", "press", "office", "the", "and", "or", "или", "республика", "республики",
    "казахстан", "казахстана", "казахстане", "алматы", "астана", "нур-султан", "қазақстан",
    "public", "european", "union", "delegation", "foundation", "fund", "centre", "center",
    "institute", "association", "bureau", "agency", "embassy", "project", "programme",
    "kazakhstan", "almaty", "astana", "republic", "central", "asia", "international",
    "national", "network", "coalition", "partnership", "initiative", "director", "manager",
    "coordinator", "officer", "head", "communications", "mobile", "website", "веб-сайт",
    "веб-сайттар", "фэйсбук", "facebook", "instagram", "twitter", "telegram", "youtube",
    "e-mail", "почта", "сайт", "адрес", "мекенжай", "байланыс", "ақпараты", "қосымша",
    "дополнительной", "информации", "бұл", "жоба", "жобасы", "делегация", "делегации",
    "представительство", "фонд", "центр", "институт", "ассоциация", "бюро", "ул", "улица",
    "resident", "mission", "relations", "external", "grants", "women", "senior", "associate",
}  # fmt: skip


@dataclass
class _Group:
    holder: str
    holder_start: int
    details: list[_Detail] = field(default_factory=list)
    case: str | None = None  # the case a verb's preposition asks for: "связаться с" -> ablt


@dataclass
class _Holder:
    name: str
    position: str | None
    organization: str | None
    is_person: bool


def find_contacts(doc: Document, organizations: list | None = None) -> list[ContactFound]:
    """The people (or offices) a release names to contact, with their phones and e-mails.
    `organizations` (found in the release) give the full name of one a contact line names
    short ("«Таулы өлке» қорына +7 777 …" is «Таулы өлке» экологиялық қоғамдық қоры)."""
    text = doc.article
    details = sorted(_phone_details(text) + _email_details(text), key=lambda d: d.start)
    details = _dedupe_adjacent(details)
    contacts: list[ContactFound] = []
    pos = 0
    while True:
        cue = _CONTACT_CUE.search(text, pos)
        if not cue:
            break
        groups, end = _read_groups(text, cue.end(), details)
        _add_groups(doc, groups, contacts, persons_only=False)
        pos = max(end, cue.end())
    if not contacts:
        _fallback(doc, details, contacts)
    _organizations_beside_numbers(doc, details, contacts, organizations or [])
    _coordinator_named_elsewhere(doc, details, contacts)
    if doc.language == "kk":
        for contact in contacts:
            contact.name = _without_kazakh_ablative(contact.name)
    return contacts


# "ақпаратты … маманы Дина Ахметовадан алуға болады", "… департаментінен (+7 …)": whom to ask,
# in the ablative; the contact is named in the nominative.
_KK_ABLATIVE = re.compile(rf"(?<=[{LOWER}]{{4}})(?:(?<=[аеәоөұүыіяюэ])[дн][аеә]н|(?<=[іы])н[еа]н)$")


def _without_kazakh_ablative(name: str) -> str:
    words = name.split(" ")
    last = _KK_ABLATIVE.sub("", words[-1])
    if last != words[-1] and len(last) >= 4:
        words[-1] = last
    return " ".join(words)


# "можно у координатора проекта по телефону +7 …", "contact the coordinator at +7 …": the
# coordinator the release names elsewhere ("рассказала координатор проекта Елена Сорокина",
# "Жоба үйлестірушісі – Мадина Ахметова", "said Aliya Nurmagambetova, who coordinates the
# project").
_COORDINATOR_WORD = re.compile(r"координатор|coordinator|үйлестіруші", re.IGNORECASE)
# Stricter than _NAME_WORD above (no apostrophe, a capital after a hyphen); its own name, so
# that it no longer replaces _NAME_WORD for the rest of the module.
_COORDINATOR_NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
_PERSON = rf"{_COORDINATOR_NAME_WORD}\s+{_COORDINATOR_NAME_WORD}"
_COORDINATOR_NAMED = re.compile(
    rf"(?:координатор\w*\s+проекта|жоба(?:ның)?\s+үйлестірушісі|project\s+coordinator)"
    rf"\s*[-–—:,]?\s*(?P<after>{_PERSON})(?![{LETTER}])"
    rf"|(?P<before>{_PERSON}),\s+(?:who\s+coordinates\s+the\s+project|(?:the\s+)?project"
    r"\s+coordinator)",
)


def _coordinator_named_elsewhere(doc, details, contacts) -> None:
    text = doc.article
    named = _COORDINATOR_NAMED.search(text)
    if not named:
        return
    name = named.group("after") or named.group("before")
    if any(contact.name == name for contact in contacts):
        return
    taken = _numbers_given(contacts)
    phones, emails, spans = [], [], []
    for detail in details:
        if detail.key in taken or detail.value in taken:
            continue
        sentence_start, _end = sentence_span(text, detail.start, detail.end)
        if _COORDINATOR_WORD.search(text, sentence_start, detail.start):
            (phones if detail.kind == "phone" else emails).append(detail.value)
            spans.append((sentence_start, detail.end))
    if spans:
        evidence = [doc.evidence(named.start(), named.end())]
        evidence += [doc.evidence(start, end) for start, end in spans[:1]]
        contacts.append(ContactFound(name=name, phones=phones, emails=emails, evidence=evidence))


# "«Сенім көпірі» бірлестігіне +7 (7112) 51-26-84 телефоны арқылы", "по телефону +996 700 38 14
# 52 (ОО «Ак-Тилек Чүй»)": an organisation named right before or after a number no contact has.
_KK_ORG_BEFORE = re.compile(
    r"(?P<name>«[^«»\n]{2,60}»)\s+(?:[а-яәғқңөұүһі]+\s+){0,2}?"
    r"(?:қор|бірлестіг|орталығ|ұйым|қауымдастығ)[а-яәғқңөұүһі]*\s*$"
)
_ORG_AFTER = re.compile(
    rf"\s*\((?P<name>(?:{'|'.join(sorted(LEGAL_ABBREVIATIONS, key=len, reverse=True))})\s*"
    r"«[^«»\n]{2,60}»)\)"
)


def _organizations_beside_numbers(doc, details, contacts, organizations) -> None:
    text = doc.article
    taken = _numbers_given(contacts)
    for detail in details:
        if detail.key in taken or detail.value in taken:
            continue
        line_start = text.rfind("\n", 0, detail.start) + 1
        before = _KK_ORG_BEFORE.search(text, line_start, detail.start)
        after = _ORG_AFTER.match(text, detail.end, detail.end + 80)
        found = before or after
        if not found:
            continue
        name = _full_name(found.group("name"), organizations)
        phones = [detail.value] if detail.kind == "phone" else []
        emails = [detail.value] if detail.kind == "email" else []
        evidence = doc.evidence(min(found.start(), detail.start), max(found.end(), detail.end))
        contacts.append(ContactFound(name=name, phones=phones, emails=emails, evidence=[evidence]))
        taken.add(detail.key if detail.kind == "phone" else detail.value)


def _numbers_given(contacts: list[ContactFound]) -> set[str]:
    """The phones (by their digits) and e-mails the contacts found so far already give."""
    phones = {_phone_key(phone) for contact in contacts for phone in contact.phones}
    return phones | {email for contact in contacts for email in contact.emails}


def _full_name(short: str, organizations: list) -> str:
    """The organisation the release names in full that has the same quoted name."""
    core = quoted_core(short)
    for organization in organizations:
        if core and quoted_core(organization.name) == core:
            return organization.name
    return short


def _dedupe_adjacent(details: list[_Detail]) -> list[_Detail]:
    """ "[x@y.kz](mailto:x@y.kz)": one address."""
    out: list[_Detail] = []
    for detail in details:
        if out and out[-1].key == detail.key and detail.start - out[-1].end <= 12:
            previous = out[-1]
            out[-1] = _Detail(
                previous.kind, previous.value, previous.key, previous.start, detail.end
            )
            continue
        out.append(detail)
    return out


def _read_groups(text: str, start: int, details: list[_Detail]) -> tuple[list[_Group], int]:
    groups: list[_Group] = []
    pos = start
    current: _Group | None = None
    case = _lead_case(text[max(0, start - 40) : start])
    for detail in details:
        if detail.start < start:
            continue
        if detail.start - pos > 400:
            break
        between = text[pos : detail.start]
        holder = _clean_holder(between)
        case = _lead_case(between) or case
        if holder:
            if not _acceptable_holder(holder):
                office = _office_before_address(holder) if not groups else None
                if not office:
                    break
                holder = office
            offset = between.find(holder[:10])
            current = _Group(holder, pos + max(offset, 0), case=case)
            groups.append(current)
        elif current is None:
            current = _Group("", detail.start)
            groups.append(current)
        current.details.append(detail)
        pos = detail.end
    return groups, pos


_LEAD_CASE = re.compile(
    r"\b(?:связаться|свяжитесь|обращаться|обращайтесь|обратиться|обратитесь|направ\w+|"
    r"звоните|пишите)(?:\s+(?:с|со|к|ко))?\b",
    re.IGNORECASE,
)


def _lead_case(text: str) -> str | None:
    """The case a contact verb asks of the name after it: "с" -> ablt, "к" / "направить" ->
    datv."""
    found = None
    for match in _LEAD_CASE.finditer(text):
        found = match
    if not found:
        return None
    words = found.group().lower().split()
    if words[-1] in ("с", "со"):
        return "ablt"
    if words[-1] in ("к", "ко") or words[0].startswith(("направ", "звоните", "пишите")):
        return "datv"
    return None


def _office_before_address(holder: str) -> str | None:
    """ "Общественный фонд «Десента», г. Павлодар, ул. Ленина 1" -> the organisation."""
    first = re.split(r",\s*", holder, maxsplit=1)[0]
    if _ADDRESS.search(first) or not _org_like(first):
        return None
    return first


def _clean_holder(text: str) -> str:
    text = text.replace("](mailto:", " ").replace("[", " ").replace("]", " ").replace("*", " ")
    text = text.replace("<", " ").replace(">", " ")
    text = _KK_VERB_TAIL.sub("", text)
    lead = _VERB_LEAD.match(text)
    if lead and lead.end() < len(text):
        text = text[lead.end() :]
    for _ in range(3):
        new = _LEADING_LABELS.sub("", text)
        new = _TRAILING_LABELS.sub("", new)
        if new == text:
            break
        text = new
    if ":" in text:
        after = text.rsplit(":", 1)[1]
        if re.search(rf"[{LETTER}]{{2,}}", after):
            text = after
    text = _LEADING_LABELS.sub("", text)
    text = _TRAILING_LABELS.sub("", text)
    text = tidy(text)
    if text.startswith(")"):
        text = text[1:].strip()
    if not re.search(rf"[{LETTER}]{{2,}}", text):
        return ""
    return text


def _acceptable_holder(holder: str) -> bool:
    words = re.findall(rf"[{LETTER}]+", holder)
    if len(words) > 25:
        return False
    persons = _person_spans(holder)
    if _ADDRESS.search(holder) and not persons:
        return False
    return not (re.search(rf"[.!?]\s+[{UPPER}]", holder) and len(words) > 8 and not persons)


def _add_groups(doc, groups: list[_Group], contacts: list[ContactFound], persons_only: bool):
    for group in groups:
        if not group.holder:
            continue
        holders = _parse_holder(group.holder, doc.language, group.case)
        if not holders or (persons_only and not holders[0].is_person):
            continue
        phones = _unique([d.value for d in group.details if d.kind == "phone"], _phone_key)
        emails = _unique([d.value for d in group.details if d.kind == "email"], str)
        known_phones = {_phone_key(p) for c in contacts for p in c.phones}
        known_emails = {e for c in contacts for e in c.emails}
        if (
            (phones or emails)
            and all(_phone_key(p) in known_phones for p in phones)
            and all(e in known_emails for e in emails)
            and not any(h.is_person for h in holders)
        ):
            continue  # a footer repeating a contact already found
        end = group.details[-1].end if group.details else group.holder_start + len(group.holder)
        evidence = doc.evidence(group.holder_start, end)
        for index, holder in enumerate(holders):
            own_phones, own_emails = phones, emails
            if len(holders) > 1:
                if len(emails) == len(holders):
                    own_emails = [emails[index]]
                if len(phones) == len(holders):
                    own_phones = [phones[index]]
            existing = next((c for c in contacts if org_key(c.name) == org_key(holder.name)), None)
            if existing is not None:
                for phone in own_phones:
                    if _phone_key(phone) not in {_phone_key(p) for p in existing.phones}:
                        existing.phones.append(phone)
                for email in own_emails:
                    if email not in existing.emails:
                        existing.emails.append(email)
                existing.evidence.append(evidence)
                continue
            contacts.append(
                ContactFound(
                    name=holder.name,
                    position=holder.position,
                    organization=holder.organization,
                    phones=list(own_phones),
                    emails=list(own_emails),
                    evidence=[evidence],
                )
            )


def _unique(values: list[str], key) -> list[str]:
    seen = set()
    out = []
    for value in values:
        k = key(value)
        if k not in seen:
            seen.add(k)
            out.append(value)
    return out


def _fallback(doc: Document, details: list[_Detail], contacts: list[ContactFound]) -> None:
    """No contact cue: a person named just before a phone or an e-mail, on the same line."""
    text = doc.article
    for detail in details:
        line_start = text.rfind("\n", 0, detail.start) + 1
        if any(c.evidence and c.evidence[-1].end > line_start for c in contacts):
            continue
        groups, _ = _read_groups(text, line_start, [d for d in details if d.start >= line_start])
        line_end = text.find("\n", detail.start)
        line_end = len(text) if line_end == -1 else line_end
        _add_groups(doc, [g for g in groups if g.holder_start < line_end], contacts, True)


# --- holders ----------------------------------------------------------------------------------


def _parse_holder(holder: str, language: str, case: str | None = None) -> list[_Holder]:
    holder = _TITLES.sub("", holder.strip())
    spans = _person_spans(holder)
    if not spans:
        org = _office_name(holder, language)
        return [_Holder(org, None, org, False)] if org else []
    out = []
    for index, (start, end) in enumerate(spans):
        name = _person_nominative(holder[start:end], case)
        following = holder[end : spans[index + 1][0]] if index + 1 < len(spans) else holder[end:]
        preceding = holder[:start] if index == 0 else ""
        position, organization = _position_and_org(following, language)
        if not position and not organization and preceding.strip():
            position, organization = _position_and_org(preceding, language)
        out.append(_Holder(name, position, organization, True))
    # "Асқар Қалиев, Нұршат Ертаева, ARGO": the details after the last name apply to all
    if len(out) > 1 and all(h.position is None and h.organization is None for h in out[:-1]):
        for h in out[:-1]:
            h.position, h.organization = out[-1].position, out[-1].organization
    return out


def _is_name_word(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in _NOT_NAME_WORDS or word in LEGAL_ABBREVIATIONS:
        return False
    if _ROLE.fullmatch(word):
        return False
    if lower.startswith(("казахстан", "қазақстан", "европ", "еуроп")):
        return False
    if lower.startswith(ORG_HEADS_RU) or lower.startswith(ORG_HEADS_KK):
        return False
    if lower in ORG_HEADS_EN:
        return False
    if is_latin(word) or has_kazakh(word) or len(word) <= 2:
        return True
    options = parses(lower)
    if not options:
        return True
    if any(
        p.tag.POS in ("PREP", "CONJ", "PRCL", "NPRO", "VERB", "INFN") and p.score > 0.5
        for p in options
    ):
        return False
    if any("Geox" in p.tag or "Orgn" in p.tag for p in options[:2]) and not any(
        "Name" in p.tag or "Surn" in p.tag for p in options[:3]
    ):
        return False
    personal = any("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag for p in options)
    adjective = options[0].tag.POS in ("ADJF", "PRTF") and options[0].score > 0.3
    return personal or not adjective


def _person_spans(holder: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NAME_RUN.finditer(holder):
        words = list(re.finditer(rf"[{LETTER}'’.-]+", match.group()))
        # keep the longest run of name words (2 to 3) inside the match
        run: list[re.Match] = []
        best: list[re.Match] = []
        for word in words:
            if re.fullmatch(_INITIALS, word.group()) or _is_name_word(word.group().rstrip(".")):
                run.append(word)
                if len(run) > len(best):
                    best = list(run)
            else:
                run = []
        if len(best) < 2:
            continue
        best = best[:3]
        start = match.start() + best[0].start()
        end = match.start() + best[-1].end()
        spans.append((start, end))
    return spans


# Russian surname endings: oblique ending -> (nominative ending, gender, cases)
_SURNAME_RULES = (
    ("ского", "ский", "masc", {"gent", "accs"}),
    ("скому", "ский", "masc", {"datv"}),
    ("ским", "ский", "masc", {"ablt"}),
    ("ском", "ский", "masc", {"loct"}),
    ("ской", "ская", "femn", {"gent", "datv", "ablt", "loct"}),
    ("скую", "ская", "femn", {"accs"}),
    ("цкого", "цкий", "masc", {"gent", "accs"}),
    ("цкому", "цкий", "masc", {"datv"}),
    ("цким", "цкий", "masc", {"ablt"}),
    ("цкой", "цкая", "femn", {"gent", "datv", "ablt", "loct"}),
    ("овым", "ов", "masc", {"ablt"}),
    ("евым", "ев", "masc", {"ablt"}),
    ("ёвым", "ёв", "masc", {"ablt"}),
    ("иным", "ин", "masc", {"ablt"}),
    ("ыным", "ын", "masc", {"ablt"}),
    ("овой", "ова", "femn", {"gent", "datv", "ablt", "loct"}),
    ("евой", "ева", "femn", {"gent", "datv", "ablt", "loct"}),
    ("ёвой", "ёва", "femn", {"gent", "datv", "ablt", "loct"}),
    ("иной", "ина", "femn", {"gent", "datv", "ablt", "loct"}),
    ("ыной", "ына", "femn", {"gent", "datv", "ablt", "loct"}),
    ("ову", "ов", "masc", {"datv"}),
    ("еву", "ев", "masc", {"datv"}),
    ("ину", "ин", "masc", {"datv"}),
    ("ове", "ов", "masc", {"loct"}),
    ("еве", "ев", "masc", {"loct"}),
    ("ине", "ин", "masc", {"loct"}),
    ("ова", "ов", "masc", {"gent", "accs"}),
    ("ева", "ев", "masc", {"gent", "accs"}),
    ("ина", "ин", "masc", {"gent", "accs"}),
)
_FEMININE_ACCUSATIVE = (("ову", "ова"), ("еву", "ева"), ("ину", "ина"))


def _feminine_nominative(words, given_index, surname_index, given_nominative, context_case):
    """A woman's name in the nominative reads as a man's in the genitive ("Дина Утегенова",
    "Алия Бекмуханова"); with no case required around it, the nominative is the reading."""
    if context_case or given_index is None or surname_index is None:
        return False
    surname = words[surname_index].lower()
    return "femn" in given_nominative and surname.endswith(
        ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")
    )


def _person_nominative(name: str, context_case: str | None = None) -> str:
    """ "Павлом Лобачевым" -> "Павел Лобачев", "Карлыгаш Джаманкуловой" -> "Карлыгаш
    Джаманкулова"; names already in the nominative and Latin names are left alone."""
    name = tidy(name)
    words = name.split(" ")
    if any(is_latin(w) for w in words):
        return name
    # Kazakh instrumental and dative: "Асқар Қалиевпен", "Нұршат Ертаеваға"
    if has_kazakh(name):
        words[-1] = strip_kazakh_instrumental(words[-1])
        oblique = re.fullmatch(r"(.{4,}?)-?(?:ға|ге|қа|ке|дан|ден|тан|тен|нан|нен)", words[-1])
        if oblique:  # dative or ablative: "Әйгерім Жұмабаевадан ... алуға болады"
            words[-1] = oblique.group(1)
    given_index = None
    given_options: list = []
    for index, word in enumerate(words):
        if re.fullmatch(_INITIALS, word):
            continue
        options = [p for p in parses(word) if "Name" in p.tag and p.tag.number != "plur"]
        if options:
            given_index, given_options = index, options
            break
    surname_index = next(
        (
            i
            for i in range(len(words) - 1, -1, -1)
            if i != given_index
            and not re.fullmatch(_INITIALS, words[i])
            and not any("Patr" in p.tag for p in parses(words[i]))
        ),
        None,
    )
    # what the surname says
    surname_reading: list[tuple[str, str, str]] = []  # (case, gender, nominative)
    if surname_index is not None:
        surname = words[surname_index]
        lower = surname.lower()
        for ending, nominative, gender, cases in _SURNAME_RULES:
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                stem = surname[: len(surname) - len(ending)]
                for case in cases:
                    surname_reading.append((case, gender, stem + nominative))
                break
        for ending, nominative in _FEMININE_ACCUSATIVE:
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                surname_reading.append(
                    ("accs", "femn", surname[: len(surname) - len(ending)] + nominative)
                )
    given_nominative = {p.tag.gender for p in given_options if p.tag.case == "nomn"}
    given_oblique = {(p.tag.case, p.tag.gender) for p in given_options if p.tag.case != "nomn"}
    if context_case:
        # "обращайтесь к Анне Ким": the dative of Анна, not the indeclinable Анне
        declined = [p for p in given_options if p.tag.case == context_case and "Fixd" not in p.tag]
        if declined:
            given_options = declined
            given_nominative = set()
            given_oblique = {(p.tag.case, p.tag.gender) for p in declined}
    if _feminine_nominative(words, given_index, surname_index, given_nominative, context_case):
        return " ".join(words)  # "Дина Утегенова", not the genitive of "Дин Утегенов"
    choice = None
    # the given name and the surname agree on an oblique case
    for case, gender, nominative in surname_reading:
        if (case, gender) in given_oblique:
            choice = (case, gender, nominative)
            break
    if choice is None and given_options and given_oblique and not given_nominative:
        case, gender = sorted(given_oblique)[0]
        reading = [r for r in surname_reading if r[0] == case and r[1] == gender]
        choice = (case, gender, reading[0][2] if reading else None)
    elif choice is None and surname_reading:
        # unknown or indeclinable given name: only unambiguous oblique surname endings count
        unambiguous = [
            r
            for r in surname_reading
            if r[0] in ("ablt",) or r[2].endswith(("ова", "ева", "ина", "ына", "ская", "цкая"))
        ]
        lower = words[surname_index].lower()
        masculine_nominative = (
            given_nominative == {"masc"}
            and lower.endswith("ой")
            and not given_oblique
            and not lower.endswith(("овой", "евой", "иной", "ыной", "ёвой"))
        )  # "Лев Толстой"
        if (
            unambiguous
            and lower.endswith(("ой", "ым", "им", "ого", "ому"))
            and not masculine_nominative
        ):
            choice = unambiguous[0]
    if choice is None:
        return " ".join(words)
    case, gender, surname_nominative = choice
    out = list(words)
    if surname_index is not None and surname_nominative:
        out[surname_index] = surname_nominative
    if given_index is not None:
        matching = [p for p in given_options if p.tag.case == case and p.tag.gender == gender]
        if matching:
            inflected = matching[0].inflect({"nomn"})
            if inflected is not None:
                out[given_index] = match_case(words[given_index], inflected.word)
    for index, word in enumerate(words):
        if index in (given_index, surname_index):
            continue
        patronymic = [p for p in parses(word) if "Patr" in p.tag and p.tag.case == case]
        if patronymic:
            inflected = patronymic[0].inflect({"nomn"})
            if inflected is not None:
                out[index] = match_case(word, inflected.word)
    return " ".join(out)


def _position_and_org(text: str, language: str) -> tuple[str | None, str | None]:
    text = strip_edges(tidy(text))
    text = re.sub(r"^(?:и|and|және|или|or)\s+", "", text, flags=re.I)
    if not text:
        return None, None
    position = None
    organization = None
    parts = [strip_edges(p) for p in re.split(r",\s*(?![^«]*»)", text) if strip_edges(p)]
    for part in parts:
        role = _ROLE.search(part)
        if role and position is None:
            position, org = _split_role(part, role, language)
            if org and organization is None:
                organization = org
        elif organization is None and _org_like(part):
            organization = part
    return position, organization


def _split_role(part: str, role: re.Match, language: str) -> tuple[str | None, str | None]:
    if is_latin(part.replace(" ", "").replace("«", "").replace("»", "")):
        split = re.search(r"\s+(?:at|of|with|,)\s+(?:the\s+)?(?=[A-Z«\"“])", part)
        if split and split.start() >= role.start():
            org = strip_edges(part[split.end() :])
            return strip_edges(part[: split.start()]), org or None
        return strip_edges(part), None
    if has_kazakh(part) and role.end() >= len(part.rstrip()) - 1:
        # Kazakh order: "«АРГО» ассоциациясының директоры", "жоба үйлестірушісі"
        start = role.start()
        modifier = re.search(
            r"(?:^|\s)((?:жоба(?:ның)?|бағдарлама(?:ның)?|баспасөз|атқарушы|бас|аға)\s+)$",
            part[:start],
            re.IGNORECASE,
        )
        if modifier:
            start = modifier.start(1)
        org = strip_edges(part[:start])
        return part[start:].strip(), (org if org and _org_like(org) else org or None)
    # Russian order: position, then the organisation from the first capital, quote or legal form
    rest = part[role.start() :]
    words = list(re.finditer(r"\S+", rest))
    cut = None
    for index, word in enumerate(words):
        if index == 0:
            continue
        token = word.group()
        bare = token.strip('«»"“”(),')
        if (
            token[:1] in '«"“„'
            or bare in LEGAL_ABBREVIATIONS
            or (bare[:1].isupper() and not _ROLE.fullmatch(bare))
            or re.match(r"(?:обществен|некоммерческ|неправительственн|благотворительн)", bare, re.I)
        ):
            cut = word.start()
            break
    position_text = rest[:cut] if cut is not None else rest
    org = strip_edges(rest[cut:]) if cut is not None else None
    position = strip_edges(position_text)
    if not has_kazakh(position):
        position = nominative_head(position)
    return position or None, org or None


_TOWN = re.compile(
    rf"(?:г\.|город|қ\.|city\s+of)\s*[{UPPER}][{LETTER}-]+|[{UPPER}][{LETTER}-]+\s+қаласы"
)


_ONE_PLACE = re.compile(rf"[{UPPER}][{LETTER}-]+")


def _without_town_or_post(text: str) -> str:
    """ "ННО «Ташаббус», г. Самарканд", "Embassy of Canada, CFLI coordinator": the office is
    what comes before its town or the post of whoever answers there."""
    parts = re.split(r",\s*(?![^«]*»)", text)
    tail = parts[1:]
    if tail and all(_TOWN.fullmatch(part.strip()) or _ROLE.search(part) for part in tail):
        return parts[0]
    # 'Public Foundation "Balalyk Nuru", Karakol': one capitalised word after a quoted name
    if len(tail) == 1 and re.search('[«"“]', parts[0]) and _ONE_PLACE.fullmatch(tail[0].strip()):
        return parts[0]
    return text


def _org_like(text: str) -> bool:
    words = re.findall(rf"[{LETTER}]+", text)
    if not words or len(words) > 12:
        return False
    if text[:1] in '«"“„' or words[0] in LEGAL_ABBREVIATIONS:
        return True
    lower = text.lower()
    return text[:1].isupper() and (
        any(h in lower for h in ORG_HEADS_RU)
        or any(h in lower for h in ORG_HEADS_KK)
        or any(h in lower for h in ORG_HEADS_EN)
        or bool(re.fullmatch(rf"[{UPPER}]{{2,8}}", words[0]))
    )


def _office_name(holder: str, language: str) -> str | None:
    """An organisation or office named as the contact."""
    text = _without_town_or_post(strip_edges(strip_parentheses(holder)))
    text = re.sub(r"^(?:и|and|және|или|or|с|со|к|в|with)\s+", "", text, flags=re.I)
    if not text:
        return None
    words = re.findall(rf"[{LETTER}]+", text)
    if len(words) > 12 or not words:
        return None
    if not (text[:1].isupper() or text[:1] in '«"“„' or _org_like(text)):
        lower = text.lower()
        if not (lower.startswith(ORG_HEADS_RU) or lower.startswith(("пресс-служб", "офис"))):
            return None
    if has_kazakh(text) or language == "kk":
        parts = text.split(" ")
        parts[-1] = strip_kazakh_instrumental(parts[-1])
        return " ".join(parts)
    if re.search("[а-яё]", text.lower()):
        return nominative_head(text)
    return text
