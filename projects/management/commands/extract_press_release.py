import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.importing import evidence_record
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
        parser.add_argument(
            "--evidence",
            action="store_true",
            help="Also give, for each value, the words of the release it was read from "
            '(JSON: an "evidence" key; text: a line per value).',
        )

    def handle(self, *args, files, format: str, language, evidence: bool, **options):
        for path in files:
            extraction = extract(read_press_release(path), language)
            result = extraction.as_json(file=str(path))
            rows = evidence_record(extraction)["evidence"] if evidence else []
            if format == "json":
                if evidence:
                    result["evidence"] = rows
                self.stdout.write(json.dumps(result, ensure_ascii=False))
                continue
            self.stdout.write(f"== {path}")
            for key, value in result.items():
                if key != "file" and value not in (None, []):
                    self.stdout.write(f"{key}: {json.dumps(value, ensure_ascii=False)}")
            for row in rows:
                quotes = " … ".join(quote["text"] for quote in row["evidence"])
                self.stdout.write(f"  {row['field']}: {row['value']}  <- «{quotes}»")


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
