"""Free-text search: how words are normalised, and how a query finds projects on the index.

One function, `words()`, normalises both the indexed documents (indexing.py) and the visitor's
query, so the two always agree. Today it folds case, ё/е and typographic variants and splits on
anything that is not a letter or a digit; stemming and Kazakh endings can replace it here
without touching the index's shape (rebuild the documents with `manage.py rebuild_indexes`).

A query matches a project when every word of the query is in the project's document, in any of
the three languages: a word of four letters or more as the start of a document word ("прав"
finds "права" and "правах"), a shorter one only as a whole word ("ЕС" does not find "есть").
PostgreSQL answers from a GIN index on a tsvector; SQLite scans the same words with LIKE.
"""

import re
import unicodedata

from django.db import connections
from django.db.models import Q, QuerySet
from django_cte import CTE, with_cte

MAX_QUERY_WORDS = 10
# Shorter words are mostly abbreviations (ЕС, EU, ООН, АҚШ): they match whole words only.
PREFIX_MIN_LENGTH = 4
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Normalised words of a text: "Усть-Каменогорск, ЁЛКА" -> ["усть", "каменогорск", "елка"]."""
    if not unicodedata.is_normalized("NFKC", text):  # the check is twenty times faster
        text = unicodedata.normalize("NFKC", text)
    folded = text.casefold().replace("ё", "е")
    return _WORD.findall(folded)


def document(*texts: str) -> str:
    """The texts' words, separated by single spaces, as the index stores them."""
    return " ".join(word for text in texts if text for word in words(text))


def query_words(query: str) -> list[str]:
    """The distinct words of a query, at most MAX_QUERY_WORDS."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]


def matching_documents(documents: QuerySet, query: str, *, using: str = "default") -> QuerySet:
    """ProjectSearchDocument rows containing every word of the query (all rows for a query
    without words)."""
    terms = query_words(query)
    if not terms:
        return documents
    if connections[using].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        raw = " & ".join(term + (":*" if len(term) >= PREFIX_MIN_LENGTH else "") for term in terms)
        return documents.filter(vector=SearchQuery(raw, search_type="raw", config="simple"))
    condition = Q()
    for term in terms:
        pattern = f" {term}" if len(term) >= PREFIX_MIN_LENGTH else f" {term} "
        condition &= Q(vector__contains=pattern)
    return documents.filter(condition)


def joined_to_matches(projects: QuerySet, documents: QuerySet) -> QuerySet:
    """The projects whose document is among `documents`.

    On PostgreSQL the matching ids are read once, with the GIN index, into a materialised CTE
    joined to the projects. Written as `id IN (...)`, the planner may instead test every
    project of an ordered walk against its (long, compressed) vector: fast for a common word,
    but hundreds of milliseconds for a rare one or a deep page. SQLite has no such choice."""
    if connections[projects.db].vendor != "postgresql":
        return projects.filter(pk__in=documents.values("project_id"))
    matches = CTE(documents.values("project_id"), name="matched_words", materialized=True)
    return with_cte(matches, select=matches.join(projects, id=matches.col.project_id))
