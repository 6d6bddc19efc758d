from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from projects.evaluation import FIELDS, evaluate


class Command(BaseCommand):
    help = (
        "Run the press-release extractor on every seed and compare it with the seed's reviewed "
        "record: per-field precision and recall, and an overall F1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds-dir", type=Path, default=Path(settings.SEEDS_DIR))
        parser.add_argument("--show-misses", action="store_true", help="List every difference.")

    def handle(self, *args, seeds_dir: Path, show_misses: bool, **options):
        result = evaluate(seeds_dir)
        self.stdout.write(f"{'field':16s} {'precision':>9s} {'recall':>7s}   tp  fp  fn")
        for name in FIELDS:
            score = result.fields[name]
            self.stdout.write(
                f"{name:16s} {score.precision:9.2f} {score.recall:7.2f} "
                f"{score.true_positives:4d} {score.false_positives:3d} {score.false_negatives:3d}"
            )
        self.stdout.write(f"overall F1: {result.f1:.3f}")
        if show_misses:
            for name in FIELDS:
                for miss in result.fields[name].misses:
                    self.stdout.write(f"  {name}: {miss}")
