"""build_open_data: the whole registry's downloads written off the request path, served while
they match the data, and assembled live as soon as a publish or an edit changes the data."""

import gzip
import hashlib
import io
import json
import threading
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import transaction
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from openpyxl import load_workbook

from projects import caching
from projects.models import Project
from projects.opendata import prebuilt

pytestmark = pytest.mark.django_db

SITE = "http://testserver"  # what the test client's requests are addressed to
S003 = "us-support-civil-society-human-rights-kazakhstan"
EXPORTS = ["ru/export.csv", "kk/export.xlsx", "en/export.json"]


def build(*options: str) -> str:
    out = io.StringIO()
    call_command("build_open_data", "--base-url", SITE, *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def folder(settings) -> Path:
    return Path(settings.STORAGES["opendata"]["OPTIONS"]["location"])


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def is_live(response) -> bool:
    """Assembled from the database as it is sent (a FileResponse streams too)."""
    return isinstance(response, StreamingHttpResponse) and not isinstance(response, FileResponse)


def address(key: str) -> str:
    if "/" in key:
        language, name = key.split("/")
        return f"/{language}/projects/{name}"
    return f"/open-data/{key}"


def same_document(key: str, first: bytes, second: bytes) -> bool:
    """The same content, apart from the moment each was written."""
    if key.endswith(".csv"):
        return first == second
    if key.endswith(".xlsx"):
        rows = [list(load_workbook(io.BytesIO(b)).active.values) for b in (first, second)]
        return rows[0] == rows[1]
    first_doc, second_doc = json.loads(first), json.loads(second)
    first_doc.pop("exported"), second_doc.pop("exported")
    return first_doc == second_doc


def test_a_build_writes_every_download_with_its_size_and_checksum(seeded_db, settings):
    said = build()
    assert "Built 16 open-data files of 5 published projects" in said
    manifest = json.loads((folder(settings) / "manifest.json").read_bytes())
    languages = ("ru", "kk", "en")
    expected = {f"{lang}/export.{ext}" for lang in languages for ext in ("csv", "xlsx", "json")}
    sitemaps = {"sitemap.xml"} | {
        f"sitemap-{section}-1.xml" for section in ("pages", "projects", "organizations", "places")
    }
    assert set(manifest["files"]) == expected | {"iati.xml", "360giving.json"} | sitemaps
    assert manifest["projects"] == 5 and manifest["base_url"] == SITE
    for entry in manifest["files"].values():
        content = (folder(settings) / entry["name"]).read_bytes()
        assert len(content) == entry["size"] > 0
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]


@pytest.mark.parametrize("key", EXPORTS)
def test_a_download_without_parameters_is_the_built_file_with_the_same_content(
    seeded_db, client, key
):
    live = client.get(address(key))
    assert is_live(live)
    build()
    served = client.get(address(key))
    assert isinstance(served, FileResponse)
    assert served["Content-Disposition"] == live["Content-Disposition"]
    assert served["Content-Type"] == live["Content-Type"]
    content = body(served)
    assert int(served["Content-Length"]) == len(content)
    assert same_document(key, body(live), content)


def test_each_text_file_has_a_gzip_copy_of_the_same_bytes(seeded_db, settings):
    build()
    manifest = json.loads((folder(settings) / "manifest.json").read_bytes())
    for key, entry in manifest["files"].items():
        if key.endswith(".xlsx"):
            assert "gzip" not in entry, key  # a zip archive already
            continue
        packed = (folder(settings) / entry["gzip"]["name"]).read_bytes()
        assert len(packed) == entry["gzip"]["size"]
        assert hashlib.sha256(packed).hexdigest() == entry["gzip"]["sha256"]
        plain = (folder(settings) / entry["name"]).read_bytes()
        assert gzip.decompress(packed) == plain, key
        assert len(packed) < len(plain) / 2, key


