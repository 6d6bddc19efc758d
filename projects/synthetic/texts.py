"""The texts of a synthetic project in ru / kk / en, composed from the aligned phrases of
phrases.py: title, summary, description, objectives, results, and the press release it
"comes from". Pure functions: a random.Random and the project's facts in, texts out."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import FundingKind, ParticipationRole, PlaceKind
from ..partial_dates import DatePrecision
from .phrases import (
    AND,
    CLOSINGS,
    CO_FINANCING,
    CO_IMPLEMENTER,
    CONTRIBUTION,
    CURRENCY_WORDS,
    DATELINE,
    DURATION,
    FUNDED_BY,
    FUNDED_BY_MANY,
    GENERIC_ACTIVITIES,
    GENERIC_OBJECTIVES,
    GENERIC_RESULTS,
    HEADLINES,
    LEAD,
    LOCAL_AUTHORITY,
    MONTHS,
    OBJECTIVES_HEADING,
    ONE_PLACE,
    PARTNERS,
    PERIOD,
    PLACES,
    PRESS_CONTACT,
    RARE_SENTENCES,
    RECORD_ID,
    SOURCE_NOTICE,
    STARTS,
    SUMMARY,
    TAGLINES,
    TITLE_PHASE,
    TOTAL_BUDGET,
    Counted,
    Text,
    Theme,
)

if TYPE_CHECKING:
    from .records import FundingRecord, GazetteerPlace, OrganizationRef

LANGUAGES = ("ru", "kk", "en")
MARKER = Text("[Синтетические данные] ", "[Синтетикалық деректер] ", "[Synthetic data] ")
EMPTY = Text("", "", "")
TEXT_LENGTH = (1000, 3000)  # characters per language, title to results; also the source's


def fill(template: Text, **slots: Text | str) -> Text:
    """The template in each language with each slot's text in that language (a slot ending
    in a full stop, like "2018 г.", does not double the template's own)."""
    filled = []
    for position, pattern in enumerate(template):  # ru, kk, en
        values = {k: v[position] if isinstance(v, Text) else v for k, v in slots.items()}
        filled.append(pattern.format(**values).replace("..", "."))
    return Text(*filled)


def cited(name: Text) -> Text:
    """An organisation's name inside an English sentence: "funded by the Embassy of ..."."""
    return Text(name.ru, name.kk, f"the {name.en}")


def join(parts: Sequence[Text], separator: str = " ") -> Text:
    return Text(*(separator.join(texts) for texts in zip(*parts, strict=True))) if parts else EMPTY


def enumeration(names: Sequence[Text]) -> Text:
    """ "A, B и C" / "A, B және C" / "A, B and C"."""
    if len(names) == 1:
        return names[0]
    head = join(names[:-1], ", ")
    return Text(*(a + b + c for a, b, c in zip(head, AND, names[-1], strict=True)))


def first_upper(text: Text) -> Text:
    return Text(*(value[:1].upper() + value[1:] for value in text))


def first_lower(text: Text) -> Text:
    return Text(*(value[:1].lower() + value[1:] for value in text))


def money(line: FundingRecord) -> Text:
    """ "более 250 000 евро" / "250 000 еуродан астам" / "more than EUR 250,000"."""
    ru_word, kk_nominative, kk_ablative, kk_dative = CURRENCY_WORDS[line.currency]
    grouped = f"{line.amount:,}".replace(",", "\u00a0")
    ru = f"{grouped} {ru_word}"
    kk = {
        "more_than": f"{grouped} {kk_ablative} астам",
        "up_to": f"{grouped} {kk_dative} дейін",
        "about": f"шамамен {grouped} {kk_nominative}",
    }.get(line.qualifier, f"{grouped} {kk_nominative}")
    en = f"{line.currency} {line.amount:,}"
    prefix = {
        "more_than": ("более ", "more than "),
        "up_to": ("до ", "up to "),
        "about": ("около ", "about "),
    }.get(line.qualifier, ("", ""))
    return Text(prefix[0] + ru, kk, prefix[1] + en)


