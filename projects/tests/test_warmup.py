"""Each app process readies itself before its first request (projects/warmup.py): what it would
otherwise read on a visitor's time is read as it starts, and a database that is not up yet
leaves the work to the first request, without stopping the process."""

import gc
import logging

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from projects import caching, places, search_names, warmup

from .factories import make_organization, make_place

# warm_up() closes the database connection, as a process about to fork must: the test runs
# outside a transaction, on its own rows.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _as_a_new_process():
    search_names.forget()
    places.forget()
    yield
    gc.unfreeze()
    search_names.forget()
    places.forget()


def test_a_warmed_process_searches_without_reading_names_or_places():
    make_organization(
        "european-union",
        kind="international_organization",
        ru="Европейский союз",
        en="European Union",
    )
    make_place("pavlodar", ru="Павлодар")

    timings = warmup.warm_up()

    assert set(timings) >= {"urls", "translations", "templates", "names and places"}
    if connection.vendor != "sqlite":  # (Django never closes an in-memory SQLite database)
        assert connection.connection is None  # closed: nothing for a forked worker to share
    assert gc.get_freeze_count() > 0  # what it read is out of the collector's way
    with CaptureQueriesContext(connection) as queries:
        book = search_names.load()
        places.PlaceTree.load()
    assert len(queries) == 2  # the data version, once for each: no names, no places read
    assert book.closest_name("Павладар") == "Павлодар"


def test_a_database_that_is_not_up_leaves_the_work_to_the_first_request(monkeypatch, caplog):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(caching, "data_version", unreachable)
    with caplog.at_level(logging.WARNING, logger="projects.warmup"):
        timings = warmup.warm_up()
    assert "names and places" in timings
    assert "warm-up: names and places failed" in caplog.text
    monkeypatch.undo()
    with CaptureQueriesContext(connection) as queries:
        search_names.load()
    assert len(queries) > 2  # the first search reads the names itself, as before
