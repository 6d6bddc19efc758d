from django import template
from django.utils import dateformat

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
