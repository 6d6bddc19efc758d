"""Dates known only to a day, a month or a year ("Ақпан 2017 – Қаңтар 2020").

A partial date is written as an ISO string whose length is its precision: "2014-04-01" (day),
"2016-09" (month), "2017" (year). In the database it is a date plus a precision; a start is
stored as the first day of its period and an end as the last day, so that comparisons and the
project status are right at any precision.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    date: datetime.date | None
    precision: str

    def isoformat(self) -> str | None:
        """The partial ISO string back: "2016-09" for a month-precision date."""
        if self.date is None:
            return None
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


UNKNOWN_DATE = PartialDate(None, DatePrecision.UNKNOWN)


def parse_partial_date(value: str | None, *, period_end: bool = False) -> PartialDate:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or None) into a date and its precision.

    With period_end=True a month or year is stored as its last day (for end dates).
    Raises ValueError with a readable message on anything else.
    """
    if value is None or str(value).strip() == "":
        return UNKNOWN_DATE
    text = str(value).strip()
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    if match["day"]:
        return PartialDate(datetime.date.fromisoformat(text), DatePrecision.DAY)
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        day = calendar.monthrange(year, month)[1] if period_end else 1
        return PartialDate(datetime.date(year, month, day), DatePrecision.MONTH)
    return PartialDate(
        datetime.date(year, 12, 31) if period_end else datetime.date(year, 1, 1),
        DatePrecision.YEAR,
    )
