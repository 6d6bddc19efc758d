"""The registry's whole open data as files built off the request path (`manage.py
build_open_data`), served to visitors while they are current.

A build writes every download of the whole registry (the CSV, XLSX and JSON exports in each
language, IATI and 360Giving) and the sitemaps from one snapshot of the database into the
"opendata" storage (settings.STORAGES; a local folder by default, any Django storage backend
from settings), each build under a folder of its own, and then a manifest naming the files
with their sizes, checksums and the data version they were read at. Writing the manifest
last is what makes a build visible, so a reader sees the previous build or this one, never a
part.

A download without parameters is served from its file when the manifest is current: built at
the data version of now (any publish or edit makes a new version, so it marks the files
stale), by this release's code, for this site's address. Otherwise it is assembled live, as
every filtered download is, so a visitor never gets data older than the registry's.

Each text file (CSV, JSON, XML) also gets a gzip copy, written in the same pass. A client that
accepts gzip (browsers, `curl --compressed`, most HTTP libraries) is sent that copy with
`Content-Encoding: gzip`: a fifth to a sixth of the bytes to read from disk and to send, which
is what limits a download of a gigabyte. XLSX is a zip archive already and has none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import fcntl
import hashlib
import json
import logging
import secrets
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import FileResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from .. import caching
from ..filters import published_projects_matching
from ..models import Project, RegistryState
from .files import coalesce_pieces, one_snapshot, write_atomically

log = logging.getLogger(__name__)

STORAGE = "opendata"
MANIFEST = "manifest.json"
BUILDS = "builds"
MANIFEST_FORMAT = 1
LOCK_KEY = 0x5245_4749  # the advisory lock of build_open_data on PostgreSQL ("REGI")
# zlib's level 5: as measured on the JSON export, 58 MB/s and 5.8 times smaller, against level 6's
# 33 MB/s and 6.1 times (the default) and level 1's 103 MB/s and 4.0 times.
GZIP_LEVEL = 5
GZIP_WINDOW = 16 + zlib.MAX_WBITS  # zlib's way of asking for a gzip header and trailer


@dataclasses.dataclass(frozen=True)
class Download:
    """One file of a build: its key in the manifest, its type and how to write it."""

    key: str
    content_type: str
    write: Callable[[str], Iterable[bytes]]  # base_url -> the file's pieces
    language: str | None = None  # written in this language (names, headers)

    @property
    def compressible(self) -> bool:
        """Text, which gets a gzip copy (an XLSX file is compressed already)."""
        return not self.key.endswith(".xlsx")


def downloads() -> list[Download]:
    """Every file a build writes."""
    from . import exports, giving360, iati  # they serve the files, so they import this module

    def iati_file(base_url: str) -> Iterable[bytes]:
        document = iati.iati_document(published_projects_matching({}), base_url=base_url)
        return coalesce_pieces(document)

    def giving360_file(base_url: str) -> Iterable[bytes]:
        document = giving360.grants_document(published_projects_matching({}), base_url=base_url)
        return (text.encode() for text in coalesce_pieces(document))

    files = []
    for language, _name in settings.LANGUAGES:
        files += [
            Download(f"{language}/export.csv", exports.CSV_CONTENT_TYPE, exports.registry_csv,
                     language),
            Download(f"{language}/export.xlsx", exports.XLSX_CONTENT_TYPE, exports.registry_xlsx,
                     language),
            Download(f"{language}/export.json", exports.JSON_CONTENT_TYPE, exports.registry_json,
                     language),
        ]  # fmt: skip
    files += [
        Download("iati.xml", iati.CONTENT_TYPE, iati_file, settings.LANGUAGE_CODE),
        Download("360giving.json", giving360.JSON_CONTENT_TYPE, giving360_file,
                 settings.LANGUAGE_CODE),
    ]  # fmt: skip
    return files + sitemap_downloads()


def sitemap_downloads() -> list[Download]:
    """The sitemap index and its section files, as many as the data need now."""
    from .. import sitemaps

    counts = sitemaps.section_counts()

    def index_file(base_url: str) -> Iterable[bytes]:
        return [sitemaps.index_document(base_url, counts).encode()]

    def section_file(section: str, page: int) -> Callable[[str], Iterable[bytes]]:
        def write(base_url: str) -> Iterable[bytes]:
            pieces = sitemaps.section_document(base_url, section, page) or []
            return (piece.encode() for piece in pieces)

        return write

    files = [Download("sitemap.xml", sitemaps.CONTENT_TYPE, index_file)]
    for section, page in sitemaps.section_files(counts):
        name = sitemaps.section_file_name(section, page)
        files.append(Download(name, sitemaps.CONTENT_TYPE, section_file(section, page)))
    return files


# --- The manifest -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Manifest:
    build: str
    built_at: datetime.datetime
    data_version: str
    code_version: str
    base_url: str
    projects: int
    files: dict[str, dict]

    @classmethod
    def read(cls) -> Manifest | None:
        """The current build's manifest, or None when there is none (or it cannot be read)."""
        try:
            with storages[STORAGE].open(MANIFEST, "rb") as handle:
                data = json.loads(handle.read())
            if data.get("format") != MANIFEST_FORMAT:
                return None
            values = {field.name: data[field.name] for field in dataclasses.fields(cls)}
            return cls(**values | {"built_at": parse_datetime(values["built_at"])})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("The open-data manifest cannot be read: %s", error)
            return None

    def as_json(self) -> bytes:
        data = dataclasses.asdict(self) | {
            "format": MANIFEST_FORMAT,
            "built_at": self.built_at.isoformat(),
        }
        return json.dumps(data, indent=1, sort_keys=True).encode()

    def is_current(self, base_url: str) -> bool:
        """Built from the data as they are now, by this code, for this address."""
        return (
            self.data_version == caching.data_version()
            and self.code_version == caching.code_version()
            and self.base_url == base_url
        )


