"""Writing open-data files that other people read while they are replaced."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import CommandError


def write_atomically(path: Path, content: bytes) -> None:
    """Readers see the old file or the new one, never half of it: write a temporary file
    beside the target, then rename it over the target (a rename within a folder is atomic).
    Raises CommandError naming the file when the folder is missing or the write fails."""
    if not path.parent.is_dir():
        raise CommandError(f"{path}: the folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes the file private; this one is public data
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"{path}: {error.strerror or error}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
