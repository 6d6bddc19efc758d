from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from projects.evaluation import FIELDS, FOLDER_FIELDS, evaluate, evaluate_folder


class Command(BaseCommand):
    help = (
        "Run the press-release extractor on a set of releases and compare it with an editor's "
        "reading of each: per-field precision, recall and F1, and an overall F1. --set seeds "
        "reads the seeds' reviewed records; --set dev the development set (devset/), or "
        "--folder any folder in its format (releases it has never seen)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--set", choices=["seeds", "dev"], default="seeds", dest="which")
        parser.add_argument("--seeds-dir", type=Path, default=Path(settings.SEEDS_DIR))
        parser.add_argument(
            "--folder",
            type=Path,
            default=None,
            help="A folder of NNN_*.txt releases with NNN_*.expected.json readings "
            "(default with --set dev: devset/).",
        )
        parser.add_argument("--show-misses", action="store_true", help="List every difference.")

    def handle(self, *args, which: str, seeds_dir: Path, folder, show_misses: bool, **options):
        if which == "seeds" and folder is None:
            result, fields = evaluate(seeds_dir), FIELDS
        else:
            folder = folder or Path(settings.DEVSET_DIR)
            if not any(folder.glob("[0-9][0-9][0-9]_*.expected.json")):
                raise CommandError(f"{folder}: no NNN_*.expected.json readings in this folder")
            result, fields = evaluate_folder(folder), FOLDER_FIELDS
        self.stdout.write(f"{'field':16s} {'precision':>9s} {'recall':>7s} {'F1':>5s}   tp  fp  fn")
        for name in fields:
            score = result.fields[name]
            self.stdout.write(
                f"{name:16s} {score.precision:9.2f} {score.recall:7.2f} {score.f1:5.2f} "
                f"{score.true_positives:4d} {score.false_positives:3d} {score.false_negatives:3d}"
            )
        self.stdout.write(f"overall F1: {result.f1:.3f}")
        if show_misses:
            for name in fields:
                for miss in result.fields[name].misses:
                    self.stdout.write(f"  {name}: {miss}")
