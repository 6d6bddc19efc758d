"""Organisations and places named in a search, by any of their names or aliases.

A query that names an organisation or a place ("Евросоюз", "Алма-Ата", "Oskemen") finds what
each of its other names finds ("Европейский союз", "ЕС", "Еуропалық Одақ", "EU"): the words
that name it are searched as any of its names. The page then offers the matching filter
("Filter by donor: European Union"). A query that finds nothing is compared with the names for
a likely misspelling ("Павладар" -> "Павлодар", "Notabene" -> "Nota Bene"), by the trigram
similarity PostgreSQL's pg_trgm computes, here over the names in memory, so SQLite and
PostgreSQL give the same answer.

The names are read once per process and data version (like the place tree): a few queries,
a few megabytes for a registry of thousands of organisations.
"""

from __future__ import annotations

import functools
import threading
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef

from . import kazakh, search
from .models import Organization, OrganizationAlias, Participation, ParticipationRole, PlaceAlias
from .places import PlaceTree

ORGANIZATION, PLACE = "organization", "place"
MAX_NAME_WORDS = 8
SIMILARITY_THRESHOLD = 0.45  # pg_trgm's default is 0.3; names are short, so stricter
LANGUAGES = [code for code, _name in settings.LANGUAGES]
OR_WORDS = search.OR_WORDS
QUOTES = '"«»“”„'


@dataclass(frozen=True)
class Named:
    """An organisation or place a query can name."""

    kind: str  # ORGANIZATION or PLACE
    pk: int
    slug: str
    names: tuple[str, ...]  # every name, short name and alias, in every language
    is_donor: bool = False  # an organisation that funds a project (offered as the donor filter)


@dataclass
class Recognised:
    """A query with the names in it searched as every name of what they name."""

    query: search.Query
    named: list[Named] = field(default_factory=list)


