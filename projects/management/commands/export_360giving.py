"""python manage.py export_360giving FILE: the published projects' grants as a 360Giving data
package (see projects/opendata/giving360.py for the mapping)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.models import Project
from projects.opendata.files import write_atomically
from projects.opendata.giving360 import dumps, grants_package


class Command(BaseCommand):
    help = (
        "Write the published projects' grants as a 360Giving JSON data package to FILE "
        "(- for standard output). The file is replaced atomically."
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
        # Ordered by slug so that two exports of the same data are byte for byte the same.
        package = grants_package(Project.objects.published().order_by("slug"), base_url=base_url)
        text = dumps(package)
        count = len(package["grants"])
        if not base_url:
            self.stderr.write("No --base-url or SITE_URL: the grants carry no links.")
        if file == "-":
            self.stdout.write(text, ending="")
            # The count goes to standard error, so that standard output stays valid JSON.
            self.stderr.write(f"{count} grants written to standard output.")
            return
        write_atomically(Path(file), text.encode("utf-8"))
        self.stdout.write(self.style.SUCCESS(f"{count} grants written to {file}."))
