"""Reading the evaluation's query file and scoring what a search returned against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
LANGUAGES = ("ru", "kk", "en")
KINDS = (
    "inflection",
    "alias",
    "abbreviation",
    "typo",
    "phrase",
    "exclusion",
    "or",
    "year",
    "contract",
    "organisation",
    "place",
    "keyword",
    "plain",
)
FIELDS = ("query", "language", "kind", "expect", "why")


class QueryFileError(ValueError):
    """The query file is not a list of well-formed queries; the message says where."""


@dataclass(frozen=True)
class Case:
    query: str
    language: str
    kind: str
    expect: frozenset[str]
    why: str


def load_cases(path: Path = QUERIES_FILE, known_slugs: Iterable[str] | None = None) -> list[Case]:
    """The queries of `path`, checked: every field present and valid, no query twice, and
    (with known_slugs) every expected project among known_slugs. Raises QueryFileError."""
    try:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise QueryFileError(f"{path}: {error}") from None
    if not isinstance(entries, list) or not entries:
        raise QueryFileError(f"{path}: not a list of queries")
    known = None if known_slugs is None else set(known_slugs)
    cases, seen = [], set()
    for index, entry in enumerate(entries):
        case = _case(entry, f"{path}: item {index}", known)
        if case.query in seen:
            raise QueryFileError(f"{path}: item {index}: {case.query!r} is listed twice")
        seen.add(case.query)
        cases.append(case)
    return cases


def _case(entry, where: str, known: set[str] | None) -> Case:
    if not isinstance(entry, dict):
        raise QueryFileError(f"{where}: not a mapping")
    if missing := [name for name in FIELDS if name not in entry]:
        raise QueryFileError(f"{where}: missing {', '.join(missing)}")
    if unknown := sorted(set(entry) - set(FIELDS)):
        raise QueryFileError(f"{where}: unknown field {', '.join(unknown)}")
    query, language, kind, expect, why = (entry[name] for name in FIELDS)
    if not isinstance(query, str) or not query.strip():
        raise QueryFileError(f"{where}: query must be a non-empty string")
    where = f"{where} ({query!r})"
    if language not in LANGUAGES:
        raise QueryFileError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    if kind not in KINDS:
        raise QueryFileError(f"{where}: kind must be one of {', '.join(KINDS)}")
    if not isinstance(expect, list) or not all(isinstance(slug, str) for slug in expect):
        raise QueryFileError(f"{where}: expect must be a list of project slugs")
    if len(set(expect)) != len(expect):
        raise QueryFileError(f"{where}: expect names a project twice")
    if known is not None and (strangers := sorted(set(expect) - known)):
        raise QueryFileError(f"{where}: no such project: {', '.join(strangers)}")
    if not isinstance(why, str) or not why.strip():
        raise QueryFileError(f"{where}: why must say which records make the answer")
    return Case(query, language, kind, frozenset(expect), why)


def seed_project_slugs(seeds_dir: Path) -> set[str]:
    """The project slugs of the reviewed records in seeds_dir (NNN_*.yaml)."""
    slugs = set()
    for path in sorted(Path(seeds_dir).glob("[0-9][0-9][0-9]_*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        slugs.add(record["project"]["slug"])
    return slugs


@dataclass(frozen=True)
class Outcome:
    """What one query returned. `corrected` is the query the search ran instead ("did you
    mean"); `error` says why it returned nothing because it failed."""

    case: Case
    found: frozenset[str]
    corrected: str | None = None
    error: str | None = None

    @property
    def missing(self) -> list[str]:
        return sorted(self.case.expect - self.found)

    @property
    def unexpected(self) -> list[str]:
        return sorted(self.found - self.case.expect)

    @property
    def passed(self) -> bool:
        return self.found == self.case.expect and self.error is None


@dataclass(frozen=True)
class Score:
    """Micro-averaged figures over a set of queries: recall is the expected projects found over
    all expected, precision the expected projects found over all found."""

    queries: int
    failed: int
    expected: int
    found: int
    hits: int

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> Score:
        outcomes = list(outcomes)
        return cls(
            queries=len(outcomes),
            failed=sum(not outcome.passed for outcome in outcomes),
            expected=sum(len(outcome.case.expect) for outcome in outcomes),
            found=sum(len(outcome.found) for outcome in outcomes),
            hits=sum(len(outcome.case.expect & outcome.found) for outcome in outcomes),
        )

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0