class NameBook:
    """Every organisation's and place's names, to recognise them in queries and to correct
    misspelt ones."""

    def __init__(self, entries: Sequence[Named]):
        self.entries = list(entries)
        self._by_first_stem: dict[str, list[tuple[tuple[frozenset[str], ...], Named]]] = (
            defaultdict(list)
        )
        # One set of stems per distinct word, shared by every name that has the word: names
        # repeat their words ("фонд", "общественный"), and each process holds the book.
        stems_of: dict[str, frozenset[str]] = {}
        for named, _name, name_words in _names_in_words(self.entries):
            key = tuple(
                stems_of.get(word) or stems_of.setdefault(word, frozenset(search.stems_of(word)))
                for word in name_words
            )
            for stem in key[0]:
                self._by_first_stem[stem].append((key, named))

    def ready_corrections(self) -> None:
        """Makes the spellings now (as a process starts), not on the first correction."""
        self._spellings  # noqa: B018

    @functools.cached_property
    def _spellings(self) -> _SpellingIndex:
        """The names' spellings and trigrams, made on the first correction asked for: only a
        query that finds nothing needs them, and they were half the time of making the book
        (which every app process does once per data version)."""
        return _SpellingIndex(self.entries)

    # --- Recognising ------------------------------------------------------------------------

    def spans(self, terms: Sequence[search.Term]) -> list[tuple[int, int, list[Named]]]:
        """Where the terms name something: (start, end, what), longest names first, left to
        right, not overlapping."""
        found = []
        start = 0
        while start < len(terms):
            end, named = self._longest_at(terms, start)
            if named:
                found.append((start, end, named))
                start = end
            else:
                start += 1
        return found

    def _longest_at(self, terms, start: int) -> tuple[int, list[Named]]:
        best_end, best = start, []
        for stem in terms[start].stems:
            for key, named in self._by_first_stem.get(stem, ()):
                end = start + len(key)
                if end > len(terms) or end < best_end:
                    continue
                if all(key[i] & set(terms[start + i].stems) for i in range(len(key))):
                    if end > best_end:
                        best_end, best = end, [named]
                    elif named not in best:
                        best.append(named)
        return best_end, best

    def recognise(self, query: search.Query) -> Recognised:
        """The query with each run of plain words that names something searched as any of its
        names (the words themselves, as a phrase, among them)."""
        groups: list[list[search.Phrase]] = []
        named_in_query: list[Named] = []
        for run in _runs_of_plain_groups(query.groups):
            if len(run) == 1 and len(run[0]) > 1:  # an OR of alternatives: left as typed
                groups.append(run[0])
                continue
            phrases = [group[0] for group in run]
            terms = [term for phrase in phrases for term in phrase.terms]
            boundaries = _boundaries(phrases)
            covered_until = 0
            for start, end, named in self.spans(terms):
                if start not in boundaries or end not in boundaries:
                    continue  # a name across part of a quoted phrase: not this name
                groups += _groups_between(phrases, boundaries, covered_until, start)
                groups.append(_alternatives(terms[start:end], named))
                named_in_query += [n for n in named if n not in named_in_query]
                covered_until = end
            groups += _groups_between(phrases, boundaries, covered_until, len(terms))
        expanded = search.Query(groups=groups, excluded=list(query.excluded))
        return Recognised(expanded, named_in_query)

    # --- Correcting -------------------------------------------------------------------------

    def corrected(self, text: str) -> str | None:
        """The query with misspelt names replaced by the closest ones: the whole query if it
        is one name ("Notabene"), else word by word (quoted phrases, exclusions and OR left
        alone); None when nothing changes."""
        tokens = text.split()
        whole = self.closest_name(text)
        if whole and (len(tokens) == 1 or len(search.words(whole)) == len(search.words(text))):
            return whole  # never a name that drops a word typed
        changed = False
        for index, token in enumerate(tokens):
            if token.startswith("-") or token in OR_WORDS or any(q in token for q in QUOTES):
                continue
            closest = self.closest_name(token)
            if closest:
                tokens[index], changed = closest, True
        return " ".join(tokens) if changed else None

    def closest_name(self, text: str) -> str | None:
        """The name most similar to `text` (trigram similarity, at least
        SIMILARITY_THRESHOLD), as it is written; None when nothing is close or `text` is
        itself a name."""
        typed = " ".join(search.words(text))
        letters = kazakh.fold(typed)
        if not letters:
            return None
        index = self._spellings
        if letters in index.written:  # a name, or one written without its spaces or letters
            written = index.written[letters]
            return None if " ".join(search.words(written)) == typed else written
        best = index.closest(letters)
        return index.written[best] if best else None


class _SpellingIndex:
    """Each name's folded letters (with and without spaces), the name as written for each,
    and the spellings having each trigram. Every app process holds it, so the spellings are
    numbered and each trigram keeps an array of numbers: sets of strings took 80 MB for 5,000
    organisations, these arrays a few."""

    def __init__(self, entries: Sequence[Named]):
        self.written: dict[str, str] = {}
        self.by_trigram: dict[str, array] = defaultdict(lambda: array("I"))
        for _named, name, name_words in _names_in_words(entries):
            for spelling in {kazakh.fold(" ".join(name_words)), kazakh.fold("".join(name_words))}:
                if spelling in self.written:
                    continue
                self.written[spelling] = " ".join(name.split())
        self.spellings: list[str] = list(self.written)
        self.trigram_counts = array("H")
        for number, spelling in enumerate(self.spellings):
            found = trigrams(spelling)
            self.trigram_counts.append(min(len(found), 65535))
            for trigram in found:
                self.by_trigram[trigram].append(number)
        self.by_trigram = dict(self.by_trigram)  # asking for an unknown trigram adds nothing

    def closest(self, letters: str) -> str | None:
        """The spelling most similar to `letters` by pg_trgm's similarity (shared trigrams
        over all the trigrams of either), at least SIMILARITY_THRESHOLD; ties go to the first
        in alphabetical order."""
        wanted = trigrams(letters)
        counts: dict[int, int] = defaultdict(int)
        for trigram in wanted:
            for number in self.by_trigram.get(trigram, ()):
                counts[number] += 1
        best, best_score = None, SIMILARITY_THRESHOLD
        for number, shared in counts.items():
            score = shared / (len(wanted) + self.trigram_counts[number] - shared)
            spelling = self.spellings[number]
            if score > best_score or (score == best_score and best and spelling < best):
                best, best_score = spelling, score
        return best


