"""The Jinja2 engine (TEMPLATES "jinja2", templates in projects/jinja2/): the project page's
body, and the header, footer, map and currency switch that every page shares, which Django
templates include with the `{% jinja %}` tag (templatetags/registry_tags.py).

At 100,000 projects a project page built afresh took 17 ms against 1.6 ms for /healthz, and
Django's template engine was a quarter of it (some 300 nodes for the body alone). Jinja2
compiles a template to Python and renders it several times faster, as it already does for
the admin's form widgets (form_rendering.py). Every other page stays a Django template.

The templates call the same functions as the Django templates' tags and filters, so a page
reads the same whichever engine draws a part of it. Texts are marked `_("...")`, a form that
`makemessages` finds in these templates too; a plural is a function below, where it finds it.
"""

from django.template.defaultfilters import linebreaks_filter
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, StrictUndefined

from . import evidence_html
from .templatetags import registry_tags
from .url_cache import static_url, view_url


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)  # a misspelt name fails, never blanks
    options = {name: value for name, value in options.items() if name != "autoescape"}
    env = Environment(autoescape=True, **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=lambda name, *args: reverse(name, args=args) if args else view_url(name),
        static=static_url,
        language_info=translation.get_language_info,
        render_django=render_django,
        duration=duration,
        query_with=registry_tags.query_string_with,
        languages_of_page=registry_tags.languages_of_page,
        places_caption=places_caption,
        most_projects_caption=most_projects_caption,
        marked_source=evidence_html.marked_source,
        date_range=registry_tags.date_range,
        funding_amount=registry_tags.funding_amount,
        converted=registry_tags.converted,
    )
    env.filters.update(
        capfirst=capfirst,
        linebreaks=linebreaks_filter,
        local_date=registry_tags.local_date,
        one_full_stop=registry_tags.one_full_stop,
        tel_href=registry_tags.tel_href,
    )
    return env


def render_django(template_name: str, request=None, **context) -> SafeString:
    """A Django template that other pages share (an amount converted), in place."""
    return SafeString(get_template(template_name, using="django").render(context, request))


def duration(months: int) -> str:
    return ngettext("%(months)s month", "%(months)s months", months) % {"months": months}


def places_caption(count: int) -> str:
    return ngettext(
        "%(counter)s place where these projects work",
        "%(counter)s places where these projects work",
        count,
    ) % {"counter": count}


def most_projects_caption(count: int) -> str:
    return ngettext(
        "the %(counter)s with most projects", "the %(counter)s with most projects", count
    ) % {"counter": count}