@pytest.mark.parametrize(
    "accept, sent_gzip",
    [
        ("gzip, deflate, br", True),  # what browsers send
        ("gzip;q=0.5, identity", True),
        ("*", True),
        ("", False),
        ("identity", False),
        ("gzip;q=0, *", False),
        ("br;q=1, gzip;q=0", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_a_client_that_accepts_gzip_gets_the_gzip_copy(seeded_db, client, accept, sent_gzip):
    plain = client.get("/en/projects/export.json")
    build()
    served = client.get("/en/projects/export.json", HTTP_ACCEPT_ENCODING=accept)
    assert served.status_code == 200
    assert "Accept-Encoding" in served["Vary"]
    content = body(served)
    assert int(served["Content-Length"]) == len(content)
    if sent_gzip:
        assert served["Content-Encoding"] == "gzip"
        content = gzip.decompress(content)
    else:
        assert not served.has_header("Content-Encoding")
    assert served["Content-Type"] == plain["Content-Type"]
    assert same_document("en/export.json", body(plain), content)


def test_the_gzip_copy_has_a_tag_of_its_own_and_answers_a_repeated_request_with_304(
    seeded_db, client
):
    build()
    packed = client.get("/ru/projects/export.csv", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/ru/projects/export.csv")
    assert packed["ETag"] != plain["ETag"]
    again = client.get(
        "/ru/projects/export.csv", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]
    )
    assert again.status_code == 304 and again["ETag"] == packed["ETag"]
    assert not again.has_header("Content-Encoding")


def test_an_xlsx_file_is_sent_as_it_is_to_a_client_that_accepts_gzip(seeded_db, client):
    build()
    served = client.get("/kk/projects/export.xlsx", HTTP_ACCEPT_ENCODING="gzip")
    assert isinstance(served, FileResponse)
    assert not served.has_header("Content-Encoding")
    assert load_workbook(io.BytesIO(body(served))).active.max_row > 1


def test_iati_and_360giving_are_served_from_their_files(seeded_db, client):
    live = {key: body(client.get(address(key))) for key in ("iati.xml", "360giving.json")}
    build()
    for key in live:
        served = client.get(address(key))
        assert isinstance(served, FileResponse), key
        content = body(served)
        # The documents say when they were written; the rest is the same.
        assert content.count(b"<iati-activity ") == live[key].count(b"<iati-activity ")
        assert content.count(b'"awardDate"') == live[key].count(b'"awardDate"')
        assert len(content) == pytest.approx(len(live[key]), abs=80)


def test_a_built_file_says_when_it_was_built_and_answers_a_repeated_request_with_304(
    seeded_db, client
):
    build()
    served = client.get("/en/projects/export.csv")
    assert served["Last-Modified"] and served["X-Open-Data-Built"]
    again = client.get("/en/projects/export.csv", HTTP_IF_NONE_MATCH=served["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-projects-1.xml"])
def test_the_sitemaps_are_served_from_their_files_until_the_data_change(seeded_db, client, path):
    live = client.get(path)
    build()
    served = client.get(path)
    assert isinstance(served, FileResponse)
    assert served["Content-Type"] == live["Content-Type"]
    assert body(served) == body(live)
    assert f"{SITE}/ru/projects/{S003}/".encode() in body(client.get("/sitemap-projects-1.xml"))

    Project.objects.filter(slug=S003).update(is_published=False)
    caching.new_data_version()  # as a withdrawal marks it
    again = client.get("/sitemap-projects-1.xml")
    assert not isinstance(again, FileResponse)
    assert f"/ru/projects/{S003}/".encode() not in body(again)


def test_a_change_to_the_data_makes_downloads_live_until_the_next_build(seeded_db, client):
    build()
    project = Project.objects.get(slug=S003)
    version = caching.data_version()
    project.title_ru = "Новое название проекта"
    project.save()
    assert caching.data_version() != version  # the edit marked the data changed

    response = client.get("/ru/projects/export.csv")
    assert is_live(response)
    assert "Новое название проекта" in body(response).decode()

    assert "Built 16" in build("--if-stale")
    response = client.get("/ru/projects/export.csv")
    assert isinstance(response, FileResponse)
    assert "Новое название проекта" in body(response).decode()
    assert "nothing to build" in build("--if-stale")


@pytest.mark.parametrize(
    ("path", "host"),
    [
        ("/en/projects/export.json?donor=european-union", "testserver"),
        ("/en/projects/export.json?sort=newest", "testserver"),
        ("/open-data/iati.xml?year_from=2015", "testserver"),
        ("/en/projects/export.json", "mirror.example.org"),
    ],
)
def test_a_search_or_another_address_is_assembled_live(seeded_db, settings, path, host):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    build()
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200
    assert is_live(response)


def test_a_second_build_while_one_runs_does_nothing(seeded_db, settings):
    build()
    manifest = (folder(settings) / "manifest.json").read_bytes()
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock():  # another server's build, on a connection of its own
        from django.db import connection

        with prebuilt.build_lock():
            holding.set()
            release.wait(30)
        connection.close()

    other = threading.Thread(target=hold_the_lock)
    other.start()
    try:
        assert holding.wait(30)
        assert "Another build_open_data is running" in build()
    finally:
        release.set()
        other.join()
    assert (folder(settings) / "manifest.json").read_bytes() == manifest
    assert "Built 16" in build()  # the lock is free again


def test_a_failed_build_leaves_the_last_one_served_and_nothing_half_written(
    seeded_db, settings, client, monkeypatch
):
    build()
    manifest = (folder(settings) / "manifest.json").read_bytes()
    everything = prebuilt.downloads()

    def broken(base_url):
        yield b"<iati-activities>"
        raise OSError(28, "No space left on device")

    broken_iati = prebuilt.Download("iati.xml", "application/xml", broken)
    with_broken_iati = [broken_iati if d.key == "iati.xml" else d for d in everything]
    monkeypatch.setattr(prebuilt, "downloads", lambda: with_broken_iati)
    # (A savepoint: the test's transaction stands for the command's own connection.)
    with pytest.raises(Exception, match="No space left on device"), transaction.atomic():
        build()
    assert (folder(settings) / "manifest.json").read_bytes() == manifest
    assert len(list((folder(settings) / "builds").iterdir())) == 1
    assert isinstance(client.get("/open-data/iati.xml"), FileResponse)


def test_a_storage_without_local_files_gets_the_same_build_and_serves_it(
    seeded_db, settings, client
):
    """Any Django storage backend (an S3-compatible bucket in production). Django's in-memory
    storage has no local paths, so the build takes the same road as to a bucket."""
    storage = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "opendata": storage}
    for _ in range(3):
        said = build()
    assert "Built 16 open-data files" in said
    bucket = storages["opendata"]
    manifest = json.loads(bucket.open("manifest.json").read())
    kept = [name for name in bucket.listdir("builds")[0] if files_under(bucket, f"builds/{name}")]
    assert len(kept) == 2 and manifest["build"] in kept  # the older build's files are removed
    for entry in manifest["files"].values():
        content = bucket.open(entry["name"]).read()
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
    served = client.get("/open-data/360giving.json")
    assert isinstance(served, FileResponse)
    assert hashlib.sha256(body(served)).hexdigest() == manifest["files"]["360giving.json"]["sha256"]


def files_under(storage, folder: str) -> list[str]:
    folders, files = storage.listdir(folder)
    return files + [name for child in folders for name in files_under(storage, f"{folder}/{child}")]


def test_the_last_two_builds_are_kept(seeded_db, settings):
    for _ in range(3):
        build()
    current = json.loads((folder(settings) / "manifest.json").read_bytes())["build"]
    kept = sorted(path.name for path in (folder(settings) / "builds").iterdir())
    assert len(kept) == 2 and current in kept


@pytest.mark.parametrize(
    ("language", "none", "current", "stale"),
    [
        ("ru", "собирается из текущих данных", "соответствуют текущим данным",
         "Данные изменились после того"),
        ("kk", "қазіргі деректерден жиналады", "қазіргі деректерге сәйкес келеді",
         "деректер өзгерді"),
        ("en", "put together from the current data", "match the current data",
         "The data changed after"),
    ],
)  # fmt: skip
def test_the_open_data_page_says_whether_the_files_match_the_data(
    seeded_db, client, language, none, current, stale
):
    page = f"/{language}/open-data/"
    assert none in client.get(page).content.decode()
    build()
    assert current in client.get(page).content.decode()
    project = Project.objects.get(slug=S003)
    project.title_en = "A changed title"
    project.save()
    assert stale in client.get(page).content.decode()


def test_a_storage_folder_that_cannot_be_made_is_one_clear_message(seeded_db, settings, tmp_path):
    not_a_folder = tmp_path / "taken"
    not_a_folder.write_text("a file where the folder should be")
    storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    storage["OPTIONS"] = {"location": str(not_a_folder / "open-data")}
    settings.STORAGES = {**settings.STORAGES, "opendata": storage}
    with pytest.raises(CommandError, match="taken/open-data"), transaction.atomic():
        build()
    assert not_a_folder.read_text() == "a file where the folder should be"
