"""A short hypothesis search for a request that breaks the site: any public address, any
language, hostile and random parameters. Every answer must be below 500. (bench/fuzz.py runs
the long search, also while records are being written.)"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from projects.models import Organization, Place, Project

from .fuzzing import request_strategy

SEED_PROJECTS = [
    "human-rights-communication-information-governance",
    "us-support-civil-society-human-rights-kazakhstan",
]
SEED_ORGANIZATIONS = ["echo", "european-union", "delegation-of-the-european-union-to-kazakhstan"]
SEED_PLACES = ["kazakhstan", "pavlodar", "karaganda-region"]


@pytest.mark.django_db
@settings(
    max_examples=300,
    deadline=None,
    database=None,  # no example file left in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(request=request_strategy(SEED_PROJECTS, SEED_ORGANIZATIONS, SEED_PLACES))
def test_no_request_gets_a_server_error(seeded_db, request):
    assert Project.objects.filter(slug__in=SEED_PROJECTS).count() == 2
    assert Organization.objects.filter(slug__in=SEED_ORGANIZATIONS).count() == 3
    assert Place.objects.filter(slug__in=SEED_PLACES).count() == 3
    path, query = request
    response = Client(raise_request_exception=False).get(path, QUERY_STRING=query)
    assert response.status_code < 500, (path, query, response.status_code)
    if response.streaming:  # an export fails while it is written, not before
        assert b"".join(response.streaming_content) is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/",
        "/en/projects/map.json",
        "/en/embed/map/",
        "/en/embed/projects/",
        "/en/projects/export.csv",
        "/api/projects/",
    ],
)
@pytest.mark.parametrize("value", [" ", "%20", "\t", "\x00"])
def test_a_blank_place_is_no_filter_not_a_server_error(seeded_db, path, value):
    """The 500 a visitor found: a place of only spaces passed the form as empty, and the map
    then read the raw value. Now every view reads the cleaned value (blank: no filter) or
    refuses the parameter."""
    response = Client(raise_request_exception=False).get(path, {"place": value})
    assert response.status_code in (200, 400), (path, value, response.status_code)
