"""Writing open-data files that other people read while they are replaced, and the plumbing of
documents written a piece at a time (IATI, 360Giving)."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import AnyStr

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import translation

PIECE_SIZE = 64 * 1024  # bytes (or characters) handed on at once by a streamed document
PROGRESS_EVERY = 5000  # projects between two progress lines of a command


def write_atomically(path: Path, content: bytes | Iterable[bytes]) -> None:
    """Readers see the old file or the new one, never half of it: write a temporary file
    beside the target, then rename it over the target (a rename within a folder is atomic).
    `content` is the bytes, or an iterable of pieces of bytes written as they come, so a
    document never needs to be whole in memory. Raises CommandError naming the file when the
    folder is missing or the write fails; the target is untouched then."""
    if not path.parent.is_dir():
        raise CommandError(f"{path}: the folder {path.parent} does not exist")
    pieces = [content] if isinstance(content, bytes | bytearray) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in pieces:
                stream.write(piece)
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


def coalesce_pieces(pieces: Iterable[AnyStr], size: int | None = None) -> Iterator[AnyStr]:
    """Small pieces joined into pieces of at least `size` (PIECE_SIZE), so that a streamed
    response or a file gets few large writes rather than one per activity or grant."""
    size = size or PIECE_SIZE
    waiting: list = []
    length = 0
    for piece in pieces:
        waiting.append(piece)
        length += len(piece)
        if length >= size:
            yield waiting[0][:0].join(waiting)
            waiting, length = [], 0
    if waiting:
        yield waiting[0][:0].join(waiting)


@contextlib.contextmanager
def one_snapshot(using: str = DEFAULT_DB_ALIAS):
    """Every query inside sees the database as it was at the first (REPEATABLE READ on
    PostgreSQL), so an edit made while a long export runs never gives a file half before and
    half after it. On PostgreSQL this also lets the server-side cursors that read the projects
    stream: outside a transaction Django declares them WITH HOLD, and the server then builds
    the whole result (every text of every project) before it sends the first row. An export
    abandoned midway rolls back: it writes nothing."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    # Read only: inside a transaction already, no savepoint is needed.
    with transaction.atomic(using=using, savepoint=False):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def in_one_snapshot(pieces: Iterable[AnyStr], using: str = DEFAULT_DB_ALIAS) -> Iterator[AnyStr]:
    """The pieces of a streamed document, read in one_snapshot() from the first piece on."""
    with one_snapshot(using):
        yield from pieces


def keeps_language(generator_function):
    """A generator function whose pieces are written in the language active when it is called,
    also when they are read later: a streamed response is read after its view has returned.
    (Names follow the language, and places and keywords are listed by their names in it.)"""

    @functools.wraps(generator_function)
    def wrapper(*args, **kwargs):
        language = translation.get_language()

        def pieces():
            with translation.override(language):
                yield from generator_function(*args, **kwargs)

        return pieces()

    return wrapper


class Sink:
    """A write-only file whose content is taken out in pieces: lets a writer that wants a file
    (lxml's xmlfile) produce a document inside a generator."""

    def __init__(self):
        self._pieces: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._pieces.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


@dataclass
class Tally:
    """What a streamed export has read and written so far. `report` is called every
    PROGRESS_EVERY projects read (a command's progress line)."""

    read: int = 0
    written: int = 0
    report: Callable[[Tally], None] | None = None
    started: float = field(default_factory=time.monotonic)

    def project_read(self) -> None:
        self.read += 1
        if self.report is not None and self.read % PROGRESS_EVERY == 0:
            self.report(self)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started
