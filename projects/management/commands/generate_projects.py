"""Synthetic published projects for load tests: `manage.py generate_projects 100000`.

Every row made is marked as synthetic (see projects/synthetic.py) and `--delete` removes them
all. The same N and --seed give the same data, and running twice creates nothing new.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from projects.synthetic import (
    SyntheticDataError,
    default_organization_count,
    synthetic_data_delete,
    synthetic_projects_generate,
)


class Command(BaseCommand):
    help = (
        "Generate N synthetic published projects (marked as such) with their organisations, "
        "money, places, contacts and source documents, for load tests; or delete them all with "
        "--delete. Needs the gazetteer (manage.py load_seeds)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", nargs="?", type=int, help="How many projects (N).")
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Random seed; the same seed and N give the same data.",
        )
        parser.add_argument("--donors", type=int, default=30, help="Donor organisations (30).")
        parser.add_argument(
            "--organizations",
            type=int,
            default=None,
            help="Implementing organisations (default: N/20, at least 20, at most 5,000).",
        )
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Projects per transaction (2,000)."
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Delete every synthetic project, organisation and keyword, and nothing else.",
        )

    def handle(self, *args, count, seed, donors, organizations, batch_size, delete, **options):
        if delete:
            if count is not None:
                raise CommandError("--delete takes no N: it deletes every synthetic row.")
            return self._delete()
        if count is None:
            raise CommandError("Say how many projects to generate: generate_projects N.")
        organizations = (
            default_organization_count(count) if organizations is None else organizations
        )
        self.stdout.write(
            f"Generating {count} synthetic projects (seed {seed}, {donors} donors, "
            f"{organizations} organisations, batches of {batch_size})..."
        )
        self._started = time.monotonic()
        try:
            report = synthetic_projects_generate(
                count=count,
                seed=seed,
                donors=donors,
                organizations=organizations,
                batch_size=batch_size,
                progress=self._progress,
            )
        except SyntheticDataError as error:
            raise CommandError(str(error)) from None
        for kind, created in sorted(report.created.items()):
            skipped = report.skipped.get(kind, 0)
            self.stdout.write(
                f"{kind}: {created} created" + (f", {skipped} already there" if skipped else "")
            )
        for kind in sorted(set(report.skipped) - set(report.created)):
            self.stdout.write(f"{kind}: 0 created, {report.skipped[kind]} already there")
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {report.seconds:.1f} s: {report.created['projects']} projects created, "
                f"{report.skipped['projects']} already there."
            )
        )

    def _progress(self, done, total, report):
        elapsed = time.monotonic() - self._started
        self.stdout.write(
            f"  {done}/{total}: {report.created['projects']} created, "
            f"{report.skipped['projects']} already there, {elapsed:.0f} s"
        )

    def _delete(self):
        started = time.monotonic()
        try:
            counts = synthetic_data_delete()
        except SyntheticDataError as error:
            raise CommandError(str(error)) from None
        for kind, deleted in sorted(counts.items()):
            self.stdout.write(f"{kind}: {deleted} deleted")
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {counts.get('projects', 0)} synthetic projects, "
                f"{counts.get('organisations', 0)} organisations and "
                f"{counts.get('keywords', 0)} keywords in {time.monotonic() - started:.1f} s."
            )
        )
