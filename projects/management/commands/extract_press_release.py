import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.ingest import IngestError, decode_bytes, extract


class Command(BaseCommand):
    help = (
        "Read press releases and print what the extractor finds in each: one JSON object per "
        "file and line (--format json), or a readable summary (--format text). Writes nothing "
        "to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--language", choices=["ru", "kk", "en"], default=None)

    def handle(self, *args, files: list[Path], format: str, language: str | None, **options):
        for path in files:
            extraction = extract(read_press_release(path), language)
            result = extraction.as_json(file=str(path))
            if format == "json":
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self.stdout.write(f"== {path}")
                for key, value in result.items():
                    if key != "file" and value not in (None, []):
                        self.stdout.write(f"{key}: {json.dumps(value, ensure_ascii=False)}")


def read_press_release(path: Path) -> str:
    """The text of a file, decoded; CommandError naming the file when it cannot be read."""
    try:
        return decode_bytes(path.read_bytes())
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a file") from None
    except IngestError as error:
        raise CommandError(f"{path}: {error}") from None