def site_address(request) -> str:
    """The address the request is for ("https://host"), as a manifest records it."""
    return request.build_absolute_uri("/").rstrip("/")


# --- Serving ------------------------------------------------------------------------------


def export_response(request, extension: str):
    """export.csv/.xlsx/.json of the whole registry in the page's language, from its file when
    one is current; None when the download is to be assembled live."""
    return response_for(request, f"{translation.get_language()}/export.{extension}", attach=True)


def response_for(request, key: str, *, attach: bool = False):
    """The file `key` of the current build for a request without parameters (any parameter
    asks for a search of its own), or None. Its gzip copy, where there is one, to a client that
    accepts gzip."""
    if request.GET:
        return None
    manifest = Manifest.read()
    current = manifest is not None and manifest.is_current(site_address(request))
    if not current or key not in manifest.files:
        return None
    entry = manifest.files[key]
    compressed = entry.get("gzip") if accepts_gzip(request) else None
    stored = compressed or entry
    # Each encoding is a representation of its own, with its own tag (RFC 9110, 8.8.3).
    etag = f'"{stored["sha256"]}"'
    built = manifest.built_at.timestamp()
    response = get_conditional_response(request, etag=etag, last_modified=int(built))
    if response is None:
        response = _file_response(stored, entry["content_type"])
    if response is None:
        return None
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built)
    response["X-Open-Data-Built"] = manifest.built_at.isoformat()
    if "gzip" in entry:
        patch_vary_headers(response, ["Accept-Encoding"])  # shared caches keep both apart
    if compressed and response.status_code == 200:
        response["Content-Encoding"] = "gzip"
    if attach:
        extension = key.rsplit(".", 1)[-1]
        filename = f"projects-{timezone.localdate(manifest.built_at).isoformat()}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _file_response(stored: dict, content_type: str) -> FileResponse | None:
    """The stored file (a manifest entry or its gzip copy) as a response, or None when it
    cannot be opened."""
    try:
        handle = storages[STORAGE].open(stored["name"], "rb")
    except OSError as error:
        log.warning("Open-data file %s is listed but cannot be opened: %s", stored["name"], error)
        return None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Length"] = str(stored["size"])
    return response


