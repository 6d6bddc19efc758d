import datetime

import pytest

from projects.partial_dates import DatePrecision, parse_partial_date


@pytest.mark.parametrize(
    ("text", "period_end", "date", "precision"),
    [
        ("2014-04-01", False, datetime.date(2014, 4, 1), DatePrecision.DAY),
        ("2014-04-01", True, datetime.date(2014, 4, 1), DatePrecision.DAY),
        ("2017-02", False, datetime.date(2017, 2, 1), DatePrecision.MONTH),
        ("2020-01", True, datetime.date(2020, 1, 31), DatePrecision.MONTH),
        ("2016-02", True, datetime.date(2016, 2, 29), DatePrecision.MONTH),
        ("2017", False, datetime.date(2017, 1, 1), DatePrecision.YEAR),
        ("2017", True, datetime.date(2017, 12, 31), DatePrecision.YEAR),
        (None, False, None, DatePrecision.UNKNOWN),
        ("", True, None, DatePrecision.UNKNOWN),
    ],
)
def test_parse_partial_date(text, period_end, date, precision):
    parsed = parse_partial_date(text, period_end=period_end)
    assert parsed.date == date
    assert parsed.precision == precision


@pytest.mark.parametrize("text", ["2014-04-01", "2016-09", "2017", None])
def test_isoformat_gives_back_what_was_parsed(text):
    assert parse_partial_date(text, period_end=True).isoformat() == text
    assert parse_partial_date(text).isoformat() == text


@pytest.mark.parametrize("text", ["2014-13", "2014-02-30", "April 2014", "14-04-01", "2014/04"])
def test_bad_partial_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)
