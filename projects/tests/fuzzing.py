"""Hostile requests for every public address: pages, exports, feed, sitemaps, widgets, open
data and the API, with parameters a visitor, a crawler or an attacker might send. A request is
fine when the answer is below 500 (a page, a form error, a 400, a 404); `make test` runs a short
hypothesis search over these (test_fuzz.py), bench/fuzz.py the long run while another process
publishes and edits records."""

from __future__ import annotations

import random
from collections.abc import Iterable
from urllib.parse import urlencode

from hypothesis import strategies as st

LANGUAGES = ["ru", "kk", "en"]
# Parameters the site reads (filters, sorting, paging, columns, the API's), and a few it does not.
PARAMETERS = [
    "q", "place", "region", "donor", "organization", "sector", "status", "year", "year_from",
    "year_to", "budget_min", "budget_max", "currency", "language", "sort", "page", "page_size",
    "columns", "display", "role", "kind", "format", "cursor", "utm_source", "x",
]  # fmt: skip
HOSTILE_VALUES = [
    "", " ", "  ", "\t", "%20", "%00", "\x00", "\u202e", "𝕏𝕐", "Ä" * 3000, "ru", "kk", "EUR", "XXX",
    "0", "-1", "1.5", "1e309", "NaN", "inf", "99999999999999999999999", "2025-13", "2012",
    "1900", "9999", "15160", "15150", "99999", "1516", "almaty", "kazakhstan", "european-union",
    "usaid", "echo",
    "human-rights-communication-information-governance", "../../etc/passwd",
    "'; DROP TABLE projects_project; --", '" OR 1=1 --', "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")', "{}", "[]", "null", "true", "title,nope", "title,donors",
    "budget", "-budget", "start", "newest", "Павлодар", "Павлодарда", "ЕС", "права человека",
    "a" * 600, "%", "%%", "\\", "/", "?", "&", "#", "=", "+", "\r\n",
]  # fmt: skip


def addresses(project_slugs: list[str], organization_slugs: list[str], place_slugs: list[str]):
    """Every public address, with slugs that exist and slugs that do not."""
    slugs = {
        "project": project_slugs + ["no-such-project"],
        "organization": organization_slugs + ["no-such-organisation"],
        "place": place_slugs + ["no-such-place"],
    }
    language_pages = [
        "/{lang}/", "/{lang}/projects/", "/{lang}/projects/map.json",
        "/{lang}/projects/export.csv", "/{lang}/projects/export.xlsx",
        "/{lang}/projects/export.json", "/{lang}/projects/export-donors.csv",
        "/{lang}/projects/export-organizations.csv", "/{lang}/projects/{project}/",
        "/{lang}/organizations/{organization}/", "/{lang}/places/{place}/",
        "/{lang}/embed/projects/", "/{lang}/embed/map/", "/{lang}/feed/",
    ]  # fmt: skip
    machine = [
        "/sitemap.xml", "/sitemap-projects-1.xml", "/sitemap-projects-999.xml", "/robots.txt",
        "/healthz", "/open-data/iati.xml", "/open-data/360giving.json", "/api/openapi.json",
        "/api/projects/", "/api/projects/{project}/", "/api/organizations/",
        "/api/organizations/{organization}/", "/api/donors/", "/api/places/",
        "/api/places/{place}/",
    ]  # fmt: skip
    return language_pages, machine, slugs


def fill(template: str, language: str, slugs: dict[str, list[str]], pick) -> str:
    return template.format(
        lang=language,
        project=pick(slugs["project"]),
        organization=pick(slugs["organization"]),
        place=pick(slugs["place"]),
    )


def query(pairs: Iterable[tuple[str, str]]) -> str:
    return urlencode(list(pairs))


def request_strategy(project_slugs, organization_slugs, place_slugs):
    """(path, query string) pairs for hypothesis: any address, any language, hostile or random
    values for known and unknown parameters, repeated parameters too."""
    pages, machine, slugs = addresses(project_slugs, organization_slugs, place_slugs)
    value = st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=40))
    pair = st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10)), value)

    @st.composite
    def requests(draw):
        template = draw(st.sampled_from(pages + machine))
        language = draw(st.sampled_from(LANGUAGES))
        path = fill(template, language, slugs, lambda options: draw(st.sampled_from(options)))
        return path, query(draw(st.lists(pair, max_size=6)))

    return requests()


def random_requests(project_slugs, organization_slugs, place_slugs, *, seed: int):
    """The same kind of requests from a seeded random generator, without end (for the long
    run, where hypothesis' search and shrinking would cost more than the requests)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    pages, machine, slugs = addresses(project_slugs, organization_slugs, place_slugs)

    def value() -> str:
        if rng.random() < 0.7:
            return rng.choice(HOSTILE_VALUES)
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 30)))

    while True:
        path = fill(rng.choice(pages + machine), rng.choice(LANGUAGES), slugs, rng.choice)
        pairs = [(rng.choice(PARAMETERS), value()) for _ in range(rng.randrange(0, 6))]
        yield path, query(pairs)