def accepts_gzip(request) -> bool:
    """Whether the request's Accept-Encoding takes gzip: named (or `*`) with a weight above 0;
    "gzip;q=0" refuses it."""
    weights = {}
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _, parameters = item.partition(";")
        weight = 1.0
        for parameter in parameters.split(";"):
            label, _, value = parameter.strip().partition("=")
            if label.lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0  # a weight that cannot be read does not ask for anything
        weights[name.strip().lower()] = weight
    weight = weights.get("gzip", weights.get("x-gzip", weights.get("*", 0.0)))
    return weight > 0


# --- Building -----------------------------------------------------------------------------


class BuildRunning(Exception):
    """Another build holds the lock."""


@dataclasses.dataclass
class Progress:
    """Reports a file's bytes now and then while it is written (a build takes minutes)."""

    report: Callable[[str], None] | None
    every: float = 10.0

    def pieces(self, key: str, pieces: Iterable[bytes]) -> Iterator[bytes]:
        written, started, last = 0, time.monotonic(), time.monotonic()
        for piece in pieces:
            written += len(piece)
            if self.report and time.monotonic() - last >= self.every:
                last = time.monotonic()
                self.report(f"{key}: {written / 1e6:.1f} MB, {last - started:.0f} s")
            yield piece


def build(base_url: str, report: Callable[[str], None] | None = None) -> Manifest:
    """Write every download from one snapshot, then the manifest that makes them current, then
    remove the builds before the previous one. Raises BuildRunning when another build holds
    the lock, CommandError (from write_atomically) when a file cannot be written; the current
    manifest is untouched then."""
    storage = storages[STORAGE]
    base_url = base_url.rstrip("/")
    build_id = f"{timezone.now():%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    caching.data_version()  # a version exists before the snapshot reads it
    with build_lock():
        previous = Manifest.read()
        try:
            snapshot = _write_files(storage, build_id, base_url, Progress(report))
        except BaseException:
            _remove_build(storage, build_id)  # no half build stays behind
            raise
        manifest = Manifest(
            build=build_id, code_version=caching.code_version(), base_url=base_url, **snapshot
        )
        _store_manifest(storage, manifest.as_json())
        # The previous build stays: a download that began before the new manifest may still
        # be reading it (from a remote storage; a local file stays readable anyway).
        _remove_builds(storage, keep={build_id, previous.build if previous else build_id})
    return manifest


def _write_files(storage: Storage, build_id: str, base_url: str, progress: Progress) -> dict:
    """Every download into the build's folder, read in one snapshot; what the manifest says
    of them (the data version they were read at, when, how many projects, the files)."""
    files = {}
    with one_snapshot():
        version = RegistryState.objects.values_list("data_version", flat=True).get(pk=1)
        projects = Project.objects.published().count()
        built_at = timezone.now()
        for download in downloads():
            started = time.monotonic()
            name = f"{BUILDS}/{build_id}/{download.key}"
            with translation.override(download.language):
                pieces = progress.pieces(download.key, download.write(base_url))
                files[download.key] = _store(
                    storage, name, pieces, download.content_type, download.compressible
                )
            if progress.report:
                megabytes = files[download.key]["size"] / 1e6
                seconds = time.monotonic() - started
                progress.report(f"{download.key}: {megabytes:.1f} MB in {seconds:.1f} s")
    return {"data_version": version, "built_at": built_at, "projects": projects, "files": files}


def _store(
    storage: Storage, name: str, pieces: Iterable[bytes], content_type: str, compress: bool
) -> dict:
    """Write a file into the storage as its pieces come, with its size and sha256, and when
    `compress`, its gzip copy (`name`.gz, compressed in the same pass) with its own."""
    plain = _Tally()
    with contextlib.ExitStack() as stack:
        copy = stack.enter_context(_GzipSpool()) if compress else None
        passing = map(plain.add, pieces if copy is None else copy.tee(pieces))
        entry = {"name": _save(storage, name, passing), **plain.figures(),
                 "content_type": content_type}  # fmt: skip
        if copy is not None:
            packed = _Tally()
            stored = _save(storage, f"{name}.gz", map(packed.add, copy.chunks()))
            entry["gzip"] = {"name": stored, **packed.figures()}
    return entry


