"""Free-text search: how words are normalised, how a query is read, how it finds projects.

Documents and queries go through the same functions, so the two always agree:

- `words()` splits text into words: case folded, ё read as е, digits apart from letters
  ("1994г" -> "1994", "г").
- `stem()` reduces a word to the key the index stores: Russian words by the Snowball Russian
  stemmer ("Павлодаре" -> "павлодар", "прав" and "права" -> "прав"), English words by the
  Snowball English stemmer ("entrepreneurs" -> "entrepreneur"), Kazakh words by the registry's
  Kazakh suffix rules (kazakh.py: "Павлодарда" -> "павлодар"). Words of up to three letters
  are abbreviations (ЕС, ЕО, EU, АҚШ) and numbers are numbers: both are kept whole, so "ЕС"
  never matches inside "есть".
- A document is stemmed in its own language (the Kazakh text by the Kazakh rules, names by
  their script); a query word may be in any language, so it matches when any of its stems in
  the three languages is in the document.

A query is plain words, all of which must match; "an exact phrase" in quotes, whose words
must follow each other; -word or -"phrase" to exclude; OR between two words or phrases, either
of which may match. Nothing a visitor types is an error: an unclosed quote ends at the end,
a lone OR or dash is ignored.

PostgreSQL answers from a GIN index on a tsvector of the stems (config `simple`: the stems are
made here); SQLite scans the same stems with LIKE. Both give the same matches.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from django.db import connections
from django.db.models import BigIntegerField, BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django_cte import CTE, with_cte
from django_cte.raw import raw_cte_sql

from . import kazakh

MAX_QUERY_WORDS = 10
ABBREVIATION_LENGTH = 3  # words this short are kept whole: mostly abbreviations
_WORD = re.compile(r"\d+|[^\W\d_]+")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[а-яәғқңөұүһі]")
LANGUAGES = ("ru", "kk", "en")

_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


# --- Words and stems --------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Normalised words of a text: "Усть-Каменогорск, ЁЛКА" -> ["усть", "каменогорск", "елка"].
    A Kazakh ending hyphenated to an abbreviation or a number goes: "АҚШ-тың" -> ["ақш"]."""
    if not unicodedata.is_normalized("NFKC", text):  # the check is twenty times faster
        text = unicodedata.normalize("NFKC", text)
    if "-" in text:
        text = _HYPHENATED_ENDING.sub(_without_ending, text)
    folded = text.casefold().replace("ё", "е")
    return _WORD.findall(folded)


_HYPHENATED_ENDING = re.compile(r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}|\d+)-([а-яәғқңөұүһі]{1,8})\b")


def _without_ending(match: re.Match) -> str:
    return match.group(1) if kazakh.only_endings(match.group(2)) else match.group(0)


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None = None) -> str:
    """The index key of a normalised word, read as a word of `language` (None: by its
    letters, Kazakh letters meaning Kazakh). Latin words are English whatever the text's
    language, Cyrillic words in an English text Russian."""
    if len(word) <= ABBREVIATION_LENGTH or word.isdigit():
        return word
    if _LATIN.match(word):
        return _english.stemWord(word)
    if not _CYRILLIC.match(word):
        return word  # another script: kept as it is
    if language == "kk" or kazakh.has_letters(word):
        return kazakh.stem(word)
    return russian_stem(word)


def russian_stem(word: str) -> str:
    """Snowball's Russian stem, except that an н after а or я stays: Snowball reads -н,
    -на, -но, -ны there as verb endings, so "Казахстан" and "Казахстана" lost theirs while
    "Казахстане" kept it."""
    stemmed = _russian.stemWord(word)
    if stemmed.endswith(("а", "я")) and word[len(stemmed) : len(stemmed) + 1] == "н":
        return stemmed + "н"
    return stemmed


def stems_of(word: str) -> tuple[str, ...]:
    """Every key a query word may have in a document: its stem in each language."""
    return tuple(dict.fromkeys(stem(word, language) for language in LANGUAGES))


def document(*texts: str, language: str | None = None) -> str:
    """The texts' stems, separated by single spaces, as the index stores them."""
    known = _stems_in[language]
    if len(known) > MAX_KNOWN_STEMS:
        known.clear()
    keys = []
    for text in texts:
        if text:
            for word in words(text):
                key = known.get(word)
                if key is None:
                    key = known[word] = stem(word, language)
                keys.append(key)
    return " ".join(keys)


# Indexing stems millions of words, a few thousand distinct: a dictionary per language answers
# a known word several times faster than stem()'s cache, whose key is a tuple of its arguments.
_stems_in: dict[str | None, dict[str, str]] = defaultdict(dict)
MAX_KNOWN_STEMS = 500_000


# --- Queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word of a query: it matches a document holding any of its stems."""

    word: str
    stems: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """Words that must all match (one word is a phrase of one): next to each other, in this
    order, when `adjacent` (a "quoted phrase"), else anywhere ("Усть-Каменогорск", the words
    of a name). Only adjacency needs each candidate document read again: the GIN index alone
    answers the rest."""

    terms: tuple[Term, ...]
    adjacent: bool = True

    @property
    def text(self) -> str:
        return " ".join(term.word for term in self.terms)


