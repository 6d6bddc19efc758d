import json
from pathlib import Path
from typing import Literal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from pydantic import ValidationError as PydanticValidationError

from projects.opendata.records import FORMAT
from projects.seed_schema import Gazetteer, PlaceRecord, SeedRecord, Strict
from projects.services import (
    SeedError,
    check_gazetteer,
    check_record_references,
    format_validation_error,
    records_load,
)


class ExportDocument(Strict):
    format: Literal[FORMAT]  # type: ignore[valid-type]
    exported: str | None = None
    projects: list[SeedRecord]
    places: list[PlaceRecord]


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Load a JSON export of the registry (/<lang>/projects/export.json): its places, "
        "organisations and projects, with their translations, money, dates, contacts and "
        "source texts. Idempotent and all-or-nothing, like load_seeds."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        document = self._read(file)
        records = {
            f"{file.name}: projects.{index} ({record.project.slug})": record
            for index, record in enumerate(document.projects)
        }
        gazetteer = Gazetteer(about=f"places of {file.name}", places=document.places)
        try:
            check_gazetteer(file.name, gazetteer)
            for label, record in records.items():
                check_record_references(label, record, files_dir=None)
            with transaction.atomic():
                report = records_load(
                    records=records,
                    gazetteer=gazetteer,
                    texts=lambda record: [source.text for source in record.sources],
                )
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
            return
        except SeedError as error:
            raise CommandError(f"Nothing was loaded. {error}") from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Loaded {file}: {report.changed} rows changed."))

    def _read(self, file: Path) -> ExportDocument:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{file}: not a JSON export: {error}") from None
        try:
            return ExportDocument.model_validate(data)
        except PydanticValidationError as error:
            raise CommandError(format_validation_error(file, error)) from None
