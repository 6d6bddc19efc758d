"""The Jinja2 engine of the project page's body (projects/jinja2/, TEMPLATES "jinja2").

Django's template engine spent ~2.5 ms on the body of a project page (some 300 nodes), more
than reading the project; Jinja2 compiles the template to Python and renders it several
times faster, as it already does for the admin's form widgets (form_rendering.py). The page
around the body (head, header, footer) stays a Django template shared with every page.

The body calls the same functions as the Django templates' tags and filters, so a project
reads the same whichever engine shows it. Texts are marked `_("...")`, a form that
`makemessages` finds in these templates too; a plural is a function below, where it finds it.
"""

from django.template.defaultfilters import linebreaks_filter
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, StrictUndefined

from .templatetags import evidence_tags, registry_tags


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)  # a misspelt name fails, never blanks
    options = {name: value for name, value in options.items() if name != "autoescape"}
    env = Environment(autoescape=True, **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=lambda name, *args: reverse(name, args=args),
        static=static,
        language_info=translation.get_language_info,
        render_django=render_django,
        duration=duration,
        query_with=registry_tags.query_string_with,
        languages_of_page=registry_tags.languages_of_page,
        places_caption=places_caption,
        most_projects_caption=most_projects_caption,
        evidence=evidence_tags.evidence,
        marked_source=evidence_tags.marked_source,
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
    """A Django template the other pages share (the map, the currency switch), in place."""
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
