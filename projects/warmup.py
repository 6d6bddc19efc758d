"""What an app process readies before its first request.

A process reads much only once: its modules, the URL patterns, the translation catalogues,
the compiled templates, the Russian morphology dictionaries, the place tree and the names a
search recognises. Done by the first visitor's request, that cost a search 1.4 s and a list
page 0.35 s at 100,000 projects, and gunicorn replaces each worker every thousand requests or
so (max_requests), so one visitor in a thousand waited for it. registry/wsgi.py calls
warm_up() as each app process starts, before it serves anyone.

What it read then lives as long as the process, so it is moved out of the garbage collector's
way (gc.freeze): a full collection walked those few hundred thousand objects every ten
searches or so, 160 ms each time, a third of a search's time and all of its p95.

Nothing here is needed for correctness: whatever fails (the database not up yet) is logged and
left for the first request to do, as before.
"""

import gc
import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver, reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def warm_up() -> dict[str, float]:
    """Ready this process; returns the seconds each step took (logged)."""
    steps = {
        "framework": _framework,
        "code": _code,
        "urls": _urls,
        "translations": _translations,
        "templates": _templates,
        "morphology": _morphology,
        "names and places": _names_and_places,
    }
    timings: dict[str, float] = {}
    for name, step in steps.items():
        started = time.perf_counter()
        try:
            step()
        except Exception:  # noqa: BLE001 (a failed step is done by the first request instead)
            logger.warning("warm-up: %s failed; the first request will do it", name, exc_info=True)
        timings[name] = time.perf_counter() - started
    started = time.perf_counter()
    _freeze_long_lived()
    timings["freezing"] = time.perf_counter() - started
    logger.info(
        "warm-up done in %.2f s (%s)",
        sum(timings.values()),
        ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()),
    )
    return timings


def _framework() -> None:
    """The cache backend (its client library, a connection), date and number formats, the
    template context processors, the session and message stores."""
    from django.core.cache import cache
    from django.utils import formats
    from django.utils.module_loading import import_string

    cache.get("registry:warm-up")
    for language, _name in settings.LANGUAGES:
        formats.get_format("DATE_FORMAT", lang=language)
        formats.get_format("DECIMAL_SEPARATOR", lang=language)
    for engine in settings.TEMPLATES:
        for path in engine.get("OPTIONS", {}).get("context_processors", []):
            import_string(path)
    import_string(settings.MESSAGE_STORAGE)
    import_string(settings.SESSION_SERIALIZER)


def _code() -> None:
    from . import api, views  # noqa: F401 (imported for their import time only)
    from .caching import code_version

    code_version()  # reads every module and template once


def _urls() -> None:
    get_resolver().url_patterns  # noqa: B018 (loads every urls module)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            reverse("projects:project-list")  # fills each language's reverse lookup


def _translations() -> None:
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext("Projects")


def _templates() -> None:
    """Compiles the project's own templates, Django's and Jinja2's (each engine keeps them for
    the process)."""
    jinja2_folder = Path(__file__).resolve().parent / "jinja2"
    folders = [(folder, None) for folder in settings.TEMPLATES[0]["DIRS"]]
    for folder, engine in [*folders, (jinja2_folder, "jinja2")]:
        for path in sorted(Path(folder).rglob("*.html")):
            try:
                get_template(path.relative_to(folder).as_posix(), using=engine)
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue  # a broken one fails on its page, as it would have; the rest compile


def _morphology() -> None:
    from . import search
    from .ingest.morphology import morph

    morph()
    search.stems_of("правами")


def _names_and_places() -> None:
    """The place tree and the names a search recognises, as of the current data; the database
    connection is closed after, so that a process forked from this one (gunicorn's
    preload_app) never shares it."""
    from . import search_names
    from .caching import data_version
    from .places import PlaceTree

    try:
        version = data_version()
        PlaceTree.load(version)
        search_names.load(version).ready_corrections()
    finally:
        connections.close_all()


def _freeze_long_lived() -> None:
    """Collects what the warm-up left as garbage, then exempts every object alive now from
    later collections (they are still freed when nothing refers to them). In gunicorn's
    master (preload_app) this also keeps the workers from copying the pages it shares."""
    gc.collect()
    gc.freeze()
