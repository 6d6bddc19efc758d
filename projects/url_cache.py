"""Addresses of views, of records by slug (`/ru/places/almaty/`) and of static files, as
`reverse()` and `static()` give them, without asking the resolver or the storage each time.

A project's page links dozens of places and organisations and a dozen sections of the site, and
`reverse()` walks the URL patterns for each (about 12 µs a call, a tenth of the page's template
time). For a given language, URL configuration and script prefix, a view without arguments
has one address, and a slug view's address is a fixed text around the slug; each is asked of
`reverse()` once.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

# What Django's `slug` path converter accepts; anything else goes to reverse(), which raises.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_MARKER = "slug-placeholder-0"


def view_url(view_name: str) -> str:
    """reverse(view_name) for a view without arguments."""
    return _reversed(view_name, translation.get_language(), get_urlconf(), get_script_prefix())


@functools.lru_cache(maxsize=256)
def _reversed(view_name: str, language, urlconf, script_prefix) -> str:
    """The arguments besides the view's name are what reverse() depends on."""
    return reverse(view_name)


@functools.lru_cache(maxsize=512)
def static_url(path: str) -> str:
    """{% static path %}: the storage's address of a static file, which for a running process
    is fixed (a manifest storage reads its manifest once, when it starts)."""
    return static(path)


def slug_url(view_name: str, slug: str) -> str:
    """reverse(view_name, kwargs={"slug": slug}) for a view whose one argument is a slug."""
    if not _SLUG.match(slug):
        return reverse(view_name, kwargs={"slug": slug})
    before, after = _around_slug(
        view_name, translation.get_language(), get_urlconf(), get_script_prefix()
    )
    return f"{before}{slug}{after}"


@functools.lru_cache(maxsize=256)
def _around_slug(view_name: str, language, urlconf, script_prefix) -> tuple[str, str]:
    """The address's text before and after the slug (the arguments as in _reversed)."""
    before, after = reverse(view_name, kwargs={"slug": _MARKER}).split(_MARKER)
    return before, after


@receiver(setting_changed)
def _forget_addresses(*, setting: str, **kwargs) -> None:
    """A test that swaps the URL configuration or the static storage gets the new addresses."""
    if setting in ("ROOT_URLCONF", "FORCE_SCRIPT_NAME", "LANGUAGES", "LANGUAGE_CODE"):
        _reversed.cache_clear()
        _around_slug.cache_clear()
    if setting in ("STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"):
        static_url.cache_clear()