@dataclass
class Query:
    """A parsed query: every group must match, a group when any of its phrases does (OR), and
    no excluded phrase may."""

    groups: list[list[Phrase]] = field(default_factory=list)
    excluded: list[Phrase] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)

    @property
    def terms(self) -> list[Term]:
        """The words a match is looked for by (not the excluded ones), in query order."""
        return [term for group in self.groups for phrase in group for term in phrase.terms]

    def key(self) -> str:
        """The query written the same way for the same meaning (for caches)."""
        groups = sorted(" OR ".join(sorted(_quoted(p) for p in group)) for group in self.groups)
        excluded = sorted("-" + _quoted(phrase) for phrase in self.excluded)
        return " ".join(groups + excluded)


def _quoted(phrase: Phrase) -> str:
    return f'"{phrase.text}"' if len(phrase.terms) > 1 and phrase.adjacent else phrase.text


# Little words that do not narrow a search ("проекты в Казахстане" is "Казахстане"); kept
# inside quoted phrases, and when a query has nothing else.
STOP_WORDS = frozenset((
    # Russian
    "в", "во", "на", "и", "или", "по", "для", "с", "со", "к", "ко", "о", "об", "от", "до", "из",
    "у", "за", "а", "но", "не", "что", "как", "при", "над", "под", "без",
    # Kazakh: conjunctions, postpositions, particles
    "және", "мен", "бен", "пен", "үшін", "туралы", "бойынша", "арқылы", "немесе", "да", "де",
    "та", "те", "ме", "ма", "ба", "бе", "па", "пе",
    # English
    "the", "a", "an", "of", "in", "on", "for", "and", "or", "to", "with", "by", "at", "from",
    "about",
))  # fmt: skip

_TOKEN = re.compile(r'(-?)["«“„]([^"»”“]*)["»”“]?|(\S+)')
OR_WORDS = {"OR", "|", "ИЛИ", "НЕМЕСЕ"}


def parse(text: str) -> Query:
    """The query a visitor typed. At most MAX_QUERY_WORDS words are read."""
    query = Query()
    budget = MAX_QUERY_WORDS
    join_next = after_positive = False
    for match in _TOKEN.finditer(text or ""):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare in OR_WORDS:
            join_next = after_positive  # OR binds two words or phrases that are looked for
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        found = words(quoted if quoted is not None else bare)[:budget]
        if not found:
            continue
        little = quoted is None and len(found) == 1 and found[0] in STOP_WORDS
        if little and not _only_stop_words(text):
            continue  # a little word on its own, not one inside "AID-176-A-21"
        budget -= len(found)
        phrase = Phrase(tuple(Term(word, stems_of(word)) for word in found), quoted is not None)
        if negated:
            query.excluded.append(phrase)
        elif join_next:
            query.groups[-1].append(phrase)
        else:
            query.groups.append([phrase])
        join_next, after_positive = False, not negated
        if budget <= 0:
            break
    return query


def _only_stop_words(text: str) -> bool:
    return all(word in STOP_WORDS for word in words(text))


def query_words(text: str) -> list[str]:
    """The distinct words of a query, at most MAX_QUERY_WORDS (excluded ones too)."""
    query = parse(text)
    phrases = [p for group in query.groups for p in group] + query.excluded
    return list(dict.fromkeys(term.word for phrase in phrases for term in phrase.terms))


# --- Matching ---------------------------------------------------------------------------------


def matching_documents(
    documents: QuerySet, text: str | Query, *, column: str = "vector", using: str = "default"
) -> QuerySet:
    """ProjectSearchDocument rows matching the query (all rows for an empty query). `column`
    is the searched vector: `vector` (everything) or `head_vector` (titles and names)."""
    query = text if isinstance(text, Query) else parse(text)
    if not query:
        return documents
    return documents.filter(project_id__in=matching_ids(query, column=column, using=using))


def matching_ids(query: Query, *, column: str = "vector", using: str = "default"):
    """The ids of the projects matching a non-empty query, as a subquery for `pk__in`.

    On PostgreSQL a function (migration 0013) reads them through the GIN index once per
    statement, whatever the planner estimates: for a query matching most projects it would
    otherwise read every long, compressed vector (1.4 s instead of 50 ms at 100,000), and
    inside an ordered walk it would test project after project against its vector. SQLite
    scans the same stems with LIKE."""
    from .models import ProjectSearchDocument

    if connections[using].vendor == "postgresql":
        return RawSQL(_matches_sql(column), (tsquery(query),))  # noqa: S611
    documents = ProjectSearchDocument.objects.using(using).filter(_like_condition(query, column))
    return documents.values("project_id")


MATCH_FUNCTIONS = {
    "vector": "registry_search_matches",
    "head_vector": "registry_search_head_matches",
}