def _names_in_words(entries: Sequence[Named]):
    """(what, name, its words) for every name a query can be matched with: one of at most
    MAX_NAME_WORDS words."""
    for named in entries:
        for name in named.names:
            name_words = search.words(name)
            if name_words and len(name_words) <= MAX_NAME_WORDS:
                yield named, name, name_words


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: each word padded with two spaces before and one after."""
    found: set[str] = set()
    for word in text.split():
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def _runs_of_plain_groups(groups):
    """Consecutive groups of one phrase each, as runs; a group of alternatives alone."""
    run: list = []
    for group in groups:
        if len(group) == 1:
            run.append(group)
            continue
        if run:
            yield run
            run = []
        yield [group]
    if run:
        yield run


def _boundaries(phrases) -> set[int]:
    """Term positions where a phrase starts or ends."""
    positions, at = {0}, 0
    for phrase in phrases:
        at += len(phrase.terms)
        positions.add(at)
    return positions


def _groups_between(phrases, boundaries, start: int, end: int) -> list[list[search.Phrase]]:
    """The phrases (as groups) lying between term positions start and end."""
    groups, at = [], 0
    for phrase in phrases:
        if start <= at and at + len(phrase.terms) <= end:
            groups.append([phrase])
        at += len(phrase.terms)
    return groups


def _alternatives(terms, named: list[Named]) -> list[search.Phrase]:
    phrases = [search.Phrase(tuple(terms), adjacent=False)]
    for each in named:
        for name in each.names:
            name_words = search.words(name)[:MAX_NAME_WORDS]
            terms_of_name = tuple(search.Term(w, search.stems_of(w)) for w in name_words)
            phrase = search.Phrase(terms_of_name, adjacent=False)
            if name_words and phrase not in phrases:
                phrases.append(phrase)
    return phrases


# --- Loading ----------------------------------------------------------------------------------


def load(version: str | None = None) -> NameBook:
    """The names as of the current data, read once per process and data version."""
    from .caching import data_version

    version = version or data_version()
    with _lock:
        if _cache.get("version") == version:
            return _cache["book"]
    book = NameBook(_organizations() + _places(PlaceTree.load(version)))
    with _lock:
        _cache.update(book=book, version=version)
    return book


def forget() -> None:
    """Drop the names this process read (tests: a rolled-back test restores a data version)."""
    with _lock:
        _cache.clear()


def _organizations() -> list[Named]:
    columns = [f"{field}_{lang}" for field in ("name", "short_name") for lang in LANGUAGES]
    aliases: dict[int, list[str]] = defaultdict(list)
    for owner, name in OrganizationAlias.objects.values_list("organization_id", "name"):
        aliases[owner].append(name)
    donations = Participation.objects.filter(
        organization=OuterRef("pk"), role=ParticipationRole.DONOR
    )
    rows = Organization.objects.annotate(is_donor=Exists(donations))
    return [
        Named(
            ORGANIZATION,
            row["pk"],
            row["slug"],
            _distinct([row[c] for c in columns] + aliases[row["pk"]]),
            is_donor=row["is_donor"],
        )
        for row in rows.values("pk", "slug", "is_donor", *columns)
    ]


def _places(tree: PlaceTree) -> list[Named]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for owner, name in PlaceAlias.objects.values_list("place_id", "name"):
        aliases[owner].append(name)
    return [
        Named(
            PLACE,
            pk,
            place.slug,
            _distinct([getattr(place, f"name_{lang}") for lang in LANGUAGES] + aliases[pk]),
        )
        for pk, place in tree.places.items()
    ]


def _distinct(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


_lock = threading.Lock()
_cache: dict = {}