def date_text(date: datetime.date, precision: str) -> Text:
    month = date.month - 1
    if precision == DatePrecision.DAY:
        return Text(
            f"{date.day} {MONTHS['ru_genitive'][month]} {date.year} г.",
            f"{date.year} жылғы {date.day} {MONTHS['kk'][month]}",
            f"{date.day} {MONTHS['en'][month]} {date.year}",
        )
    if precision == DatePrecision.MONTH:
        return Text(
            f"{MONTHS['ru'][month]} {date.year} г.",
            f"{date.year} жылғы {MONTHS['kk'][month]}",
            f"{MONTHS['en'][month]} {date.year}",
        )
    return Text(f"{date.year} г.", f"{date.year} жыл", str(date.year))


def months(count: int) -> Text:
    if count % 10 == 1 and count % 100 != 11:
        noun = "месяц"
    elif count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        noun = "месяца"
    else:
        noun = "месяцев"
    return Text(f"{count} {noun}", f"{count} ай", f"{count} months")


def counted(rng, item: Text | Counted) -> Text:
    if isinstance(item, Text):
        return item
    n = rng.randint(item.low, item.high)
    n = n if n < 100 else round(n, -1)
    noun = item.ru_forms[0] if n % 10 == 1 and n % 100 != 11 else item.ru_forms[1]
    return Text(item.ru.format(n=n, noun=noun), item.kk.format(n=n), item.en.format(n=n))


def project_texts(rng, theme, lead, others, donors, places, start, end, duration, funding):
    """Title, summary, description, objectives and results in three languages, 1,000-3,000
    characters in each: the facts always, then optional sentences up to a drawn length."""
    aim = rng.choice(theme.aims)
    summary_template = rng.choice(SUMMARY)
    opening = rng.choice(theme.context)
    aim_text = Text(aim.ru, aim.kk, aim.en)
    summary = join(
        [fill(summary_template, lead=lead.name, aim=aim_text, aim_dative=aim.kk_dative), opening]
    )
    title = _title(rng, theme, places)
    facts = [fill(LEAD, lead=cited(lead.name))]
    co = [ref.name for ref, role in others if role == ParticipationRole.CO_IMPLEMENTER]
    partners = [ref.name for ref, role in others if role == ParticipationRole.PARTNER]
    authority = [
        cited(ref.name) for ref, role in others if role == ParticipationRole.LOCAL_AUTHORITY_PARTNER
    ]
    if co:
        facts.append(fill(CO_IMPLEMENTER, name=co[0]))
    if partners:
        facts.append(fill(PARTNERS, names=enumeration(partners)))
    if authority:
        facts.append(fill(LOCAL_AUTHORITY, name=authority[0]))
    facts.append(
        fill(
            FUNDED_BY if len(donors) == 1 else FUNDED_BY_MANY,
            names=enumeration([cited(d.name) for d in donors]),
        )
    )
    where = fill(
        ONE_PLACE if len(places) == 1 else PLACES, places=enumeration([p.name for p in places])
    )
    when = []
    if start[0] and end[0]:
        when.append(fill(PERIOD, start=date_text(*start), end=date_text(*end)))
    elif start[0]:
        when.append(fill(STARTS, start=date_text(*start)))
    if duration:
        when.append(fill(DURATION, months=months(duration)))
    money = [_money_sentence(line, donors) for line in funding]
    objectives = rng.sample(theme.objectives, rng.randint(2, 3))
    results = [counted(rng, item) for item in rng.sample(theme.results, 2)]
    context = [c for c in theme.context if c != opening]
    optional = [  # (paragraph, sentence), most telling first
        *[(0, c) for c in rng.sample(context, len(context))],
        *[(1, a) for a in rng.sample(theme.activities, len(theme.activities))],
        (1, rng.choice(theme.beneficiaries)),
        *[(1, a) for a in rng.sample(GENERIC_ACTIVITIES, 6)],
        *[(2, c) for c in rng.sample(CLOSINGS, 2)],
    ]
    if theme.optional_rights and rng.random() < 0.3:
        optional.insert(0, (0, theme.optional_rights[0]))
    for _word, (theme_slug, chance, sentence) in sorted(RARE_SENTENCES.items()):
        if theme.slug == theme_slug and rng.random() < chance:
            optional.insert(0, (1, sentence))
    extra_objective = [rng.choice(GENERIC_OBJECTIVES)] if rng.random() < 0.4 else []
    extra_result = [counted(rng, rng.choice(GENERIC_RESULTS))] if rng.random() < 0.5 else []

    paragraphs: list[list[Text]] = [[], facts, [where, *when, *money]]
    target = rng.randint(1300, TEXT_LENGTH[1] - 100)

    def assembled() -> dict[str, Text]:
        return {
            "title": fill(Text("{m}{t}", "{m}{t}", "{m}{t}"), m=MARKER, t=title),
            "summary": summary,
            "description": join([join(p) for p in paragraphs if p], "\n\n"),
            "objectives": join(objectives + extra_objective, "\n"),
            "results": join(results + extra_result, "\n"),
        }

    # The lengths are kept exact as sentences are added: a sentence adds itself and a space,
    # or the paragraph break if it opens a paragraph.
    length = [sum(len(getattr(t, lang)) for t in assembled().values()) for lang in LANGUAGES]
    for paragraph, sentence in optional:
        if min(length) >= TEXT_LENGTH[0] and max(length) >= target:
            break
        separator = 1 if paragraphs[paragraph] else 2
        grown = [
            n + len(getattr(sentence, lang)) + separator
            for n, lang in zip(length, LANGUAGES, strict=True)
        ]
        if max(grown) <= TEXT_LENGTH[1]:
            paragraphs[paragraph].append(sentence)
            length = grown
    return assembled()


