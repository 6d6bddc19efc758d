"""sitemap.xml: an index of section files (pages, projects, organisations, places), each listing
every public page in ru, kk and en with hreflang alternates and an x-default.

A section is split into files of at most URLS_PER_FILE addresses (every language version
counts), so that a registry of any size stays within the protocol's limits of 50,000 addresses
and 50 MB per file. A file selects only the slugs and modification dates of its rows (one query
whatever its size), builds each address from a prefix computed once per language, and is
streamed: no model instances, no reverse() per item.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from .caching import cached, data_version
from .models import Place, Project, ProjectPlaceIndex
from .opendata import prebuilt
from .selectors.directory import organizations_with_public_pages

# With its four alternates an entry takes about 1.1 KB at the longest slug (120 characters,
# on a 28-character https host): 39,000 addresses keep a file under 50 MB (50,000 would not)
# as well as under 50,000 addresses.
URLS_PER_FILE = 39_000
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = "sitemap-slug-placeholder"
ITEMS_PER_PIECE = 500  # items rendered per streamed piece
CONTENT_TYPE = "application/xml; charset=utf-8"

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
INDEX_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


def published_projects() -> QuerySet:
    return Project.objects.published().order_by("slug").values_list("slug", "updated_at")


def organizations_with_pages() -> QuerySet:
    organizations = organizations_with_public_pages().order_by("slug")
    return organizations.values_list("slug", "updated_at")


def places_with_published_projects() -> QuerySet:
    """Places with a published project in them or anywhere inside them."""
    within = ProjectPlaceIndex.objects.filter(place=OuterRef("pk"), project__is_published=True)
    return Place.objects.filter(Exists(within)).order_by("slug").values_list("slug")


@dataclass(frozen=True)
class Section:
    """One kind of public page: its detail view (by slug), and the (slug, updated_at) or
    (slug,) of every row that has one, in slug order."""

    url_name: str
    rows: Callable[[], QuerySet]
    priority: str | None = None


PAGES = "pages"  # the section of the pages without a slug
PAGE_URL_NAMES = [
    "projects:home",
    "projects:project-list",
    "projects:donor-index",
    "projects:organization-index",
    "projects:place-index",
    "projects:open-data",
    "projects:about",
]
PAGE_PRIORITY = "0.8"
SECTIONS: dict[str, Section | None] = {
    PAGES: None,
    "projects": Section("projects:project-detail", published_projects, "0.9"),
    "organizations": Section("projects:organization-detail", organizations_with_pages),
    "places": Section("projects:place-detail", places_with_published_projects, "0.5"),
}


def items_per_file() -> int:
    """Items per file: each is listed once per language."""
    return max(1, URLS_PER_FILE // len(LANGUAGES))


# --- Views ------------------------------------------------------------------------------------


def sitemap_index(request):
    """/sitemap.xml: the section files; from the last open-data build while it is current."""
    prebuilt_file = prebuilt.response_for(request, "sitemap.xml")
    if prebuilt_file is not None:
        return prebuilt_file
    counts = cached(data_version(), f"sitemap-counts:{items_per_file()}", section_counts)
    document = index_document(prebuilt.site_address(request), counts)
    return HttpResponse(document, content_type=CONTENT_TYPE)


def section_counts() -> dict[str, int]:
    """The number of items of each section: one count each (counting organisations with a
    published project joins every participation, so the index keeps it until the data
    change)."""
    return {
        name: len(PAGE_URL_NAMES) if section is None else section.rows().count()
        for name, section in SECTIONS.items()
    }


def section_files(counts: dict[str, int]) -> Iterator[tuple[str, int]]:
    """(section, page) of every section file, for the counts of items."""
    for name, count in counts.items():
        for page in range(1, max(1, math.ceil(count / items_per_file())) + 1):
            yield name, page


def section_file_name(section: str, page: int) -> str:
    return f"sitemap-{section}-{page}.xml"


def index_document(site: str, counts: dict[str, int]) -> str:
    pieces = [INDEX_OPEN]
    for name, page in section_files(counts):
        path = reverse("sitemap-section", kwargs={"section": name, "page": page})
        pieces.append(f"<sitemap><loc>{escape(site + path)}</loc></sitemap>\n")
    pieces.append("</sitemapindex>\n")
    return "".join(pieces)


def sitemap_section(request, section: str, page: int):
    """/sitemap-<section>-<page>.xml: one slice of a section, in slug order; from the last
    open-data build while it is current."""
    if section not in SECTIONS or page < 1:
        raise Http404("No such sitemap.")
    prebuilt_file = prebuilt.response_for(request, section_file_name(section, page))
    if prebuilt_file is not None:
        return prebuilt_file
    document = section_document(prebuilt.site_address(request), section, page)
    if document is None:
        raise Http404("No such sitemap.")
    return StreamingHttpResponse(document, content_type=CONTENT_TYPE)


def section_document(site: str, section: str, page: int) -> Iterator[str] | None:
    """The section file's pieces, or None when the section has no such page."""
    if section == PAGES:
        return _urlset(_page_entries(site)) if page == 1 else None
    start = (page - 1) * items_per_file()
    rows = list(SECTIONS[section].rows()[start : start + items_per_file()])
    if not rows and page != 1:
        return None
    return _urlset(_item_entries(site, SECTIONS[section], rows))


