"""Document dates as people give them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a timestamp's date part too).

A date without a day counts as the 1st of its month, and a year alone as 1 January, so that a document dated
``2024-11`` resolves "last year" and "in ten years' time" against 2024.

    >>> parse_date("2024-11")
    datetime.date(2024, 11, 1)
    >>> parse_date("2023-02-02T09:30:00+00:00")
    datetime.date(2023, 2, 2)
    >>> parse_date("23/05/2022")
    Traceback (most recent call last):
    ...
    caresocial.dates.DateError: '23/05/2022' is not a date in YYYY, YYYY-MM or YYYY-MM-DD form
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import CaresocialError

FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
# a date, optionally followed by a time of day (ISO 8601 'T' or a space) as in HTML and PDF metadata
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{2}:\d{2}[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")


class DateError(CaresocialError, ValueError):
    """A date that is not in one of the accepted forms (or not a real day)."""


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A :class:`datetime.date` from ``value``: a date (a datetime gives its date), None, or a string in one of
    the forms ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a time of day after it is ignored). Raises
    :class:`DateError` for anything else, never guesses."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date (give a string in {FORMS} form or a datetime.date)")
    m = _DATE.fullmatch(value.strip())
    if m is None:
        raise DateError(f"{value!r} is not a date in {FORMS} form")
    year, month, day = m.group(1), m.group(2) or "1", m.group(3) or "1"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as e:
        raise DateError(f"{value!r} is not a real date ({e})") from None
