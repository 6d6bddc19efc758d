"""python manage.py rebuild_indexes: rebuild every project's search document, place index and
budgets from the records (projects/indexing.py), e.g. after restoring a database by hand or
changing how search normalises words."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from projects import indexing
from projects.models import ProjectBudget, ProjectPlaceIndex, ProjectSearchDocument


class Command(BaseCommand):
    help = (
        "Rebuild the derived tables (search documents, the project-place index, budgets per "
        "currency) of every project from its records, in one transaction, and mark cached "
        "aggregates stale. Safe to run at any time; the site keeps answering meanwhile."
    )

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  {done:,} of {total:,} projects")

        with transaction.atomic():
            count = indexing.rebuild_all(progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Rebuilt the derived rows of {count:,} projects in {elapsed:.1f} s: "
                f"{ProjectSearchDocument.objects.count():,} search documents, "
                f"{ProjectPlaceIndex.objects.count():,} place index rows, "
                f"{ProjectBudget.objects.count():,} budgets."
            )
        )