# --- Rendering --------------------------------------------------------------------------------


def _urlset(entries: Iterator[str]) -> Iterator[str]:
    yield URLSET_OPEN
    piece: list[str] = []
    for entry in entries:
        piece.append(entry)
        if len(piece) >= ITEMS_PER_PIECE:
            yield "".join(piece)
            piece = []
    yield "".join(piece)
    yield "</urlset>\n"


def _item_entries(site: str, section: Section, rows: list[tuple]) -> Iterator[str]:
    """Each row's page in every language, each with the same alternates."""
    prefixes = {
        language: _split(site, section.url_name, language, with_slug=True) for language in LANGUAGES
    }
    default_prefix, default_suffix = _x_default(prefixes)
    priority = f"<priority>{section.priority}</priority>" if section.priority else ""
    for row in rows:
        slug = row[0]
        lastmod = ""
        if len(row) > 1 and row[1] is not None:
            lastmod = f"<lastmod>{timezone.localtime(row[1]):%Y-%m-%d}</lastmod>"
        locations = {
            language: f"{prefix}{slug}{suffix}" for language, (prefix, suffix) in prefixes.items()
        }
        alternates = _alternates(locations, f"{default_prefix}{slug}{default_suffix}")
        for location in locations.values():
            yield f"<url><loc>{location}</loc>{lastmod}{priority}{alternates}</url>\n"


def _page_entries(site: str) -> Iterator[str]:
    for url_name in PAGE_URL_NAMES:
        locations = {
            language: _split(site, url_name, language, with_slug=False)[0] for language in LANGUAGES
        }
        default, _ = _x_default({lang: (loc, "") for lang, loc in locations.items()})
        alternates = _alternates(locations, default)
        for location in locations.values():
            priority = f"<priority>{PAGE_PRIORITY}</priority>"
            yield f"<url><loc>{location}</loc>{priority}{alternates}</url>\n"


def _split(site: str, url_name: str, language: str, *, with_slug: bool) -> tuple[str, str]:
    """The page's absolute address in the language, XML-escaped (for text and attributes),
    cut where the slug goes (slugs need no escaping)."""
    with translation.override(language):
        path = reverse(url_name, kwargs={"slug": PLACEHOLDER} if with_slug else None)
    prefix, _, suffix = escape(site + path, {'"': "&quot;"}).partition(PLACEHOLDER)
    return prefix, suffix


def _x_default(prefixes: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The language-neutral address (/projects/<slug>/, which redirects to the reader's
    language) of the default language's page, as Django's sitemaps give it."""
    prefix, suffix = prefixes[settings.LANGUAGE_CODE]
    return prefix.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1), suffix


def _alternates(locations: dict[str, str], default: str) -> str:
    links = [
        f'<xhtml:link rel="alternate" hreflang="{language}" href="{location}"/>'
        for language, location in {**locations, "x-default": default}.items()
    ]
    return "".join(links)
