"""The registry's read-only JSON API at /api/ (django-ninja), described at /api/openapi.json.

One module per resource (projects, organizations, places), their schemas (schemas.py), errors
(errors.py) and shared shapes (shapes.py). Views only parse, page and shape: the project list
answers through the public list's own filters.published_projects_matching, reads spanning models
come from selectors, and lists are read id-first (a deep page walks ids, not records).
"""

from ninja import NinjaAPI

from . import errors, organizations, places, projects

API_DESCRIPTION = """\
Read-only access to the registry's published projects, the organisations that take part in them
and the places they work in. No key is needed; every address answers GET only.

- Every record's `id` is its slug: stable, the last part of its public page's address and of its
  address here.
- Texts come in Russian, Kazakh and English at once, as `{"ru", "kk", "en"}` objects with null
  where a translation is missing, whatever language the request asks for.
- Dates are partial ISO strings whose length is their precision ("2017", "2017-02",
  "2017-02-15"), with the precision beside them.
- Amounts are decimal strings with their ISO 4217 currency; amounts in different currencies are
  never added together.
- Lists come a page at a time (`page`, `page_size` up to 100) with the total `count` and the
  addresses of the `next` and `previous` pages.
- An organisation's record counts its published projects per role and names the latest 20 of
  each; `projects_url` lists them all.
- The project list takes the public list's query parameters and gives the same projects in the
  same order.

Errors are JSON: `{"detail": "...", "errors": {"<parameter>": [{"message": "...", "code":
"..."}]}}`. A parameter that does not validate (a wrong type, a value out of range, an unknown
slug, a budget range without its currency) is a 400 naming it. An unknown or unpublished record
is a 404, and so is a page past the last one, with `errors.page` saying which page is the last.
Messages from the project filters are in the language of the Accept-Language header; codes do
not change.
"""

api = NinjaAPI(
    title="Grant-project registry API",
    version="1.1.0",
    description=API_DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    # With "ninja" in INSTALLED_APPS the Swagger page's assets come from our own static files
    # (served by whitenoise); without it they would come from a CDN.
    docs_url="/docs",
)
errors.install(api)
for resource in (projects, organizations, places):
    api.add_router("", resource.router)
