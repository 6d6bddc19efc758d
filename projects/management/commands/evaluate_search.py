"""python manage.py evaluate_search: run the committed search evaluation (issue 12).

Every query of projects/search_evaluation/queries.yaml runs as a visitor's list runs it, on the
seeds plus the synthetic records of projects/search_evaluation/records.py, and what it returns
is compared with the projects it must return. The records are made inside a transaction that is
always rolled back, so the command writes nothing and may run on a copy of production."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation

from projects.filters import InvalidFilters
from projects.models import Project
from projects.search_evaluation.cases import (
    LANGUAGES,
    QUERIES_FILE,
    Case,
    Outcome,
    QueryFileError,
    Score,
    load_cases,
)
from projects.search_evaluation.records import TEST_RECORDS, MissingSeedRows, create_test_records
from projects.selectors import ProjectSearch

REQUIRED_RECALL = 1.0
REQUIRED_PRECISION = 0.95
PROGRESS_EVERY = 25  # queries


def corrected_results(query: str) -> tuple[QuerySet, str | None]:
    """The projects a visitor's list shows for `query` (selectors.ProjectSearch, the list's
    own search), and the corrected query when they are the results of its "did you mean"
    correction (None otherwise)."""
    found = ProjectSearch.run({"q": query})
    corrected = found.cleaned.get("q") if found.corrected_from else None
    return found.ordered(), corrected


def run_case(case: Case) -> Outcome:
    """One query, in the language it is written in (as on that language's pages)."""
    with translation.override(case.language):
        try:
            projects, corrected = corrected_results(case.query)
            found = frozenset(projects.values_list("slug", flat=True))
        except InvalidFilters as error:
            return Outcome(case, frozenset(), error=f"invalid filters: {error.errors}")
    return Outcome(case, found, corrected)


class Command(BaseCommand):
    help = (
        "Run the search evaluation: every query of the query file on the seeds plus a few "
        "synthetic test records (created in a transaction that is rolled back: nothing is "
        "saved), then recall and precision per language and the queries that failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", type=Path, default=QUERIES_FILE, help="Query file (default: %(default)s)."
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="Also every query's outcome, why each failed query expects what it does, and "
            "figures per kind of query.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=f"Fail (exit status 1) when recall < {REQUIRED_RECALL} or precision < "
            f"{REQUIRED_PRECISION}.",
        )

    def handle(self, *args, file: Path, verbose: bool, check: bool, **options):
        started = time.perf_counter()
        try:
            cases = load_cases(file)
        except QueryFileError as error:
            raise CommandError(str(error)) from None
        self._say(f"{file}: {len(cases)} queries read")
        with transaction.atomic():
            outcomes = self._run(cases)
            transaction.set_rollback(True)
        self._report(outcomes, verbose)
        overall = Score.of(outcomes)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Evaluated {overall.queries} queries in {seconds:.1f} s: recall "
                f"{overall.recall:.3f}, precision {overall.precision:.3f}, {overall.failed} "
                "failed; the test records were rolled back, nothing was saved."
            )
        )
        if check and (overall.recall < REQUIRED_RECALL or overall.precision < REQUIRED_PRECISION):
            raise CommandError(
                f"Search evaluation below the bar: recall {overall.recall:.3f} (needs "
                f"{REQUIRED_RECALL}), precision {overall.precision:.3f} (needs "
                f"{REQUIRED_PRECISION})."
            )

    def _run(self, cases: list[Case]) -> list[Outcome]:
        try:
            create_test_records()
        except MissingSeedRows as error:
            raise CommandError(f"{error}. Load the seeds first (manage.py load_seeds).") from None
        self._say(f"{len(TEST_RECORDS)} test records created (to be rolled back)")
        expected = {slug for case in cases for slug in case.expect}
        published = Project.objects.published().filter(slug__in=expected)
        if absent := sorted(expected - set(published.values_list("slug", flat=True))):
            self.stderr.write(
                f"Expected projects not published in this database: {', '.join(absent)}"
            )
        outcomes = []
        for number, case in enumerate(cases, start=1):
            outcomes.append(run_case(case))
            if number % PROGRESS_EVERY == 0 or number == len(cases):
                self._say(f"  {number:,} of {len(cases):,} queries")
        return outcomes

    def _report(self, outcomes: list[Outcome], verbose: bool) -> None:
        by_language = {lang: [o for o in outcomes if o.case.language == lang] for lang in LANGUAGES}
        self._table("language", {**by_language, "all": outcomes})
        if verbose:
            kinds = sorted({outcome.case.kind for outcome in outcomes})
            self._table(
                "kind", {kind: [o for o in outcomes if o.case.kind == kind] for kind in kinds}
            )
        failed = [outcome for outcome in outcomes if not outcome.passed]
        if verbose:
            self.stdout.write(f"Queries ({len(failed)} failed):")
        elif failed:
            self.stdout.write(f"Failed queries ({len(failed)}):")
        for outcome in outcomes if verbose else failed:
            self._outcome(outcome, verbose)

    def _table(self, heading: str, groups: dict[str, list[Outcome]]) -> None:
        self.stdout.write(
            f"{heading:13s} {'queries':>7s} {'failed':>6s} {'recall':>6s} {'precision':>9s} "
            f"{'expected':>8s} {'found':>5s} {'hits':>5s}"
        )
        for name, outcomes in groups.items():
            score = Score.of(outcomes)
            self.stdout.write(
                f"{name:13s} {score.queries:7d} {score.failed:6d} {score.recall:6.3f} "
                f"{score.precision:9.3f} {score.expected:8d} {score.found:5d} {score.hits:5d}"
            )

    def _outcome(self, outcome: Outcome, verbose: bool) -> None:
        case = outcome.case
        mark = "ok  " if outcome.passed else "FAIL"
        line = f"  {mark} [{case.language} {case.kind}] {case.query}"
        if outcome.corrected is not None:
            line += f"  (did you mean: {outcome.corrected})"
        self.stdout.write(line)
        if outcome.error:
            self.stdout.write(f"       error: {outcome.error}")
        if outcome.missing:
            self.stdout.write(f"       missing: {', '.join(outcome.missing)}")
        if outcome.unexpected:
            self.stdout.write(f"       unexpected: {', '.join(outcome.unexpected)}")
        if verbose and not outcome.passed:
            self.stdout.write(f"       why: {case.why}")

    def _say(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()
