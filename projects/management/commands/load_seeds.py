from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from projects.services import SeedError, seeds_load


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Load the place gazetteer and the reviewed seed records (seeds/). Idempotent: a second "
        "run changes nothing. Transactional: a broken record aborts the whole load."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            default=Path(settings.SEEDS_DIR),
            help="Folder with gazetteer.json and the NNN_*.yaml records (default: seeds/).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report what would change, then roll everything back.",
        )

    def handle(self, *args, seeds_dir: Path, dry_run: bool, **options):
        if not seeds_dir.is_dir():
            raise CommandError(f"{seeds_dir}: no such folder")
        try:
            with transaction.atomic():
                report = seeds_load(seeds_dir=seeds_dir)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except SeedError as error:
            raise CommandError(f"Nothing was loaded. {error}") from None
        for line in report.lines():
            self.stdout.write(line)
        verb = "would change" if dry_run else "changed"
        self.stdout.write(
            self.style.SUCCESS(f"Seeds loaded from {seeds_dir}: {report.changed} rows {verb}.")
        )
