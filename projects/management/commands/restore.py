"""python manage.py restore FILE: a backup (`manage.py backup`) into an empty, migrated
database, in one transaction, then the derived tables rebuilt. A database that already holds
records is refused: nothing is merged, nothing is lost."""

import time
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from projects import indexing
from projects.models import Organization, Place, Project

from .backup import backed_up_counts


class Command(BaseCommand):
    help = (
        "Read a backup written by `manage.py backup` into an empty, migrated database (one "
        "transaction: all or nothing), then rebuild search documents, place index and budgets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        occupied = [
            str(model._meta.verbose_name_plural)
            for model in (Project, Organization, Place, User, Group)
            if model.objects.exists()
        ]
        if occupied:
            raise CommandError(
                "The database is not empty (it has " + ", ".join(occupied) + "): restore into "
                "a new database after `manage.py migrate`. Nothing was changed."
            )
        started = time.monotonic()
        self.stdout.write(f"Reading {file} …")
        try:
            with transaction.atomic(), indexing.batch(progress=self._progress):
                call_command("loaddata", str(file), verbosity=0)
        except Exception as error:  # noqa: BLE001 - one clear message, nothing written
            raise CommandError(f"{file}: not restored, nothing was changed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {backed_up_counts()} from {file} in {time.monotonic() - started:.1f} s."
            )
        )

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(f"  search and place indexes: {done:,} of {total:,} projects")
