"""A long export reads the registry as it was when it started: an edit committed while it runs
appears in the next export, never in half of this one (PostgreSQL's REPEATABLE READ; on
SQLite a reader and a writer do not overlap)."""

import json
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from projects.models import FundingLine, Project
from projects.opendata import batches, files
from projects.opendata.files import in_one_snapshot
from projects.opendata.records import stream_export

from .factories import make_funding, make_organization, make_project

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]


def committed_elsewhere(change) -> None:
    """Run `change` in another thread, on its own connection, committed when it returns."""
    errors = []

    def run():
        try:
            change()
        except Exception as error:  # noqa: BLE001 (re-raised in the test's thread)
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


def amounts_of(document: bytes) -> dict[str, list[str]]:
    records = json.loads(document)["projects"]
    return {
        record["project"]["slug"]: [line["amount"] for line in record["project"]["funding"]]
        for record in records
    }


@pytest.fixture
def two_funded_projects():
    donor = make_organization("donor", kind="donor_agency")
    first, second = make_project("first"), make_project("second")
    make_funding(first, donor, amount="100")
    make_funding(second, donor, amount="200")
    return first, second


def test_an_edit_made_while_the_export_runs_is_not_in_it(two_funded_projects):
    _first, second = two_funded_projects
    # One project per chunk: the second one's funding is read after the first is written.
    pieces = in_one_snapshot(stream_export(Project.objects.order_by("pk"), chunk_size=1))
    written = [next(pieces), next(pieces), next(pieces)]  # the header and the first record
    assert b'"slug":"first"' in written[-1]

    committed_elsewhere(lambda: FundingLine.objects.filter(project=second).update(amount=999))

    document = b"".join(written) + b"".join(pieces)
    assert FundingLine.objects.get(project=second).amount == 999  # the edit is committed
    assert amounts_of(document) == {"first": ["100"], "second": ["200"]}
    later = b"".join(stream_export(Project.objects.order_by("pk")))
    assert amounts_of(later)["second"] == ["999"]


def test_the_downloaded_export_is_read_in_one_snapshot(two_funded_projects, client, monkeypatch):
    monkeypatch.setattr(batches, "FULL_TEXT_CHUNK", 1)
    monkeypatch.setattr(files, "PIECE_SIZE", 1)  # each record handed on as it is written
    response = client.get(reverse("projects:project-export-json"))
    pieces = iter(response.streaming_content)
    written = [next(pieces) for _ in range(3)]  # the header and the first record
    so_far = b"".join(written)
    assert [b'"slug":"first"' in so_far, b'"slug":"second"' in so_far].count(True) == 1

    committed_elsewhere(lambda: FundingLine.objects.update(amount=999))

    document = b"".join(written) + b"".join(pieces)
    assert sorted(amounts_of(document).values()) == [["100"], ["200"]]
