from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.filters import published_projects_matching
from projects.opendata.files import write_atomically
from projects.opendata.iati import iati_activities, serialize

DEFAULT_BASE_URL = "http://localhost:8000"


class Command(BaseCommand):
    help = (
        "Write the IATI 2.03 activity file of every published project (the document "
        "/open-data/iati.xml serves unfiltered) to FILE, or to standard output for '-'. The "
        "file is replaced atomically: readers see the old file or the new one, never a part."
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
        root = iati_activities(published_projects_matching({}), base_url=base_url)
        document = serialize(root)
        if file == "-":
            self.stdout.write(document.decode("utf-8"), ending="")
            # Standard output carries the XML, so the count goes to standard error.
            self.stderr.write(f"Wrote {len(root)} IATI activities to standard output.")
            return
        write_atomically(Path(file), document)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(root)} IATI activities to {file}."))