class _GzipSpool:
    """A gzip copy of the pieces that pass through tee(), kept in a temporary file until
    chunks() reads it back."""

    def __enter__(self):
        self._file = tempfile.TemporaryFile()
        self._compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, GZIP_WINDOW)
        return self

    def __exit__(self, *exc_info):
        self._file.close()

    def tee(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self._file.write(self._compressor.compress(piece))
            yield piece

    def chunks(self) -> Iterator[bytes]:
        self._file.write(self._compressor.flush())
        self._file.seek(0)
        return iter(lambda: self._file.read(1 << 20), b"")


class _Tally:
    """The size and sha256 of a file's bytes as they pass."""

    def __init__(self):
        self.size, self.digest = 0, hashlib.sha256()

    def add(self, piece: bytes) -> bytes:
        self.size += len(piece)
        self.digest.update(piece)
        return piece

    def figures(self) -> dict:
        return {"size": self.size, "sha256": self.digest.hexdigest()}


def _save(storage: Storage, name: str, pieces: Iterable[bytes]) -> str:
    """Write the pieces as the storage's file `name`; the name it was stored under."""
    if _is_local(storage):
        path = Path(storage.path(name))
        _make_folder(path.parent)
        write_atomically(path, pieces)
        return name
    with tempfile.TemporaryFile() as spool:
        for piece in pieces:
            spool.write(piece)
        spool.seek(0)
        return storage.save(name, File(spool, name=name))


def _store_manifest(storage: Storage, content: bytes) -> None:
    if _is_local(storage):
        path = Path(storage.path(MANIFEST))
        _make_folder(path.parent)
        write_atomically(path, content)  # a rename: readers see the old manifest or the new one
        return
    # A remote store replaces an object in one request; in between, readers find none and
    # assemble the download live.
    storage.delete(MANIFEST)
    storage.save(MANIFEST, ContentFile(content))


def _remove_builds(storage: Storage, keep: set[str]) -> None:
    """Remove the build folders not in `keep`."""
    try:
        folders, _files = storage.listdir(BUILDS)
    except OSError:  # no build yet, or no storage folder at all
        return
    for folder in folders:
        if folder not in keep:
            _remove_build(storage, folder)


def _remove_build(storage: Storage, build_id: str) -> None:
    folder = f"{BUILDS}/{build_id}"
    if _is_local(storage):
        shutil.rmtree(storage.path(folder), ignore_errors=True)
    else:
        _delete_tree(storage, folder)


def _delete_tree(storage: Storage, folder: str) -> None:
    folders, files = storage.listdir(folder)
    for name in files:
        storage.delete(f"{folder}/{name}")
    for name in folders:
        _delete_tree(storage, f"{folder}/{name}")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"{folder}: {error.strerror or error}") from error


def _is_local(storage: Storage) -> bool:
    """Files in a folder of this machine, written with a rename. Not every storage with a
    path() keeps its files there (Django's in-memory storage answers one), so the class
    decides."""
    return isinstance(storage, FileSystemStorage)


@contextlib.contextmanager
def build_lock():
    """One build at a time, also from cron on several servers: a PostgreSQL advisory lock
    (released by the server if the process dies), or on SQLite, whose database is on this
    machine, a file lock beside it. Raises BuildRunning when the lock is taken."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        # On a connection of its own, whatever becomes of the build's transaction; closing it
        # releases the lock.
        holder = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with holder.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                if not cursor.fetchone()[0]:
                    raise BuildRunning
            yield
        finally:
            holder.close()
        return
    name = hashlib.blake2b(str(connection.settings_dict["NAME"]).encode(), digest_size=8)
    path = Path(tempfile.gettempdir()) / f"registry-open-data-{name.hexdigest()}.lock"
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildRunning from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
