from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from projects.importing import press_release_import
from projects.ingest import IngestError

from .extract_press_release import read_press_release


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Create an unpublished draft project from a press release, linked to the organisations, "
        "donors and places the registry already has. Importing the same text again changes "
        "nothing. Prints what was linked and what was created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--language", choices=["ru", "kk", "en"], default=None)
        parser.add_argument("--dry-run", action="store_true", help="Show, then roll back.")
        parser.add_argument(
            "--split",
            action="store_true",
            help="A release that announces several projects gives one draft per project.",
        )

    def handle(
        self, *args, file: Path, language: str | None, dry_run: bool, split: bool, **options
    ):
        text = read_press_release(file)
        try:
            with transaction.atomic():
                report = press_release_import(
                    text=text, file_name=file.name, language=language, split=split
                )
                self._print(report)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        except IngestError as error:
            raise CommandError(f"{file}: {error}") from None

    def _print(self, report) -> None:
        if not report.created:
            for project in report.projects:
                self.stdout.write(
                    f"Already imported: draft “{project}” ({project.slug}); nothing was changed."
                )
            return
        for project in report.projects:
            self.stdout.write(self.style.SUCCESS(f"Created draft “{project}” ({project.slug})."))
        for line in report.linked:
            self.stdout.write(f"  linked  {line}")
        for line in report.new_records:
            self.stdout.write(f"  created {line}")