def confirmed_matches(ids: list[int], query: Query, *, using: str = "default") -> set[int]:
    """Those of a few project ids (a page) whose whole document matches the query, on
    PostgreSQL. The vectors are tested row by row (ts_match_vq, the function behind @@, which
    no index offers): through the GIN index the database would find every match first."""
    from .models import ProjectSearchDocument

    matches = RawSQL("ts_match_vq(vector, %s::tsquery)", (tsquery(query),), BooleanField())  # noqa: S611
    rows = ProjectSearchDocument.objects.using(using).filter(project_id__in=ids)
    return set(rows.filter(matches).values_list("project_id", flat=True))


def _matches_sql(column: str) -> str:
    """The ids matching a tsquery parameter, on PostgreSQL. The function's name is one of the
    two constants above; the query is always a parameter."""
    function = MATCH_FUNCTIONS[column]
    return f"SELECT project_id FROM {function}(%s::tsquery) AS project_id"  # noqa: S608


def tsquery(query: Query) -> str:
    """The query as PostgreSQL's tsquery syntax, every stem quoted."""
    parts = ["(" + " | ".join(_phrase_tsquery(p) for p in group) + ")" for group in query.groups]
    parts += ["!(" + _phrase_tsquery(phrase) + ")" for phrase in query.excluded]
    return " & ".join(parts)


def _phrase_tsquery(phrase: Phrase) -> str:
    joiner = " <-> " if phrase.adjacent else " & "
    return joiner.join(
        "(" + " | ".join(_lexeme(s) for s in term.stems) + ")" for term in phrase.terms
    )


def _lexeme(stem_: str) -> str:
    return "'" + stem_.replace("\\", "\\\\").replace("'", "''") + "'"


MAX_PHRASE_FORMS = 32  # SQLite: the spellings of a phrase tried, at most


def _like_condition(query: Query, column: str) -> Q:
    condition = Q()
    for group in query.groups:
        either = Q()
        for phrase in group:
            either |= _phrase_like(phrase, column)
        condition &= either
    for phrase in query.excluded:
        condition &= ~_phrase_like(phrase, column)
    return condition


def _phrase_like(phrase: Phrase, column: str) -> Q:
    if not phrase.adjacent:
        return functools.reduce(
            operator.and_, (_phrase_like(Phrase((term,)), column) for term in phrase.terms)
        )
    forms = itertools.islice(
        itertools.product(*(term.stems for term in phrase.terms)), MAX_PHRASE_FORMS
    )
    spellings = [Q(**{f"{column}__contains": " " + " ".join(form) + " "}) for form in forms]
    return functools.reduce(operator.or_, spellings)


def joined_to_matches(projects: QuerySet, query: Query) -> QuerySet:
    """The projects matching a query with words to look for.

    On PostgreSQL the matching ids are read once (matching_ids' function, through the GIN
    index) into a materialised CTE that the projects are joined to by hashing: as `id IN
    (...)` the planner would look each match up by id (it cannot count a function's rows),
    a quarter of a second for a common word at 100,000 projects. SQLite has no such choice."""
    if connections[projects.db].vendor != "postgresql":
        return projects.filter(pk__in=matching_ids(query, using=projects.db))
    found = raw_cte_sql(_matches_sql("vector"), [tsquery(query)], {"project_id": BigIntegerField()})
    matches = CTE(found, name="matched_words", materialized=True)
    return with_cte(matches, select=matches.join(projects, id=matches.col.project_id))


# --- Snippets ---------------------------------------------------------------------------------

SNIPPET_LENGTH = 240  # characters of context around the first matched word


def snippet(texts: list[tuple[str, str]], query: Query) -> str | None:
    """HTML of the first passage of `texts` ((text, language) pairs, in order) holding a word
    of the query, every such word in <mark>, everything else escaped; None when no text does
    (the match was in a name, a keyword or a year)."""
    wanted = {key for term in query.terms for key in term.stems}
    if not wanted:
        return None
    for text, language in texts:
        hits = list(_word_spans(text, language, wanted))
        if hits:
            return _passage(text, hits)
    return None


def _word_spans(text: str, language: str, wanted: set[str]):
    for match in _WORD.finditer(text):
        if any(stem(word, language) in wanted for word in words(match.group())):
            yield match.span()


def _passage(text: str, hits: list[tuple[int, int]]) -> str:
    first_start = hits[0][0]
    start = max(0, first_start - SNIPPET_LENGTH // 3)
    if start:
        space = text.find(" ", start, first_start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", max(hits[0][1], start), end)
        end = space if space != -1 else end
    pieces = ["…" if start else ""]
    position = start
    for hit_start, hit_end in hits:
        if hit_start < position or hit_end > end:
            continue
        pieces += [escape(text[position:hit_start]), "<mark>", escape(text[hit_start:hit_end])]
        pieces.append("</mark>")
        position = hit_end
    pieces += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text is escaped
