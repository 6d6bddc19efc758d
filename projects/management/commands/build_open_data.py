"""python manage.py build_open_data: every download of the whole registry written to the open-data
storage from one snapshot, served to visitors until the data change (see
projects/opendata/prebuilt.py). Safe to run from cron on several servers at once."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.opendata import prebuilt


class Command(BaseCommand):
    help = (
        "Write the whole registry's CSV, XLSX and JSON exports (in each language), IATI, "
        "360Giving files and the sitemaps to the open-data storage (OPEN_DATA_ROOT or "
        "OPEN_DATA_STORAGE), from "
        "one snapshot of the database. The site serves them while no publish or edit has "
        "happened since, and assembles downloads live otherwise. Only one build runs at a time; "
        "a second one ends at once, saying so."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The site's public address, which the files' links start with and which the "
            "files are served for (default: the SITE_URL setting, now %(default)s).",
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Do nothing when the current files were built from the data as they are now "
            "(for cron).",
        )

    def handle(self, *args, base_url: str, if_stale: bool, **options):
        started = time.monotonic()
        current = prebuilt.Manifest.read()
        if if_stale and current is not None and current.is_current(base_url.rstrip("/")):
            self.stdout.write(
                f"The open-data files of {current.built_at:%Y-%m-%d %H:%M} UTC are current: "
                "nothing to build."
            )
            return
        try:
            manifest = prebuilt.build(base_url, report=self.stderr.write)
        except prebuilt.BuildRunning:
            self.stdout.write("Another build_open_data is running: nothing to do.")
            return
        entries = manifest.files.values()
        size = sum(entry["size"] for entry in entries)
        packed = sum(entry["gzip"]["size"] for entry in entries if "gzip" in entry)
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {len(manifest.files)} open-data files of {manifest.projects} published "
                f"projects ({size / 1e6:.1f} MB; gzip copies {packed / 1e6:.1f} MB) in "
                f"{time.monotonic() - started:.1f} s, "
                f"build {manifest.build}, for {manifest.base_url}."
            )
        )
