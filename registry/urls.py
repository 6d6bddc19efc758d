"""Every public page's address carries its language: /ru/, /kk/, /en/. A bare path such as `/`
redirects to the visitor's language (LocaleMiddleware reads Accept-Language). The open data
and the API are language-neutral."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from projects.api import api
from projects.caching import cached_response
from projects.feeds import NewProjectsFeed
from projects.health import healthz, readyz
from projects.sitemaps import sitemap_index, sitemap_section
from projects.views import robots_txt

urlpatterns = [
    # Machine-readable addresses carry no language: their content holds all three.
    path("open-data/", include("projects.opendata.urls")),
    path("api/", api.urls),
    # The index of the section files; they sit beside it, as the protocol requires of the
    # addresses a sitemap may list.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>-<int:page>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

# Error pages in the visitor's language, JSON under /api/ and /open-data/, 503 when the
# database does not answer (projects/errors.py).
handler400 = "projects.errors.bad_request"
handler403 = "projects.errors.permission_denied"
handler404 = "projects.errors.page_not_found"
handler500 = "projects.errors.server_error"

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("feed/", cached_response(NewProjectsFeed()), name="feed"),
    path("", include("projects.urls")),
)
