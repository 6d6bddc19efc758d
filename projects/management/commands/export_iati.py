"""python manage.py export_iati FILE: the IATI 2.03 activity file of every published project
(see projects/opendata/iati.py for the mapping), written a piece at a time."""

import codecs
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.filters import published_projects_matching
from projects.opendata.files import Tally, coalesce_pieces, in_one_snapshot, write_atomically
from projects.opendata.iati import iati_document

DEFAULT_BASE_URL = "http://localhost:8000"


class Command(BaseCommand):
    help = (
        "Write the IATI 2.03 activity file of every published project (the document "
        "/open-data/iati.xml serves unfiltered) to FILE, or to standard output for '-'. The "
        "file is replaced atomically: readers see the old file or the new one, never a part. "
        "Progress goes to standard error while a file is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the XML; '-' for standard output.")
        parser.add_argument(
            "--base-url",
            help="Address that links to project pages start with, e.g. https://registry.example "
            f"(default: settings.SITE_URL, else {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, file: str, base_url: str | None, **options):
        base_url = base_url or getattr(settings, "SITE_URL", "") or DEFAULT_BASE_URL
        to_stdout = file == "-"
        tally = Tally(report=None if to_stdout else self._progress)
        document = coalesce_pieces(
            in_one_snapshot(
                iati_document(published_projects_matching({}), base_url=base_url, tally=tally)
            )
        )
        if to_stdout:
            decoder = codecs.getincrementaldecoder("utf-8")()
            for piece in document:
                self.stdout.write(decoder.decode(piece), ending="")
            # Standard output carries the XML, so the count goes to standard error.
            self.stderr.write(f"Wrote {tally.written} IATI activities to standard output.")
            return
        write_atomically(Path(file), document)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {tally.written} IATI activities to {file}. {_summary(tally)}"
            )
        )

    def _progress(self, tally: Tally) -> None:
        self.stderr.write(
            f"{tally.read} projects read, {tally.written} activities written, {tally.seconds:.0f} s"
        )


def _summary(tally: Tally) -> str:
    left_out = tally.read - tally.written
    return (
        f"{tally.read} published projects read, {left_out} left out (no organisation, or no "
        f"date a source states); "
        f"{tally.seconds:.1f} s."
    )
