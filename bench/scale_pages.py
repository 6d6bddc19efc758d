"""What bench_scale.py requests: real records chosen from the database (the busiest donor,
organisation, city, ...) and the addresses built from them, one per page, filter and sort."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from urllib.parse import urlencode

# The generator documents its common and rare words (projects.synthetic.COMMON_WORD, RARE_WORD).
FALLBACK_WORDS = ("права", "сайгак")


@dataclass
class Sample:
    """Real records to request, chosen from the database: the busiest of each kind."""

    published: int
    synthetic: int
    donor: str
    organization: str
    country: str
    region: str
    city: str
    newest_slug: str
    newest_id: int
    year: int
    currency: str
    budget_min: str
    budget_max: str
    q_common: str
    q_rare: str
    list_pages: int
    donor_list_pages: int
    api_pages: int


def choose_sample(*, q_common: str | None = None, q_rare: str | None = None) -> Sample:
    """The records the pages show; the search words given, else the generator's."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from projects import api, views
    from projects.filters import published_projects_matching
    from projects.models import FundingLine, Participation, Place, PlaceKind, Project

    published = Project.objects.filter(is_published=True)
    count = published.count()
    participations = Participation.objects.filter(project__is_published=True)

    def busiest(rows, key):
        row = rows.values(key).annotate(n=Count("project")).order_by("-n", key).first()
        return row[key] if row else ""

    donor = busiest(participations.filter(role="donor"), "organization__slug")
    organization = busiest(participations.exclude(role="donor"), "organization__slug")
    links = Project.places.through.objects.filter(project__is_published=True)
    city_id = busiest(links.filter(place__kind=PlaceKind.CITY, place__country_code="KZ"), "place")
    city = Place.objects.filter(pk=city_id).first() or Place.objects.filter(kind="city").first()
    region = city
    while region is not None and region.kind != PlaceKind.REGION:
        region = region.parent
    country = Place.objects.filter(kind=PlaceKind.COUNTRY, country_code="KZ").first()
    newest = published.order_by("-created_at", "pk").first()
    year = (
        published.exclude(start_date=None)
        .values(year=ExtractYear("start_date"))
        .annotate(n=Count("pk"))
        .order_by("-n", "-year")
        .first()
    )
    lines = FundingLine.objects.filter(project__is_published=True)
    currency = busiest(lines, "currency") or "EUR"
    amounts = lines.filter(currency=currency).order_by("amount").values_list("amount", flat=True)
    total = amounts.count()

    def amount_at(fraction):
        if not total:
            return "1000"
        value = float(amounts[int((total - 1) * fraction)])
        digits = max(int(math.log10(value)) - 1, 0) if value >= 1 else 0
        return str(int(round(value, -digits)))

    q_common, q_rare = search_words(q_common, q_rare)
    donor_count = published_projects_matching({"donor": donor}).count() if donor else 0
    list_size = getattr(views, "PAGE_SIZE", 20)
    api_size = getattr(api, "DEFAULT_PAGE_SIZE", 20)
    return Sample(
        published=count,
        synthetic=published.filter(is_synthetic=True).count(),
        donor=donor,
        organization=organization,
        country=country.slug if country else "kazakhstan",
        region=region.slug if region else "",
        city=city.slug if city else "",
        newest_slug=newest.slug if newest else "",
        newest_id=newest.pk if newest else 0,
        year=year["year"] if year else datetime.date.today().year,
        currency=currency,
        budget_min=amount_at(0.75),
        budget_max=amount_at(0.25),
        q_common=q_common,
        q_rare=q_rare,
        list_pages=max(math.ceil(count / list_size), 1),
        donor_list_pages=max(math.ceil(donor_count / list_size), 1),
        api_pages=max(math.ceil(count / api_size), 1),
    )


def search_words(common: str | None, rare: str | None) -> tuple[str, str]:
    """A word most projects contain and one few do: as given, else as the generator documents
    them (projects/synthetic.py), else the fallbacks."""
    try:
        from projects import synthetic
    except ImportError:
        synthetic = None
    common = common or getattr(synthetic, "COMMON_WORD", None) or FALLBACK_WORDS[0]
    rare = rare or getattr(synthetic, "RARE_WORD", None) or FALLBACK_WORDS[1]
    return common, rare


@dataclass
class Page:
    label: str
    path: str
    admin: bool = False


