"""python manage.py backup FILE: the whole registry as one JSON file (FILE.json.gz compressed),
for `restore`: every record with its drafts, sources, evidence, publishing events and history
(django-reversion's revisions and the admin's log), the gazetteer, exchange rates, users (with
their password hashes: keep the file as safe as the database) and groups.

Derived tables (search documents, the place index, budgets per currency, the data version)
are left out: `restore` rebuilds them. On PostgreSQL, pg_dump/pg_restore remains the fastest
backup of a large registry (README, "Backups"); this file is the portable one, which also moves
a registry between SQLite and PostgreSQL."""

import time
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# What the registry keeps (and `restore` reads back), in the order they depend on each other.
INCLUDED = ["auth.group", "auth.user", "admin.logentry", "reversion", "projects"]
# Rebuilt from the records by `restore`, or kept by Django and its apps themselves.
DERIVED = [
    "projects.projectsearchdocument",
    "projects.projectplaceindex",
    "projects.projectbudget",
    "projects.registrystate",
]


def backed_up_models() -> list:
    models = []
    for label in INCLUDED:
        if "." in label:
            models.append(apps.get_model(label))
        else:
            models += list(apps.get_app_config(label).get_models())
    return [model for model in models if model._meta.label_lower not in DERIVED]


def backed_up_counts() -> str:
    """ "1,234 projects, 56 organisations, …": the rows a backup holds, for a command's summary."""
    counts = ((model, model._default_manager.count()) for model in backed_up_models())
    return ", ".join(
        f"{count:,} {model._meta.verbose_name_plural}" for model, count in counts if count
    )


class Command(BaseCommand):
    help = (
        "Write every record, draft, source, piece of history, user and group to FILE as JSON "
        "(compressed when FILE ends in .gz): what `manage.py restore FILE` reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.parent.is_dir():
            raise CommandError(f"{file.parent}: no such folder")
        started = time.monotonic()
        self.stdout.write(f"Writing {file} …")
        call_command(
            "dumpdata",
            *INCLUDED,
            exclude=DERIVED,
            natural_foreign=True,  # content types and permissions by name, not by id
            output=str(file),
            verbosity=0,
        )
        size = file.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {backed_up_counts()} to {file} ({size / 1e6:.1f} MB) in "
                f"{time.monotonic() - started:.1f} s."
            )
        )
