"""python manage.py export_360giving FILE: the published projects' grants as a 360Giving data
package (see projects/opendata/giving360.py for the mapping), written a piece at a time."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.models import Project
from projects.opendata.files import Tally, coalesce_pieces, in_one_snapshot, write_atomically
from projects.opendata.giving360 import grants_document


class Command(BaseCommand):
    help = (
        "Write the published projects' grants as a 360Giving JSON data package to FILE "
        "(- for standard output). The file is replaced atomically. Progress goes to standard "
        "error while a file is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the package, or - for standard output.")
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "SITE_URL", ""),
            help="The site's address (https://example.org) for the grants' links "
            "(default: the SITE_URL setting; without either, the grants carry no links).",
        )

    def handle(self, *args, file: str, base_url: str, **options):
        if not base_url:
            self.stderr.write("No --base-url or SITE_URL: the grants carry no links.")
        to_stdout = file == "-"
        tally = Tally(report=None if to_stdout else self._progress)
        # Ordered by slug so that two exports of the same data are byte for byte the same.
        projects = Project.objects.published().order_by("slug")
        document = coalesce_pieces(
            in_one_snapshot(grants_document(projects, base_url=base_url, tally=tally))
        )
        if to_stdout:
            for text in document:
                self.stdout.write(text, ending="")
            # The count goes to standard error, so that standard output stays valid JSON.
            self.stderr.write(f"{tally.written} grants written to standard output.")
            return
        write_atomically(Path(file), (text.encode("utf-8") for text in document))
        self.stdout.write(
            self.style.SUCCESS(
                f"{tally.written} grants written to {file}. {tally.read} published projects "
                f"read; {tally.seconds:.1f} s."
            )
        )

    def _progress(self, tally: Tally) -> None:
        self.stderr.write(
            f"{tally.read} projects read, {tally.written} grants written, {tally.seconds:.0f} s"
        )