def _money_sentence(line: FundingRecord, donors: list[OrganizationRef]) -> Text:
    if line.kind == FundingKind.TOTAL:
        return fill(TOTAL_BUDGET, amount=money(line))
    if line.kind == FundingKind.DONOR_CONTRIBUTION:
        donor = next(d for d in donors if d.pk == line.donor_id)
        return fill(CONTRIBUTION, donor=cited(donor.name), amount=money(line))
    return fill(CO_FINANCING, amount=money(line))


def _title(rng, theme: Theme, places: list[GazetteerPlace]) -> Text:
    """Varied titles: a theme's own, "Topic: tagline" or "Tagline: topic", sometimes with a
    place or a phase."""
    form = rng.random()
    if form < 0.45:
        title = rng.choice(theme.titles)
    elif form < 0.8:
        title = fill(
            Text("{a}: {b}", "{a}: {b}", "{a}: {b}"), a=theme.topic, b=rng.choice(TAGLINES)
        )
    else:
        tagline = first_upper(rng.choice(TAGLINES))
        title = fill(
            Text("{a}: {b}", "{a}: {b}", "{a}: {b}"), a=tagline, b=first_lower(theme.topic)
        )
    if rng.random() < 0.25:
        title = fill(Text("{t} ({p})", "{t} ({p})", "{t} ({p})"), t=title, p=places[0].name)
    if rng.random() < 0.1:
        title = fill(TITLE_PHASE, title=title, phase=str(rng.randint(2, 3)))
    return title


def source_text(rng, slug, language, texts, lead, places, contacts, published_on) -> tuple:
    """The press release the record "comes from", in the original language, 1-3 thousand
    characters: headline, dateline and summary, then as much of the description as fits.
    Returns its headline and its text."""
    plain_title = Text(
        *(value.removeprefix(m) for value, m in zip(texts["title"], MARKER, strict=True))
    )
    headline = fill(rng.choice(HEADLINES), title=plain_title, lead=lead.name)
    towns = (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.SETTLEMENT, PlaceKind.VILLAGE)
    town = next((p.name for p in places if p.country == "KZ" and p.kind in towns), None)
    dateline = fill(
        DATELINE,
        city=town or Text("Астана", "Астана", "Astana"),
        date=date_text(published_on, DatePrecision.DAY),
    )
    pick = lambda text: getattr(text, language)  # noqa: E731
    blocks = [pick(SOURCE_NOTICE), pick(headline), f"{pick(dateline)} {pick(texts['summary'])}"]
    closing = [pick(fill(RECORD_ID, slug=slug))]
    if contacts:
        contact = contacts[0]
        details = ", ".join([pick(contact.name), *contact.phones, *contact.emails])
        closing.insert(0, pick(fill(PRESS_CONTACT, contact=details)))
    objectives = "\n".join([pick(OBJECTIVES_HEADING), *pick(texts["objectives"]).splitlines()])
    budget = TEXT_LENGTH[1] - sum(len(b) + 2 for b in blocks + closing)
    for paragraph in pick(texts["description"]).split("\n\n") + [objectives]:
        if len(paragraph) + 2 <= budget:
            blocks.append(paragraph)
            budget -= len(paragraph) + 2
    return pick(headline), "\n\n".join(blocks + closing)