def pages_of(sample: Sample, extra: list[str]) -> list[Page]:
    """Every page to time, in the order of the table; `extra` paths at the end."""
    s = sample

    def projects(**params) -> str:
        return "/ru/projects/" + (f"?{urlencode(params)}" if params else "")

    pages = [
        Page("home", "/ru/"),
        Page("list", projects()),
        Page("list place=city", projects(place=s.city)),
        Page("list place=region", projects(place=s.region)),
        Page("list donor", projects(donor=s.donor)),
        Page("list organization", projects(organization=s.organization)),
        Page("list status=ongoing", projects(status="ongoing")),
        Page(f"list year={s.year}", projects(year=s.year)),
        Page("list budget_min", projects(budget_min=s.budget_min, currency=s.currency)),
        Page("list budget_max", projects(budget_max=s.budget_max, currency=s.currency)),
        Page(f"list currency={s.currency}", projects(currency=s.currency)),
        Page("list language=kk", projects(language="kk")),
        *[Page(f"list sort={sort}", projects(sort=sort)) for sort in SORTS],
        Page(f"list q={s.q_common}", projects(q=s.q_common)),
        Page(f"list q={s.q_rare}", projects(q=s.q_rare)),
        Page(
            "list donor+place+year+q",
            projects(donor=s.donor, place=s.region, year=s.year, q=s.q_common),
        ),
        Page(f"list last page ({s.list_pages})", projects(page=s.list_pages)),
        Page(
            f"list donor, last page ({s.donor_list_pages})",
            projects(donor=s.donor, page=s.donor_list_pages),
        ),
        Page("project page (newest)", f"/ru/projects/{s.newest_slug}/"),
        Page("organisation (most projects)", f"/ru/organizations/{s.organization}/"),
        Page("organisation (biggest donor)", f"/ru/organizations/{s.donor}/"),
        Page(f"place {s.country}", f"/ru/places/{s.country}/"),
        Page(f"place {s.city}", f"/ru/places/{s.city}/"),
        Page("map.json", "/ru/projects/map.json"),
        Page(
            "map.json donor+region",
            "/ru/projects/map.json?" + urlencode({"donor": s.donor, "place": s.region}),
        ),
        Page(f"list years {s.year}-", projects(year_from=s.year)),
        Page("list sort=title kk", "/kk/projects/?sort=title"),
        Page("donors index", "/kk/donors/"),
        Page("organisations index", "/kk/organizations/"),
        Page("organisations index, most projects", "/ru/organizations/?sort=projects"),
        Page("organisations index, page 50", "/ru/organizations/?page=50"),
        Page("organisations index, words", "/ru/organizations/?q=фонд"),
        Page("places index", "/kk/places/"),
        Page("places index, words", "/ru/places/?q=обл"),
        Page("open data page", "/en/open-data/"),
        Page("about page", "/ru/about/"),
        Page("feed", "/ru/feed/"),
        Page("sitemap.xml", "/sitemap.xml"),
        Page("api projects", "/api/projects/"),
        Page(f"api projects page {s.api_pages}", f"/api/projects/?page={s.api_pages}"),
        Page("api project", f"/api/projects/{s.newest_slug}/"),
        Page("api organizations", "/api/organizations/"),
        Page("api donors", "/api/donors/"),
        Page("api places", "/api/places/"),
        Page("admin project list", "/ru/admin/projects/project/", admin=True),
        Page("admin project change", f"/ru/admin/projects/project/{s.newest_id}/change/", True),
    ]
    pages += [Page(path, path) for path in extra]
    return pages


SORTS = ("newest", "start", "budget", "title")

# Without parameters, the files build_open_data wrote (the bench builds them first); with one,
# the same documents assembled live from the database as they are sent. A path ending in
# " (gzip)" is fetched with "Accept-Encoding: gzip", as browsers and `curl --compressed` ask:
# the text files' gzip copies.
GZIP = " (gzip)"
EXPORTS = [
    "/ru/projects/export.csv",
    "/ru/projects/export.json",
    "/ru/projects/export.xlsx",
    "/open-data/iati.xml",
    "/open-data/360giving.json",
    "/ru/projects/export.csv" + GZIP,
    "/ru/projects/export.json" + GZIP,
    "/open-data/iati.xml" + GZIP,
    "/open-data/360giving.json" + GZIP,
    "/ru/projects/export.csv?sort=newest",
    "/ru/projects/export.json?sort=newest",
    "/ru/projects/export.xlsx?sort=newest",
    "/ru/projects/export-donors.csv",
    "/open-data/iati.xml?sort=newest",
    "/open-data/360giving.json?sort=newest",
]
