"""A release that announces several projects at once: a donor presenting nine small grants, a
state grant operator naming the three winners of a contest.

Such a release gives each grant its own paragraph or list item: the grantee, its sum, where it
works ("1. ОО «Ақтөбе жастары» – 14,5 млн тенге на проект…", "Фонду «Адал» выделено 78 910
долларов США на…", "The second grant, CZK 480,000, goes to…"). `announced_projects` finds those
parts and, for each, the organisations, sums and places read in it, so the editor sees the
release project by project. What the parts share (donors, period, contacts) stays the release's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from projects.ingest.legal_forms import org_key
from projects.ingest.result import (
    AmountFound,
    Document,
    Evidence,
    OrganizationFound,
    PlaceFound,
)
from projects.ingest.sentences import sentence_span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*–·])[ \t]+", re.MULTILINE)
TITLE_LENGTH = 160
# A part names one grantee, or two that share a grant; a paragraph naming more sums up.
MAX_GRANTEES_IN_A_PART = 2


@dataclass
class AnnouncedProject:
    title: str  # the part's first sentence, as written (without its list number)
    evidence: Evidence  # the part's words
    implementers: list[OrganizationFound] = field(default_factory=list)
    partners: list[OrganizationFound] = field(default_factory=list)
    amounts: list[AmountFound] = field(default_factory=list)
    places: list[PlaceFound] = field(default_factory=list)


def announced_projects(
    doc: Document,
    implementers: list[OrganizationFound],
    partners: list[OrganizationFound],
    amounts: list[AmountFound],
    places: list[PlaceFound],
) -> list[AnnouncedProject]:
    """The projects of a release that announces two or more, each from its own part; none for
    a release about one project."""
    found = []
    for start, end in _parts(doc.article):
        grantees = _inside(implementers, start, end)
        sums = _inside(amounts, start, end)
        listed = bool(_LIST_ITEM.match(doc.article, start))
        if not 0 < len(grantees) <= MAX_GRANTEES_IN_A_PART or not (sums or listed):
            continue
        found.append(
            AnnouncedProject(
                title=_title(doc.text, start, end),
                evidence=doc.evidence(start, end),
                implementers=grantees,
                partners=_inside(partners, start, end),
                amounts=sums,
                places=_inside(places, start, end),
            )
        )
    return found if len(found) >= 2 and _each_its_own_grantee(found) else []


def _parts(article: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, and of each list item inside a paragraph."""
    parts = []
    position = 0
    for block_end in [m.start() for m in _PARAGRAPH_BREAK.finditer(article)] + [len(article)]:
        block = article[position:block_end]
        items = [m.start() for m in _LIST_ITEM.finditer(block)]
        cuts = sorted({0, *items}) + [len(block)]
        for cut_start, cut_end in zip(cuts, cuts[1:], strict=False):
            text = block[cut_start:cut_end]
            if text.strip():
                start = position + cut_start
                parts.append((start + len(text) - len(text.lstrip()), start + len(text.rstrip())))
        position = block_end
    return parts


def _inside(found: list, start: int, end: int) -> list:
    return [item for item in found if any(start <= e.start < end for e in item.evidence)]


def _each_its_own_grantee(projects: list[AnnouncedProject]) -> bool:
    """Two parts naming the same grantee are one project told twice, not two projects."""
    seen: set[str] = set()
    for project in projects:
        keys = {org_key(organization.name) for organization in project.implementers}
        if keys & seen:
            return False
        seen |= keys
    return True


def _title(text: str, start: int, end: int) -> str:
    """The part's first sentence, without its list number, at most TITLE_LENGTH characters
    (cut at a word, with an ellipsis)."""
    number = _LIST_ITEM.match(text, start)
    start = number.end() if number else start
    _sentence_start, sentence_end = sentence_span(text, start, start)
    sentence = " ".join(text[start : min(sentence_end, end)].split()).rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    return sentence[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
