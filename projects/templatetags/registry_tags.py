import datetime
from decimal import Decimal

from django import template
from django.conf import settings
from django.template import engines
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import dateformat, timezone, translation
from django.utils.encoding import iri_to_uri
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from .. import countries, formatting
from ..currency import rate_year
from ..partial_dates import DatePrecision, PartialDate

register = template.Library()

# Month names are nouns in Russian and Kazakh prose ("февраль 2017", "ақпан 2017").
LOWERCASE_MONTH_LANGUAGES = {"ru", "kk"}


@register.filter
def local_date(value) -> str:
    """A full date in the page's language: "5 ноября 2012 г.", "5 қараша 2012 ж.", "Nov. 5, 2012".

    Django's Kazakh month names are capitalised; Kazakh prose writes them in lower case."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = date_format(value, "DATE_FORMAT")
    return text.lower() if translation.get_language() == "kk" else text


@register.filter
def partial_date(value: PartialDate) -> str:
    """A date at its precision, in the active language: "1 апреля 2014 г.", "февраль 2017"."""
    if value is None or value.date is None:
        return ""
    if value.precision == DatePrecision.YEAR:
        return str(value.date.year)
    if value.precision == DatePrecision.MONTH:
        text = dateformat.format(value.date, "F Y")
        if translation.get_language() in LOWERCASE_MONTH_LANGUAGES:
            text = text.lower()
        return text
    return local_date(value.date)


@register.filter
def money(amount, currency: str = "") -> str:
    """213793 -> "213 793 EUR" (ru, kk) or "213,793 EUR" (en); cents only when present."""
    return formatting.money(amount, currency)


@register.simple_tag
def funding_amount(line) -> str:
    """The amount with the source's own qualifier: "более 1 500 000 USD", "up to 800,000 USD"."""
    return formatting.qualified_amount(line.amount, line.qualifier, line.currency)


@register.filter(is_safe=True)
def one_full_stop(text: str) -> str:
    """A sentence that ends with an abbreviation ends with its full stop alone: "обновлена
    1 декабря 2026 г." rather than "г..", as typesetters write it."""
    stripped = text.rstrip()
    return stripped[:-1] if stripped.endswith("..") and not stripped.endswith("...") else text


@register.filter
def country_name(code: str) -> str:
    """An ISO 3166 code as the country's name in the page's language."""
    return countries.country_name(code)


@register.filter
def number(value) -> str:
    """A whole number with the language's thousands separator: "329 002", "329,002"."""
    return formatting.number(value)


@register.simple_tag
def qualified_sums(sums, currency: str) -> str:
    """Sums of one currency kept apart by qualifier: "750 000 USD + до 800 000 USD"."""
    return formatting.qualified_sums(sums, currency)


@register.simple_tag
def budget(project) -> str:
    """A list row's budget (ProjectQuerySet.with_budget) with how the sources qualify it:
    "более 1 500 000 USD" stays "более", never a bare figure."""
    return formatting.qualified_amount(
        project.budget_amount, project.budget_qualifier, project.budget_currency
    )


@register.simple_tag
def date_range(project) -> str:
    start, end = partial_date(project.start), partial_date(project.end)
    if not start and not end:
        return ""
    # Outside f-strings, so that makemessages finds the texts.
    start = start or gettext("start not stated")
    end = end or gettext("end not stated")
    return f"{start} – {end}"


@register.simple_tag(takes_context=True)
def jinja(context, template_name: str, **values) -> SafeString:
    """A template of the Jinja2 engine (projects/jinja2/: the header, footer, map and currency
    switch that every page shares; why: projects/jinja_environment.py), in place, with this
    page's variables and `values`."""
    template = engines["jinja2"].get_template(template_name)
    return SafeString(template.render(context.flatten() | values, context.get("request")))


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    return query_string_with(context["request"], **changes)


def query_string_with(request, **changes) -> str:
    """The current query string with some parameters changed (None removes one)."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[dict]:
    return languages_of_page(context["request"])


def languages_of_page(request) -> list[dict]:
    """This page (path and query) in each language, for the switcher and hreflang links."""
    current = translation.get_language()
    known = getattr(request, "_page_in_languages", None)  # the head and the switcher both ask
    if known is None or known[0] != current:
        links = [
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": _page_in_language(request, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
        known = request._page_in_languages = (current, links)
    return known[1]


def _page_in_language(request, code: str) -> str:
    """translate_url() of the page, from the view the request already resolved to (its
    address asked of reverse() in that language) instead of resolving the path again."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return translate_url(request.get_full_path(), code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            path = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), code)
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{iri_to_uri(query)}" if query else path


@register.filter
def get_bound_field(form, name: str):
    return form[name]


@register.filter
def tel_href(phone: str) -> str:
    """ "+ 7 (7172) 971148" -> "+77172971148" for a tel: link."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"+{digits}" if phone.strip().startswith("+") else digits


@register.simple_tag
def converted(amount, currency: str, project, display: str | None, rates):
    """The amount in the visitor's display currency (a Converted or NotConverted), or None
    when nothing is to be shown."""
    if not display or amount is None or rates is None or currency == display:
        return None
    return rates.convert(Decimal(amount), currency, display, rate_year(project))
