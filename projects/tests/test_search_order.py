"""A search's first pages read from title matches (ProjectFilter.page_ids) hold exactly the
projects, in exactly the order, that ordering every match gives."""

import collections
import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import translation

from projects.filters import published_search
from projects.models import Organization, Project
from projects.synthetic import synthetic_projects_generate

pytestmark = pytest.mark.django_db

PAGE = 20


@pytest.fixture
def many_projects(seeded_db):
    synthetic_projects_generate(count=150, seed=11, donors=4, organizations=20)


def common_title_word() -> str:
    """The word that most synthetic projects' Russian titles hold."""
    counts = collections.Counter()
    for title in Project.objects.filter(is_synthetic=True).values_list("title_ru", flat=True):
        counts.update({word.lower() for word in re.findall(r"\w{6,}", title)})
    return counts.most_common(1)[0][0]


def ids_both_ways(params: str, start: int, stop: int) -> tuple[list[int], list[int]]:
    with translation.override("ru"):
        search = published_search(QueryDict(params))
        ordered = search.order(search.qs, "ru")
        every_match_in_order = list(ordered.values_list("pk", flat=True)[start:stop])
        return search.page_ids(ordered, start, stop), every_match_in_order


def read_from_title_matches(params: str, start: int, stop: int) -> bool:
    with translation.override("ru"):
        return published_search(QueryDict(params))._title_matches_first(start, stop) is not None


@pytest.mark.parametrize(("start", "stop"), [(0, PAGE), (PAGE, 2 * PAGE), (0, 3), (60, 80)])
def test_a_common_word_gives_the_same_pages(many_projects, start, stop):
    params = f"q={common_title_word()}"
    fast, slow = ids_both_ways(params, start, stop)
    assert len(slow) == stop - start
    assert fast == slow
    if connection.vendor == "postgresql" and stop <= 2 * PAGE:
        assert read_from_title_matches(params, start, stop)


def test_with_another_filter_too(many_projects):
    donor = Organization.objects.filter(participations__role="donor", is_synthetic=True).first()
    params = f"q={common_title_word()}&donor={donor.slug}"
    for start, stop in [(0, 5), (5, 10), (0, PAGE)]:
        fast, slow = ids_both_ways(params, start, stop)
        assert fast == slow


def test_a_phrase_and_alternatives_give_the_same_pages(many_projects):
    word = common_title_word()
    titles = Project.objects.filter(is_synthetic=True).values_list("title_ru", flat=True)
    title = next(title for title in titles if word in title.lower())
    first, second = re.findall(r"\w{4,}", title)[:2]
    for params in [f'q="{first} {second}"', f"q={first} OR {second}", f"q={first} {second}"]:
        fast, slow = ids_both_ways(params, 0, 10)
        assert fast == slow, params


def test_an_exclusion_orders_every_match(many_projects):
    params = f"q={common_title_word()} -Алматы"
    assert not read_from_title_matches(params, 0, PAGE)
    fast, slow = ids_both_ways(params, 0, PAGE)
    assert fast == slow


def test_past_the_first_pages_every_match_is_ordered(many_projects):
    params = f"q={common_title_word()}"
    assert not read_from_title_matches(params, 100, 120)
