from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import dateformat, translation

from ..partial_dates import DatePrecision, PartialDate

register = template.Library()


@register.filter
def partial_date(value: PartialDate) -> str:
    """A date at its precision, in the active language: "15 апреля 2014", "февраль 2017"."""
    if value is None or value.date is None:
        return ""
    if value.precision == DatePrecision.YEAR:
        return str(value.date.year)
    if value.precision == DatePrecision.MONTH:
        # "f Y" would abbreviate; the standalone month name ("F") is the nominative form.
        return dateformat.format(value.date, "F Y").lower()
    return dateformat.format(value.date, "j E Y")


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[dict]:
    """This page (path and query) in each language, for the switcher and hreflang links."""
    request = context["request"]
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
